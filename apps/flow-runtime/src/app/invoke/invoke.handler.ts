import { Injectable } from '@nestjs/common';
import { RuntimeRpc, type InvokeRequest, type InvokeResponse } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { InvokeService } from './invoke.service';

/** `runtime.invoke.v1`, answered by one replica of the queue group per request. */
@Injectable()
export class InvokeHandler {
  constructor(private readonly service: InvokeService) {}

  @RpcHandler(RuntimeRpc.invoke)
  invoke(request: InvokeRequest): InvokeResponse | Promise<InvokeResponse> {
    return this.service.invoke(request);
  }
}
