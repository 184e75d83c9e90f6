import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RuntimeRpc, type InvokeRequest, type InvokeResponse, type InvokeResponseV1 } from '@certgate/contracts';
import type { z } from 'zod';
import { InvokeService } from './invoke.service';

/** `runtime.invoke.v2` (and the older v1), answered by one replica of the queue group per request. */
@Controller()
export class InvokeHandler {
  constructor(private readonly service: InvokeService) {}

  @MessagePattern(RuntimeRpc.invoke)
  invoke(request: InvokeRequest): InvokeResponse | Promise<InvokeResponse> {
    return this.service.invoke(request);
  }

  /** The body as base64 in JSON: from ingress replicas of the release before, during a rolling update. */
  @MessagePattern(RuntimeRpc.invokeV1)
  async invokeV1({ bodyBase64, ...request }: z.output<typeof RuntimeRpc.invokeV1.request>): Promise<InvokeResponseV1> {
    const { body, ...response } = await this.service.invoke({ ...request, body: Buffer.from(bodyBase64, 'base64') });
    return { ...response, bodyBase64: body.toString('base64') };
  }
}
