import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorMessage, oauthAudience, oauthIssuer, type InvokeRequest, type InvokeResponse } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import { MplPublisher } from '../mpl/mpl-publisher';
import { ReceiverService } from '../receiver/receiver.service';
import { FlowCache } from '../state/flow-cache';
import { PrincipalCache } from '../state/principal-cache';
import { SigningKeyCache } from '../state/signing-key-cache';
import { SystemKeyCache } from '../state/system-key-cache';
import { NormalizedDnCache } from './dn-cache';
import { handleInvoke, type InvokeDeps, type InvokeOutcome } from './invoke-pipeline';
import { errorResponse } from './invoke-responses';
import { TokenVerifier } from './token-verifier';

/** Runs one inbound message through its flow (from memory, unless it goes on to a receiver), and logs it to the MPL without waiting. */
@Injectable()
export class InvokeService {
  private readonly logger = new Logger('invoke');
  private readonly deps: InvokeDeps;

  constructor(
    flows: FlowCache,
    principals: PrincipalCache,
    systemKey: SystemKeyCache,
    signingKeys: SigningKeyCache,
    receiver: ReceiverService,
    private readonly mpl: MplPublisher,
    @Inject(SERVICE_ENV) env: FlowRuntimeEnv,
  ) {
    const tokens = new TokenVerifier(signingKeys, {
      issuer: oauthIssuer(env.CERTGATE_TENANT),
      audience: oauthAudience(env.CERTGATE_TENANT),
      leewaySeconds: env.CERTGATE_OAUTH_CLOCK_LEEWAY_SECONDS,
    });
    signingKeys.onChange(() => tokens.forget());
    this.deps = {
      flowAt: (address) => flows.byAddress(address),
      principals,
      tokens,
      systemKey: () => systemKey.state(Date.now()),
      mode: env.CERTGATE_MODE,
      dnCache: new NormalizedDnCache(),
      receiver,
    };
  }

  /** Answers in the same tick unless a Bearer token must be verified first or the flow calls a receiver. */
  invoke(req: InvokeRequest): InvokeResponse | Promise<InvokeResponse> {
    const started = performance.now();
    let result: InvokeOutcome | Promise<InvokeOutcome>;
    try {
      result = handleInvoke(req, this.deps);
    } catch (err) {
      return this.finish(req, started, this.failed(req, err));
    }
    if (result instanceof Promise) {
      return result.then(
        (outcome) => this.finish(req, started, outcome),
        (err: unknown) => this.finish(req, started, this.failed(req, err)),
      );
    }
    return this.finish(req, started, result);
  }

  /** Never fail open: an unexpected failure is a refusal, logged here with its cause. */
  private failed(req: InvokeRequest, err: unknown): InvokeOutcome {
    this.logger.error({ msg: 'message processing failed', requestId: req.requestId, address: req.address, error: errorMessage(err) });
    const description = 'the flow runtime could not process the message';
    return { response: errorResponse(500, 'internal_error', description), outcome: 'failed', error: description };
  }

  private finish(req: InvokeRequest, started: number, result: InvokeOutcome): InvokeResponse {
    this.mpl.publish({
      messageId: req.requestId,
      requestId: req.requestId,
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
