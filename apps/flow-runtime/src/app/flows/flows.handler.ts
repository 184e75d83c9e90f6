import { Injectable } from '@nestjs/common';
import { FlowsRpc, type DeployedFlow, type FlowDefinition } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { FlowsService } from './flows.service';

/** The `runtime.flows.*` requests the console sends. */
@Injectable()
export class FlowsHandler {
  constructor(private readonly flows: FlowsService) {}

  @RpcHandler(FlowsRpc.put)
  put(req: { id: string; definition: FlowDefinition }): Promise<DeployedFlow> {
    return this.flows.put(req.id, req.definition);
  }

  @RpcHandler(FlowsRpc.list)
  list(): Promise<{ flows: DeployedFlow[] }> {
    return this.flows.list();
  }

  @RpcHandler(FlowsRpc.get)
  get(req: { id: string }): Promise<DeployedFlow> {
    return this.flows.get(req.id);
  }

  @RpcHandler(FlowsRpc.delete)
  delete(req: { id: string }): Promise<void> {
    return this.flows.delete(req.id);
  }
}
