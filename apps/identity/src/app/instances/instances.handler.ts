import { Injectable } from '@nestjs/common';
import { IdentityRpc, type InstanceParameters, type ServiceInstance, type ServiceKeyView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { InstancesService } from './instances.service';

@Injectable()
export class InstancesHandler {
  constructor(private readonly instances: InstancesService) {}

  @RpcHandler(IdentityRpc.listInstances)
  async list(): Promise<{ instances: ServiceInstance[] }> {
    return { instances: await this.instances.list() };
  }

  @RpcHandler(IdentityRpc.createInstance)
  create(body: { name: string; parameters: InstanceParameters }): Promise<ServiceInstance> {
    return this.instances.create(body.name, body.parameters);
  }

  @RpcHandler(IdentityRpc.updateInstance)
  update(body: { instance: string; parameters: InstanceParameters }): Promise<ServiceInstance> {
    return this.instances.update(body.instance, body.parameters);
  }

  @RpcHandler(IdentityRpc.getInstance)
  get(body: { instance: string }): Promise<ServiceInstance & { keys: ServiceKeyView[] }> {
    return this.instances.get(body.instance);
  }

  @RpcHandler(IdentityRpc.deleteInstance)
  delete(body: { instance: string }): Promise<void> {
    return this.instances.delete(body.instance);
  }
}
