import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IdentityRpc, type InstanceParameters, type ServiceInstance, type ServiceKeyView } from '@certgate/contracts';
import { InstancesService } from './instances.service';

@Controller()
export class InstancesHandler {
  constructor(private readonly instances: InstancesService) {}

  @MessagePattern(IdentityRpc.listInstances)
  async list(): Promise<{ instances: ServiceInstance[] }> {
    return { instances: await this.instances.list() };
  }

  @MessagePattern(IdentityRpc.createInstance)
  create(body: { name: string; parameters: InstanceParameters }): Promise<ServiceInstance> {
    return this.instances.create(body.name, body.parameters);
  }

  @MessagePattern(IdentityRpc.updateInstance)
  update(body: { instance: string; parameters: InstanceParameters }): Promise<ServiceInstance> {
    return this.instances.update(body.instance, body.parameters);
  }

  @MessagePattern(IdentityRpc.getInstance)
  get(body: { instance: string }): Promise<ServiceInstance & { keys: ServiceKeyView[] }> {
    return this.instances.get(body.instance);
  }

  @MessagePattern(IdentityRpc.deleteInstance)
  delete(body: { instance: string }): Promise<void> {
    return this.instances.delete(body.instance);
  }
}
