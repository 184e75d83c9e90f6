import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { FlowsRpc, type DeployedFlow, type FlowDefinition } from '@certgate/contracts';
import { FlowsService } from './flows.service';

/** The `runtime.flows.*` requests the console sends. */
@Controller()
export class FlowsHandler {
  constructor(private readonly flows: FlowsService) {}

  @MessagePattern(FlowsRpc.put)
  put(req: { id: string; definition: FlowDefinition }): Promise<DeployedFlow> {
    return this.flows.put(req.id, req.definition);
  }

  @MessagePattern(FlowsRpc.list)
  list(): Promise<{ flows: DeployedFlow[] }> {
    return this.flows.list();
  }

  @MessagePattern(FlowsRpc.get)
  get(req: { id: string }): Promise<DeployedFlow> {
    return this.flows.get(req.id);
  }

  @MessagePattern(FlowsRpc.delete)
  delete(req: { id: string }): Promise<void> {
    return this.flows.delete(req.id);
  }
}
