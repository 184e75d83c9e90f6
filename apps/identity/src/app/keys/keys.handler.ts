import { Injectable } from '@nestjs/common';
import { IdentityRpc, type CreatedServiceKey, type ServiceKeyView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { KeysService, type CreateServiceKeyBody } from './keys.service';

@Injectable()
export class KeysHandler {
  constructor(private readonly keys: KeysService) {}

  @RpcHandler(IdentityRpc.listKeys)
  async list(body: { instance: string }): Promise<{ keys: ServiceKeyView[] }> {
    return { keys: await this.keys.list(body.instance) };
  }

  @RpcHandler(IdentityRpc.createKey)
  create(body: { instance: string; body: CreateServiceKeyBody }): Promise<CreatedServiceKey> {
    return this.keys.create(body.instance, body.body);
  }

  @RpcHandler(IdentityRpc.getKey)
  get(body: { instance: string; key: string }): Promise<ServiceKeyView> {
    return this.keys.get(body.instance, body.key);
  }

  @RpcHandler(IdentityRpc.deleteKey)
  delete(body: { instance: string; key: string }): Promise<void> {
    return this.keys.delete(body.instance, body.key);
  }
}
