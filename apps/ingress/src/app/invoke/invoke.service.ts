import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { errorMessage, RuntimeRpc, tenantSubject, type InvokeResponse } from '@certgate/contracts';
import { CertgateClient, largestBodyInOneMessage, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { sendError, type DataPlaneError } from '../common/data-plane-responses';
import { lingerThenClose } from '../common/lingering-close';
import type { RequestContext } from '../common/request-context';
import type { IngressEnv } from '../ingress-env';
import { RequestLog } from '../logs/request-log.service';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { bodyTooLarge, declaredTooLarge, declaresNoBody, readLimitedBody, type BodyOutcome } from './body-limit';
import { invokeEnvelope } from './invoke-envelope';
import { isRelayableStatus, relayedHeaders, runtimeFailure } from './runtime-reply';
import { unauthenticatedDenial } from './unauthenticated';

const EMPTY = Buffer.alloc(0);
const NO_BODY: BodyOutcome = { kind: 'ok', body: EMPTY };

/**
 * `/http/<address>`: the request goes to the flow runtime as an envelope over NATS and
 * the runtime's reply goes back to the sender. The only thing awaited on this path is
 * the runtime's reply; logs and metrics are fire-and-forget.
 */
@Injectable()
export class InvokeService {
  private readonly invokeSubject: string;
  /** INGRESS_MAX_BODY_BYTES, lowered to what one NATS message carries: a larger body is a 413, not a 503. */
  private readonly maxBodyBytes: number;
  /** The 413 answer, built once. */
  private readonly tooLargeBody: DataPlaneError;
  /** INGRESS_UNAUTHENTICATED_NOT_FOUND=hide. */
  private readonly hideNotFound: boolean;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly rpc: CertgateClient,
    private readonly log: RequestLog,
    private readonly metrics: IngressMetrics,
  ) {
    this.invokeSubject = tenantSubject(env.CERTGATE_TENANT, RuntimeRpc.invoke.subject);
    this.hideNotFound = env.INGRESS_UNAUTHENTICATED_NOT_FOUND === 'hide';
    this.maxBodyBytes = largestBodyInOneMessage(env.INGRESS_MAX_BODY_BYTES, nc.info?.max_payload);
    if (this.maxBodyBytes < env.INGRESS_MAX_BODY_BYTES) {
      new Logger('ingress').warn({
        msg: 'INGRESS_MAX_BODY_BYTES lowered to what one NATS message carries (raise max_payload on the NATS server for more)',
        configured: env.INGRESS_MAX_BODY_BYTES,
        effective: this.maxBodyBytes,
        natsMaxPayload: nc.info?.max_payload,
      });
    }
    this.tooLargeBody = bodyTooLarge(this.maxBodyBytes, env.INGRESS_MAX_BODY_BYTES);
  }

  async invoke(
    ctx: RequestContext,
    target: { address: string; query: string },
    req: IncomingMessage,
    res: ServerResponse,
    expectContinue: boolean,
  ): Promise<void> {
    const maxBytes = this.maxBodyBytes;
    if (declaredTooLarge(req.headers, maxBytes)) return this.tooLarge(ctx, req, res, `declares ${req.headers['content-length']} bytes`);
    // Only now may the client send the body it announced with `Expect: 100-continue`.
    if (expectContinue) res.writeContinue();
    const body = declaresNoBody(req.headers) ? NO_BODY : await readLimitedBody(req, maxBytes);
    if (body.kind === 'too_large') return this.tooLarge(ctx, req, res, `passed ${maxBytes} bytes while streaming`);
    if (body.kind === 'aborted') {
      res.destroy();
      return;
    }

    const timeoutMs = this.env.INGRESS_RUNTIME_TIMEOUT_MS;
    const envelope = invokeEnvelope({
      requestId: ctx.requestId,
      nodeId: this.env.CERTGATE_NODE_ID,
      method: ctx.method,
      address: target.address,
      query: target.query,
      headers: req.headers,
      body: body.body,
      clientAddress: ctx.connection.ip,
      tls: ctx.connection.tls,
    });
    const sent = performance.now();
    let reply: InvokeResponse;
    try {
      reply = await this.rpc.request(RuntimeRpc.invoke, envelope, { timeoutMs });
    } catch (err) {
      const refusal = runtimeFailure(err, this.invokeSubject, timeoutMs);
      this.metrics.runtimeCall(refusal.outcome, (performance.now() - sent) / 1000);
      this.trace(ctx, refusal.trace.level, refusal.trace.event, refusal.trace.reason, refusal.trace.message, { address: target.address });
      if (refusal.status === 404 && this.hideNotFound && this.hiddenNotFound(ctx, target.address, req, res)) return;
      return sendError(res, refusal.status, refusal.body);
    }
    this.metrics.runtimeCall('ok', (performance.now() - sent) / 1000);
    // Only a 404 costs a look at the credentials; every other answer is relayed at once.
    if (reply.status === 404 && this.hideNotFound && !reply.denial && this.hiddenNotFound(ctx, target.address, req, res)) return;
    this.relay(ctx, target.address, res, reply);
  }

  /**
   * INGRESS_UNAUTHENTICATED_NOT_FOUND=hide: a request that cannot authenticate gets, at an
   * address without a flow, the very 401 every deployed flow answers it (libs/authz
   * decides it from the request alone), so its answer does not tell whether a flow
   * exists. The trace log keeps the truth. False (nothing sent) when the request presents
   * credentials only the runtime can judge: its 404 is relayed.
   */
  private hiddenNotFound(ctx: RequestContext, address: string, req: IncomingMessage, res: ServerResponse): boolean {
    const denial = unauthenticatedDenial(ctx.connection.tls, req.headers.authorization);
    if (!denial) return false;
    this.trace(
      ctx,
      'info',
      'runtime.not_found_hidden',
      'not_found',
      `no flow is deployed at address '${address}'; answered 401 as a deployed flow would, since the request cannot authenticate (${denial.reason}; INGRESS_UNAUTHENTICATED_NOT_FOUND=hide)`,
      { address, status: 404, answered: 401, denial: denial.reason },
    );
    sendError(res, 401, denial.body);
    return true;
  }

  private relay(ctx: RequestContext, address: string, res: ServerResponse, reply: InvokeResponse): void {
    const headers = relayedHeaders(reply.headers);
    const problem = !isRelayableStatus(reply.status) ? `status ${reply.status} is not a final HTTP status` : invalidHeader(headers);
    if (problem) {
      this.trace(ctx, 'error', 'runtime.invalid_reply', 'bad_gateway', `the flow runtime's reply cannot be relayed: ${problem}`, { address });
      return sendError(res, 502, { error: 'bad_gateway', error_description: 'the flow runtime answered with a reply that cannot be relayed' });
    }
    if (reply.principal) ctx.principal = reply.principal;
    if (reply.denial) {
      this.trace(ctx, 'info', 'runtime.denied', reply.denial.reason, reply.denial.description, { address, status: reply.status });
    } else if (reply.status >= 400) {
      this.trace(
        ctx,
        reply.status >= 500 ? 'error' : 'info',
        'runtime.refused',
        reply.status === 404 ? 'not_found' : `http_${reply.status}`,
        `the flow runtime answered ${reply.status} for address '${address}'`,
        {
          address,
          status: reply.status,
        },
      );
    }
    res.writeHead(reply.status, { ...headers, 'content-length': reply.body.length });
    res.end(reply.body);
  }

  private tooLarge(ctx: RequestContext, req: IncomingMessage, res: ServerResponse, what: string): void {
    const max = this.maxBodyBytes;
    this.trace(ctx, 'warn', 'body.too_large', 'payload_too_large', `the request body ${what}; the limit is ${max} bytes`);
    // The rest of the body is not read: the connection closes after this answer.
    lingerThenClose(req);
    sendError(res, 413, this.tooLargeBody, { connection: 'close' });
  }

  private trace(
    ctx: RequestContext,
    level: 'info' | 'warn' | 'error',
    event: string,
    reason: string,
    message: string,
    details?: Record<string, unknown>,
  ): void {
    this.log.trace({ time: new Date(), level, event, requestId: ctx.requestId, ip: ctx.connection.ip, reason, message, details });
  }
}

function invalidHeader(headers: Record<string, string>): string | undefined {
  for (const name in headers) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, headers[name]);
    } catch (err) {
      return `header '${name}': ${errorMessage(err)}`;
    }
  }
  return undefined;
}
