import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { sendJson, sendText } from '../common/data-plane-responses';
import type { RequestContext } from '../common/request-context';
import { JwksService } from './jwks';
import { TokenEndpoint } from './token-endpoint.service';

export const OAUTH_TOKEN_PATH = '/oauth/token';
export const OAUTH_JWKS_PATH = '/oauth/jwks';

/** The OAuth routes of the ingress: the token endpoint and the JWK Set. */
@Injectable()
export class OAuthEndpoints {
  constructor(
    private readonly token: TokenEndpoint,
    private readonly jwks: JwksService,
  ) {}

  /** Handles the request when it is an OAuth route; false lets the router go on. */
  route(ctx: RequestContext, path: string, req: IncomingMessage, res: ServerResponse, expectContinue: boolean): Promise<void> | false {
    if (path === OAUTH_TOKEN_PATH) return this.token.handle(ctx, req, res, expectContinue);
    if (path !== OAUTH_JWKS_PATH) return false;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      sendJson(res, 405, { error: 'invalid_request', error_description: `the JWK Set is read with GET, not ${ctx.method}` }, { allow: 'GET, HEAD' });
    } else {
      // Short-lived in caches: a rotated key must reach external verifiers soon.
      res.setHeader('cache-control', 'public, max-age=60');
      sendText(res, 200, 'application/jwk-set+json', this.jwks.json);
    }
    return Promise.resolve();
  }
}
