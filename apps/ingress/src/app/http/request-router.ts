import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { sendError, sendJson, sendText, type DataPlaneError } from '../common/data-plane-responses';
import { answerThenClose, lingerThenClose } from '../common/lingering-close';
import type { RequestContext } from '../common/request-context';
import type { IngressEnv } from '../ingress-env';
import { flowAddress, splitTarget } from '../invoke/invoke-envelope';
import { InvokeService } from '../invoke/invoke.service';
import { accessLogWho } from '../logs/access-log-line';
import { logSafe } from '../logs/log-format';
import { RequestLog } from '../logs/request-log.service';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { OAuthEndpoints } from '../oauth/oauth-endpoints';
import { describeIdentity } from '../tls/client-identity';
import { ChainReview } from '../tls/chain-review.service';
import { connectionOf, peerIp, type ConnectionFacts } from '../tls/connection';
import { MalformedForwardedCertificate, ProxiedIdentity } from '../tls/proxied-identity.service';
import { ServerIdentity } from '../tls/server-identity.service';
import { clientErrorAnswer, rawAnswer, type ParserLimits } from './client-errors';

/** Status logged for a request whose client went away before it was answered (as nginx does). */
const CLIENT_CLOSED = 499;
/** Marks a socket whose parser error was answered. */
const ANSWERED = Symbol('certgate.clientErrorAnswered');
/** Marks a socket cut because its chain was refused in required mode. */
const CUT = Symbol('certgate.refusedChainCut');

/**
 * Every request of the TLS server: gives it an id (`x-request-id`), routes it, writes
 * its access log line when it is done, and turns any failure into a 5xx (never a
 * pass-through).
 */
@Injectable()
export class RequestRouter {
  private readonly logger = new Logger('ingress');
  /** Set by IngressServer once the server exists (its timeouts are the server's). */
  parserLimits: ParserLimits;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly invoke: InvokeService,
    private readonly log: RequestLog,
    private readonly metrics: IngressMetrics,
    private readonly server: ServerIdentity,
    private readonly oauth: OAuthEndpoints,
    private readonly chains: ChainReview,
    private readonly proxied: ProxiedIdentity,
  ) {
    this.parserLimits = {
      maxHeaderBytes: env.INGRESS_MAX_HEADER_BYTES,
      headersTimeoutMs: env.INGRESS_KEEP_ALIVE_TIMEOUT_MS + 1_000,
      requestTimeoutMs: 300_000,
    };
  }

  handle(req: IncomingMessage, res: ServerResponse, expectContinue = false): void {
    this.withConnection(req, res, (connection) => {
      let ctx: RequestContext | undefined;
      try {
        ctx = this.begin(req, res, connection);
        this.traceTlsRejection(ctx);
        this.route(ctx, req, res, expectContinue);
      } catch (err) {
        this.fail(ctx, res, err);
      }
    });
  }

  /** An `Expect` other than `100-continue` (the server's `checkExpectation` event): 417, and the body is not read. */
  expectationFailed(req: IncomingMessage, res: ServerResponse): void {
    this.withConnection(req, res, (connection) => this.refuseExpectation(req, res, connection));
  }

  /** Runs `then` with the connection's facts: at once on a reviewed connection, after the chain review on its first request. */
  private withConnection(req: IncomingMessage, res: ServerResponse, then: (connection: ConnectionFacts) => void): void {
    let facts: ConnectionFacts | Promise<ConnectionFacts>;
    try {
      facts = connectionOf(req.socket as TLSSocket, this.chains);
    } catch (err) {
      return this.fail(undefined, res, err);
    }
    const proceed = (connection: ConnectionFacts): void => {
      if (connection.required && connection.identity.kind !== 'verified') return this.cutRefusedChain(req, connection);
      let request: ConnectionFacts | Promise<ConnectionFacts>;
      try {
        request = this.proxied.factsFor(req, connection);
      } catch (err) {
        return this.refuseForwarded(req, res, connection, err);
      }
      if (request instanceof Promise) request.then(then, (err: unknown) => this.refuseForwarded(req, res, connection, err));
      else then(request);
    };
    if (facts instanceof Promise) facts.then(proceed, (err: unknown) => this.fail(undefined, res, err));
    else proceed(facts);
  }

  /** A trusted proxy forwarded a Client-Cert header that is no certificate: 400 naming the problem (a proxy's configuration error). */
  private refuseForwarded(req: IncomingMessage, res: ServerResponse, connection: ConnectionFacts, err: unknown): void {
    if (!(err instanceof MalformedForwardedCertificate)) return this.fail(undefined, res, err);
    let ctx: RequestContext | undefined;
    try {
      ctx = this.begin(req, res, { ...connection, identity: { kind: 'none' }, tls: { status: 'none' } });
      this.log.trace({
        time: ctx.time,
        level: 'warn',
        event: 'http.refused',
        requestId: ctx.requestId,
        ip: connection.ip,
        reason: 'malformed_forwarded_certificate',
        message: err.message,
      });
      lingerThenClose(req);
      sendError(res, 400, { error: 'invalid_request', error_description: err.message });
    } catch (e) {
      this.fail(ctx, res, e);
    }
  }

  /**
   * The host name reached requires a client certificate (INGRESS_CLIENT_CERT=required, or
   * its own setting) and the connection has none that passed (OpenSSL accepted a chain the
   * policy refused, or none was sent to a host name that alone requires one): the
   * connection is cut unanswered, as a failed handshake would have been.
   */
  private cutRefusedChain(req: IncomingMessage, connection: ConnectionFacts): void {
    const identity = connection.identity;
    if (identity.kind === 'verified') return;
    const socket = req.socket as TLSSocket & { [CUT]?: true };
    const host = socket.servername ? `the host name '${socket.servername}'` : 'this ingress';
    if (!socket[CUT]) {
      socket[CUT] = true;
      this.log.trace({
        time: new Date(),
        level: 'warn',
        event: 'tls.rejected',
        requestId: randomUUID(),
        ip: connection.ip,
        ...(identity.kind === 'rejected'
          ? {
              reason: identity.reason,
              message: `client certificate '${identity.certificate.subjectDN}' was rejected; ${host} requires a verified client certificate, so the connection was closed: ${identity.message}`,
              details: { subjectDN: identity.certificate.subjectDN, issuerDN: identity.certificate.issuerDN, fingerprint: identity.certificate.fingerprint },
            }
          : { reason: 'no_certificate', message: `no client certificate was sent; ${host} requires one, so the connection was closed` }),
      });
    }
    socket.destroy();
  }

  private refuseExpectation(req: IncomingMessage, res: ServerResponse, connection: ConnectionFacts): void {
    let ctx: RequestContext | undefined;
    try {
      ctx = this.begin(req, res, connection);
      const expectation = logSafe(String(req.headers.expect ?? '')).slice(0, 100);
      const description = `the expectation '${expectation}' cannot be met: only 100-continue is supported`;
      this.log.trace({
        time: new Date(),
        level: 'info',
        event: 'http.refused',
        requestId: ctx.requestId,
        ip: ctx.connection.ip,
        reason: 'expectation_failed',
        message: description,
      });
      lingerThenClose(req);
      sendError(res, 417, { error: 'expectation_failed', error_description: description }, { connection: 'close' });
    } catch (err) {
      this.fail(ctx, res, err);
    }
  }

  /**
   * A request Node's HTTP parser refused before any handler could run (the server's
   * `clientError` event: headers over INGRESS_MAX_HEADER_BYTES, malformed HTTP, a
   * timeout): answered on the socket in the data-plane error shape, then closed. The
   * trace log and the metrics count it; the access log does not (there is no request
   * line to log).
   */
  clientError(err: Error & { code?: unknown }, socket: Duplex): void {
    const s = socket as Duplex & { [ANSWERED]?: true; _httpMessage?: ServerResponse | null };
    // The parser repeats its error for every later chunk of the connection.
    if (s[ANSWERED]) return;
    s[ANSWERED] = true;
    try {
      const answer = clientErrorAnswer(err, this.parserLimits);
      if (!answer || !socket.writable) {
        socket.destroy();
        return;
      }
      const refuse = (): void => {
        if (socket.writable) this.refuseOnSocket(socket, answer.status, answer.body, String(err.code));
        else socket.destroy();
      };
      // The response of the connection's request in progress, if any (a Node internal, as its own handler reads it).
      const inFlight = s._httpMessage;
      if (!inFlight || inFlight.writableEnded) return refuse();
      // A timeout is that request's own failure: answered unless its response is under way (as Node does).
      if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        if (inFlight.headersSent) socket.destroy();
        else refuse();
        return;
      }
      // A later, pipelined request failed to parse: its answer goes after the one in progress.
      inFlight.once('finish', refuse);
    } catch (e) {
      this.logger.error({ msg: 'refused request could not be answered', error: errorMessage(e) });
      socket.destroy();
    }
  }

  /** `CONNECT` (the server's `connect` event; without a listener Node would cut the connection unanswered). */
  connectRefused(_req: IncomingMessage, socket: Duplex): void {
    try {
      this.refuseOnSocket(
        socket,
        405,
        { error: 'method_not_allowed', error_description: 'CONNECT is not supported: the ingress is no proxy; flows are called at /http/<address>' },
        'method_not_allowed',
      );
    } catch (e) {
      this.logger.error({ msg: 'refused request could not be answered', error: errorMessage(e) });
      socket.destroy();
    }
  }

  private refuseOnSocket(socket: Duplex, status: number, body: DataPlaneError, reason: string): void {
    const requestId = randomUUID();
    this.log.trace({
      time: new Date(),
      level: 'warn',
      event: 'http.refused',
      requestId,
      ip: peerIp(socket as TLSSocket),
      reason,
      message: `${status}: ${body.error_description}`,
      details: body.details,
    });
    this.metrics.requestAnswered(status);
    answerThenClose(socket, rawAnswer(status, body, requestId));
  }

  /** The request's id, its context, and its access log line when it is done. */
  private begin(req: IncomingMessage, res: ServerResponse, connection: ConnectionFacts): RequestContext {
    const ctx: RequestContext = {
      requestId: randomUUID(),
      time: new Date(),
      startedAt: performance.now(),
      connection,
      method: req.method ?? 'GET',
      target: req.url ?? '/',
    };
    res.setHeader('x-request-id', ctx.requestId);
    res.once('close', () => this.complete(ctx, res));
    return ctx;
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
      message: `client certificate '${c.subjectDN}' was rejected${identity.tlsError ? ' by TLS' : ' by the certificate policy'}, the request goes on without identity: ${identity.message}`,
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
