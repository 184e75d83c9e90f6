import { Injectable } from '@nestjs/common';
import { ClassicRpc, type CertificateMapping } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { MappingsService } from './mappings.service';

@Injectable()
export class MappingsHandler {
  constructor(private readonly mappings: MappingsService) {}

  @RpcHandler(ClassicRpc.listMappings)
  async list(body: { user?: string }): Promise<{ mappings: CertificateMapping[] }> {
    return { mappings: await this.mappings.list(body.user) };
  }

  @RpcHandler(ClassicRpc.createMapping)
  create(body: { user: string; certificate: string }): Promise<CertificateMapping> {
    return this.mappings.create(body.user, body.certificate);
  }

  @RpcHandler(ClassicRpc.getMapping)
  get(body: { id: string }): Promise<CertificateMapping> {
    return this.mappings.get(body.id);
  }

  @RpcHandler(ClassicRpc.deleteMapping)
  delete(body: { id: string }): Promise<void> {
    return this.mappings.delete(body.id);
  }
}
