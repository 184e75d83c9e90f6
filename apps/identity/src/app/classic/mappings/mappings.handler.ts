import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ClassicRpc, type CertificateMapping } from '@certgate/contracts';
import { MappingsService } from './mappings.service';

@Controller()
export class MappingsHandler {
  constructor(private readonly mappings: MappingsService) {}

  @MessagePattern(ClassicRpc.listMappings)
  async list(body: { user?: string }): Promise<{ mappings: CertificateMapping[] }> {
    return { mappings: await this.mappings.list(body.user) };
  }

  @MessagePattern(ClassicRpc.createMapping)
  create(body: { user: string; certificate: string }): Promise<CertificateMapping> {
    return this.mappings.create(body.user, body.certificate);
  }

  @MessagePattern(ClassicRpc.getMapping)
  get(body: { id: string }): Promise<CertificateMapping> {
    return this.mappings.get(body.id);
  }

  @MessagePattern(ClassicRpc.deleteMapping)
  delete(body: { id: string }): Promise<void> {
    return this.mappings.delete(body.id);
  }
}
