import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, errorMessage, KeystoreRpc, OAuthSigningRpc, type SystemKeyStatus, type TokenResponse } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { sendJson } from '../common/data-plane-responses';
import { lingerThenClose } from '../common/lingering-close';
import type { RequestContext } from '../common/request-context';
import type { IngressEnv } from '../ingress-env';
import { declaredTooLarge, declaresNoBody, readLimitedBody } from '../invoke/body-limit';
import { RequestLog } from '../logs/request-log.service';
import { ClientDirectory } from './client-directory';
import { invalidRequest, isFailure, type OAuthFailure } from './oauth-failure';
import { grantToken } from './token-client';
import { parseTokenRequest } from './token-request';

/** A token request is a few form fields; anything much larger is not one. */
export const MAX_TOKEN_REQUEST_BYTES = 16 * 1024;

/** RFC 6749 §5.1: token responses must not be cached. */
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

const EMPTY = Buffer.alloc(0);

/**
 * `POST /oauth/token` (design §4): authenticates the client from memory (service keys
 * watched in KV) with the checks of a flow call, and has the keystore sign the token,
 * so the signing key never leaves it. Over mutual TLS (`client_x509`) the token is
 * bound to the client certificate (RFC 8705 `cnf.x5t#S256`).
 */
@Injectable()
export class TokenEndpoint {
  private readonly logger = new Logger('oauth');

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly clients: ClientDirectory,
    private readonly rpc: CertgateClient,
    private readonly log: RequestLog,
  ) {}

  async handle(ctx: RequestContext, req: IncomingMessage, res: ServerResponse, expectContinue: boolean): Promise<void> {
    const body = await this.readBody(req, res, expectContinue);
    if (isFailure(body)) return this.refuse(ctx, res, body);
    if (body === undefined) return; // the client went away
    const request = parseTokenRequest(ctx.method, req.headers, body);
    if (isFailure(request)) return this.refuse(ctx, res, request);
    const tls = ctx.connection.tls;
    let issued: TokenResponse;
    try {
      // Only certificate authentication depends on the system key pair; a client secret never reads this state.
      const systemKey = request.grant === 'client_x509' ? await this.systemKey() : { alias: '-', present: false, valid: false };
      const grant = grantToken(request, tls, this.clients, systemKey);
      if (isFailure(grant)) return this.refuse(ctx, res, grant);
      const cnf = grant.boundFingerprint ? { 'x5t#S256': Buffer.from(grant.boundFingerprint, 'hex').toString('base64url') } : undefined;
      const signed = await this.rpc.request(
        OAuthSigningRpc.sign,
        { sub: grant.client.name, scope: grant.scope, ...(cnf ? { cnf } : {}) },
        { timeoutMs: this.env.INGRESS_RUNTIME_TIMEOUT_MS },
      );
      issued = { access_token: signed.token, token_type: 'Bearer', expires_in: signed.claims.exp - signed.claims.iat, scope: signed.claims.scope };
      ctx.principal = grant.client.name;
      this.trace(
        ctx,
        'info',
        'oauth.token_issued',
        request.grant,
        `token issued to '${grant.client.name}' (kid ${signed.kid}, expires in ${issued.expires_in} s${cnf ? ', bound to the client certificate' : ''})`,
      );
    } catch (err) {
      const failure = unavailable(err);
      if (failure.error === 'server_error') this.logger.error({ msg: 'token request failed', requestId: ctx.requestId, error: errorMessage(err) });
      return this.refuse(ctx, res, failure);
    }
    sendJson(res, 200, issued, NO_STORE);
  }

  private async systemKey(): Promise<SystemKeyStatus> {
    return this.rpc.request(KeystoreRpc.systemKeyStatus, {}, { timeoutMs: this.env.INGRESS_RUNTIME_TIMEOUT_MS });
  }

  /** The form body, a failure, or undefined when the client went away mid-body. */
  private async readBody(req: IncomingMessage, res: ServerResponse, expectContinue: boolean): Promise<Buffer | OAuthFailure | undefined> {
    const tooLarge = () => {
      // The rest is not read: the connection closes after the answer.
      lingerThenClose(req);
      return { ...invalidRequest(`a token request is at most ${MAX_TOKEN_REQUEST_BYTES} bytes`), status: 413 };
    };
    if (declaredTooLarge(req.headers, MAX_TOKEN_REQUEST_BYTES)) return tooLarge();
    if (expectContinue) res.writeContinue();
    if (declaresNoBody(req.headers)) return EMPTY;
    const body = await readLimitedBody(req, MAX_TOKEN_REQUEST_BYTES);
    if (body.kind === 'too_large') return tooLarge();
    if (body.kind === 'aborted') {
      res.destroy();
      return undefined;
    }
    return body.body;
  }

  private refuse(ctx: RequestContext, res: ServerResponse, failure: OAuthFailure): void {
    this.trace(ctx, failure.status >= 500 ? 'error' : 'info', 'oauth.token_refused', failure.reason, failure.description);
    const headers = { ...NO_STORE, ...failure.headers, ...(failure.status === 413 ? { connection: 'close' } : {}) };
    sendJson(res, failure.status, { error: failure.error, error_description: failure.description }, headers);
  }

  private trace(ctx: RequestContext, level: 'info' | 'error', event: string, reason: string, message: string): void {
    this.log.trace({ time: new Date(), level, event, requestId: ctx.requestId, ip: ctx.connection.ip, reason, message });
  }
}

/** The keystore or the NATS request failed: unreachable → 503 (retry later), anything else → 500; nothing about the cause leaks. */
function unavailable(err: unknown): OAuthFailure {
  const code = err instanceof CertgateError ? err.code : ErrorCode.internal;
  if (code === ErrorCode.serviceUnavailable || code === ErrorCode.timeout) {
    return { status: 503, error: 'temporarily_unavailable', description: 'the keystore that signs tokens is unavailable: retry later', reason: code };
  }
  return { status: 500, error: 'server_error', description: 'the token could not be issued', reason: code };
}
