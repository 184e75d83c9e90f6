import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { InvokeRequest, InvokeResponse } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import { MplPublisher } from '../mpl/mpl-publisher';
import { FlowCache } from '../state/flow-cache';
import { PrincipalCache } from '../state/principal-cache';
import { SystemKeyCache } from '../state/system-key-cache';
import { NormalizedDnCache } from './dn-cache';
import { handleInvoke, type InvokeDeps, type InvokeOutcome } from './invoke-pipeline';
import { errorResponse } from './invoke-responses';

/** Runs one inbound message through its flow from memory, and logs it to the MPL without waiting. */
@Injectable()
export class InvokeService {
  private readonly logger = new Logger('invoke');
  private readonly deps: InvokeDeps;

  constructor(
    flows: FlowCache,
    principals: PrincipalCache,
    systemKey: SystemKeyCache,
    private readonly mpl: MplPublisher,
    @Inject(SERVICE_ENV) env: FlowRuntimeEnv,
  ) {
    this.deps = {
      flowAt: (address) => flows.byAddress(address),
      principals,
      systemKey: () => systemKey.state(Date.now()),
      mode: env.CERTGATE_MODE,
      dnCache: new NormalizedDnCache(),
    };
  }

  invoke(req: InvokeRequest): InvokeResponse {
    const started = performance.now();
    let result: InvokeOutcome;
    try {
      result = handleInvoke(req, this.deps);
    } catch (err) {
      // Never fail open: an unexpected failure is a refusal, logged here with its cause.
      this.logger.error({ msg: 'message processing failed', requestId: req.requestId, address: req.address, error: err instanceof Error ? err.message : String(err) });
      const description = 'the flow runtime could not process the message';
      result = { response: errorResponse(500, 'internal_error', description), outcome: 'failed', error: description };
    }
    this.mpl.publish({
      messageId: req.requestId,
      ...(result.flowId ? { flowId: result.flowId } : {}),
      address: req.address,
      ...(result.principal ? { principal: result.principal } : {}),
      status: result.response.status ?? 200,
      outcome: result.outcome,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      ...(result.error ? { error: result.error } : {}),
      time: new Date().toISOString(),
      nodeId: this.mpl.nodeId,
    });
    return result.response;
  }
}
