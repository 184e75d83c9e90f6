import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { sendError, sendJson, sendText } from '../common/data-plane-responses';
import type { RequestContext } from '../common/request-context';
import type { IngressEnv } from '../ingress-env';
import { flowAddress, splitTarget } from '../invoke/invoke-envelope';
import { InvokeService } from '../invoke/invoke.service';
import { accessLogWho } from '../logs/access-log-line';
import { RequestLog } from '../logs/request-log.service';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { OAuthEndpoints } from '../oauth/oauth-endpoints';
import { describeIdentity } from '../tls/client-identity';
import { connectionOf } from '../tls/connection';
import { ServerIdentity } from '../tls/server-identity.service';

/** Status logged for a request whose client went away before it was answered (as nginx does). */
const CLIENT_CLOSED = 499;

/**
 * Every request of the TLS server: gives it an id (`x-request-id`), routes it, writes
 * its access log line when it is done, and turns any failure into a 5xx (never a
 * pass-through).
 */
@Injectable()
export class RequestRouter {
  private readonly logger = new Logger('ingress');

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly invoke: InvokeService,
    private readonly log: RequestLog,
    private readonly metrics: IngressMetrics,
    private readonly server: ServerIdentity,
    private readonly oauth: OAuthEndpoints,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse, expectContinue = false): void {
    let ctx: RequestContext | undefined;
    try {
      ctx = {
        requestId: randomUUID(),
        time: new Date(),
        startedAt: performance.now(),
        connection: connectionOf(req.socket as TLSSocket),
        method: req.method ?? 'GET',
        target: req.url ?? '/',
      };
      const c = ctx;
      res.setHeader('x-request-id', c.requestId);
      res.once('close', () => this.complete(c, res));
      this.traceTlsRejection(c);
      this.route(c, req, res, expectContinue);
    } catch (err) {
      this.fail(ctx, res, err);
    }
  }

  private route(ctx: RequestContext, req: IncomingMessage, res: ServerResponse, expectContinue: boolean): void {
    const { path, query } = splitTarget(ctx.target);
    const address = flowAddress(path);
    if (address !== undefined) {
      this.invoke.invoke(ctx, { address, query }, req, res, expectContinue).catch((err: unknown) => this.fail(ctx, res, err));
      return;
    }
    const oauth = this.oauth.route(ctx, path, req, res, expectContinue);
    if (oauth) {
      oauth.catch((err: unknown) => this.fail(ctx, res, err));
      return;
    }
    if (ctx.method === 'GET' && path === '/health') {
      // Tells a sender how its own certificate fared, which is what one debugging a setup needs.
      return sendJson(res, 200, {
        status: 'up',
        service: 'ingress',
        nodeId: this.env.CERTGATE_NODE_ID,
        clientCertificate: describeIdentity(ctx.connection.identity),
      });
    }
    if (ctx.method === 'GET' && path === '/ingress/server-chain') {
      return sendText(res, 200, 'application/x-pem-file', this.server.chainPem);
    }
    const description = `no route ${ctx.method} ${path}: flows are called at /http/<address>`;
    this.log.trace({
      time: new Date(),
      level: 'info',
      event: 'route.not_found',
      requestId: ctx.requestId,
      ip: ctx.connection.ip,
      reason: 'not_found',
      message: description,
    });
    sendError(res, 404, { error: 'not_found', error_description: description });
  }

  /** A certificate that failed goes on without identity (design §3); the trace log says why, for every request it came with. */
  private traceTlsRejection(ctx: RequestContext): void {
    const identity = ctx.connection.identity;
    if (identity.kind !== 'rejected') return;
    const c = identity.certificate;
    this.log.trace({
      time: ctx.time,
      level: 'warn',
      event: 'tls.rejected',
      requestId: ctx.requestId,
      ip: ctx.connection.ip,
      reason: identity.reason,
      message: `client certificate '${c.subjectDN}' was rejected by TLS, the request goes on without identity: ${identity.message}`,
      details: { subjectDN: c.subjectDN, issuerDN: c.issuerDN, fingerprint: c.fingerprint, tlsError: identity.tlsError },
    });
  }

  private complete(ctx: RequestContext, res: ServerResponse): void {
    try {
      const status = res.headersSent ? res.statusCode : CLIENT_CLOSED;
      const identity = ctx.connection.identity;
      this.log.access({
        requestId: ctx.requestId,
        ip: ctx.connection.ip,
        who: accessLogWho(ctx.principal, identity.kind === 'verified' ? identity.certificate : undefined),
        time: ctx.time,
        method: ctx.method,
        path: ctx.target,
        status,
        durationMs: Math.round((performance.now() - ctx.startedAt) * 1000) / 1000,
      });
      this.metrics.requestAnswered(status);
    } catch (err) {
      this.logger.error({ msg: 'access log entry failed', requestId: ctx.requestId, error: errorMessage(err) });
    }
  }

  private fail(ctx: RequestContext | undefined, res: ServerResponse, err: unknown): void {
    try {
      const message = errorMessage(err);
      this.logger.error({ msg: 'request failed', requestId: ctx?.requestId, error: message });
      if (ctx)
        this.log.trace({
          time: new Date(),
          level: 'error',
          event: 'ingress.failed',
          requestId: ctx.requestId,
          ip: ctx.connection.ip,
          reason: 'internal_error',
          message,
        });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
      sendError(res, 500, { error: 'internal_error', error_description: 'the ingress could not process the request' });
    } catch {
      // Nothing left to tell the client: cut the connection rather than leave it hanging.
      res.destroy();
    }
  }
}
