import type { KeyObject } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { DenyReason, type TokenProblem } from '@certgate/authz';
import { accessTokenClaimsSchema, OAUTH_ACCESS_TOKEN_TYPE, OAUTH_SIGNING_ALG } from '@certgate/contracts';

/** The published verification keys, by kid. */
export interface TokenKeys {
  keyFor(kid: string): KeyObject | undefined;
}

export interface TokenExpectations {
  issuer: string;
  audience: string;
  /** Clock skew tolerated on `exp` and `nbf`. */
  leewaySeconds: number;
}

export type TokenVerdict =
  | { ok: true; subject: string; scope: ReadonlySet<string>; expiresAt: number; boundThumbprint?: string }
  | { ok: false; reason: TokenProblem; description: string };

/** Bounds the memory verified tokens take; past it the oldest are forgotten (and verified again when they come back). */
const MAX_CACHED = 10_000;

class UnknownKeyError extends Error {}

const problem = (reason: TokenProblem, description: string): TokenVerdict => ({ ok: false, reason, description });

/**
 * Verifies certgate access tokens locally with jose: ES256 only (never `none`, never
 * an HMAC), a known kid, type `at+jwt`, this tenant's issuer and audience, `exp` and
 * `nbf` with a small leeway. A token that verified is remembered by its text until it
 * expires, so its next requests cost a map lookup; the memory is dropped whenever the
 * published keys change, so an unpublished key stops its tokens at once.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, Extract<TokenVerdict, { ok: true }>>();

  constructor(
    private readonly keys: TokenKeys,
    private readonly expect: TokenExpectations,
  ) {}

  /** The verdict from memory when the token verified before; else a promise of the full check. */
  check(token: string, nowMs: number): TokenVerdict | Promise<TokenVerdict> {
    const known = this.verified.get(token);
    if (!known) return this.verify(token, nowMs);
    if (nowMs >= (known.expiresAt + this.expect.leewaySeconds) * 1000) {
      this.verified.delete(token);
      return problem(DenyReason.tokenExpired, 'token has expired');
    }
    return known;
  }

  /** Published keys changed: every token is verified again on its next use. */
  forget(): void {
    this.verified.clear();
  }

  get size(): number {
    return this.verified.size;
  }

  private async verify(token: string, nowMs: number): Promise<TokenVerdict> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyOf(header.kid), {
        algorithms: [OAUTH_SIGNING_ALG],
        typ: OAUTH_ACCESS_TOKEN_TYPE,
        issuer: this.expect.issuer,
        audience: this.expect.audience,
        clockTolerance: this.expect.leewaySeconds,
        currentDate: new Date(nowMs),
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (err) {
      return verdictOf(err);
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) return problem(DenyReason.tokenClaimsInvalid, 'token claims are not those of a certgate access token (sub, scope, client_id)');
    const c = claims.data;
    const verdict: Extract<TokenVerdict, { ok: true }> = {
      ok: true,
      subject: c.sub,
      scope: new Set(c.scope.split(' ').filter(Boolean)),
      expiresAt: c.exp,
      ...(c.cnf ? { boundThumbprint: c.cnf['x5t#S256'] } : {}),
    };
    this.remember(token, verdict);
    return verdict;
  }

  private keyOf(kid: string | undefined): KeyObject {
    const key = kid === undefined ? undefined : this.keys.keyFor(kid);
    if (!key) throw new UnknownKeyError();
    return key;
  }

  private remember(token: string, verdict: Extract<TokenVerdict, { ok: true }>): void {
    if (this.verified.size >= MAX_CACHED) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, verdict);
  }
}

/** jose's failure → the RFC 6750 `invalid_token` description a sender can act on. */
function verdictOf(err: unknown): TokenVerdict {
  if (err instanceof UnknownKeyError) return problem(DenyReason.tokenUnknownKey, 'token was signed by an unknown key');
  if (err instanceof errors.JWSSignatureVerificationFailed) return problem(DenyReason.tokenSignatureInvalid, 'token signature is invalid');
  if (err instanceof errors.JWTExpired) return problem(DenyReason.tokenExpired, 'token has expired');
  if (err instanceof errors.JOSEAlgNotAllowed) return problem(DenyReason.tokenClaimsInvalid, `token is not signed with ${OAUTH_SIGNING_ALG}`);
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') return problem(DenyReason.tokenNotYetValid, 'token is not valid yet');
    if (err.claim === 'typ') return problem(DenyReason.tokenClaimsInvalid, `token is not an access token (typ ${OAUTH_ACCESS_TOKEN_TYPE})`);
    return problem(DenyReason.tokenClaimsInvalid, `token claim '${err.claim}' does not match this tenant's tokens`);
  }
  return problem(DenyReason.tokenMalformed, 'token is not a well-formed signed JWT');
}
