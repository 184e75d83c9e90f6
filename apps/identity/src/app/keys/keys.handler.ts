import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IdentityRpc, type CreatedServiceKey, type ServiceKeyView } from '@certgate/contracts';
import { KeysService, type CreateServiceKeyBody } from './keys.service';

@Controller()
export class KeysHandler {
  constructor(private readonly keys: KeysService) {}

  @MessagePattern(IdentityRpc.listKeys)
  async list(body: { instance: string }): Promise<{ keys: ServiceKeyView[] }> {
    return { keys: await this.keys.list(body.instance) };
  }

  @MessagePattern(IdentityRpc.createKey)
  create(body: { instance: string; body: CreateServiceKeyBody }): Promise<CreatedServiceKey> {
    return this.keys.create(body.instance, body.body);
  }

  @MessagePattern(IdentityRpc.getKey)
  get(body: { instance: string; key: string }): Promise<ServiceKeyView> {
    return this.keys.get(body.instance, body.key);
  }

  @MessagePattern(IdentityRpc.deleteKey)
  delete(body: { instance: string; key: string }): Promise<void> {
    return this.keys.delete(body.instance, body.key);
  }
}
