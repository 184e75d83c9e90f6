import type { AccessTokenClaims, SignTokenRequest } from '@certgate/contracts';

/** What the keystore decides about every token, whoever asks. */
export interface TokenPolicy {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/**
 * The claims of one access token (RFC 9068 shape): the caller names the client, its
 * roles and the certificate binding; issuer, audience, lifetime and id are the
 * signer's, so no caller can mint a token that outlives the key retention.
 */
export function buildAccessTokenClaims(request: SignTokenRequest, policy: TokenPolicy, now: Date, jti: string): AccessTokenClaims {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: policy.issuer,
    sub: request.sub,
    aud: policy.audience,
    iat,
    exp: iat + policy.ttlSeconds,
    jti,
    client_id: request.sub,
    scope: [...new Set(request.scope)].join(' '),
    ...(request.cnf ? { cnf: { 'x5t#S256': request.cnf['x5t#S256'] } } : {}),
  };
}
