import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RuntimeRpc, type InvokeRequest, type InvokeResponse } from '@certgate/contracts';
import { InvokeService } from './invoke.service';

/** `runtime.invoke.v1`, answered by one replica of the queue group per request. */
@Controller()
export class InvokeHandler {
  constructor(private readonly service: InvokeService) {}

  @MessagePattern(RuntimeRpc.invoke)
  invoke(request: InvokeRequest): InvokeResponse | Promise<InvokeResponse> {
    return this.service.invoke(request);
  }
}
