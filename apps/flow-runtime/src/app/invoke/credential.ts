import { readAuthorization, secretMatches, tokenPrincipal, type ClientEntry, type Credential, type Principal } from '@certgate/authz';
import type { TlsClient } from '@certgate/contracts';
import type { TokenVerdict } from './token-verifier';

/** The principal lookups the credential needs (the replica's principal directory). */
export interface PrincipalLookup {
  byFingerprint(fingerprint: string): Principal | undefined;
  byClientId(clientid: string): ClientEntry | undefined;
}

/** Bearer token verification: from memory when the token was seen, else a promise. */
export interface TokenCheck {
  check(token: string, nowMs: number): TokenVerdict | Promise<TokenVerdict>;
}

type Headers = Readonly<Record<string, string | readonly string[]>>;

const NO_AUTHORIZATION = { kind: 'none' } as const;

/**
 * What the request presented, resolved against the in-memory directory. The ingress'
 * TLS verdict decides first: a rejected certificate is reported as such (never
 * silently replaced by other credentials). A Bearer token is what the sender asks to
 * be taken as, so it comes next, with the verified certificate (if any) as the proof
 * a certificate-bound token needs (RFC 8705). Then a verified certificate is the
 * identity; only without any certificate is a Basic header read.
 *
 * Synchronous unless a Bearer token must be verified for the first time.
 */
export function buildCredential(
  tls: TlsClient,
  headers: Headers,
  lookup: PrincipalLookup,
  tokens: TokenCheck,
  nowMs: number,
): Credential | Promise<Credential> {
  if (tls.status === 'rejected') return { kind: 'certificate-rejected', reason: tls.reason, message: tls.message };
  // The common case, a certificate and no header, costs one property lookup.
  const auth = headers['authorization'] === undefined ? NO_AUTHORIZATION : readAuthorization(headers);
  if (auth.kind === 'bearer') {
    const verdict = tokens.check(auth.token, nowMs);
    return isPromise(verdict) ? verdict.then((v) => bearerCredential(v, tls, lookup)) : bearerCredential(verdict, tls, lookup);
  }
  if (tls.status === 'verified') {
    return {
      kind: 'certificate',
      fingerprint: tls.fingerprint,
      subjectDN: tls.subjectDN,
      issuerDN: tls.issuerDN,
      principal: lookup.byFingerprint(tls.fingerprint),
    };
  }
  if (auth.kind !== 'basic') return auth.kind === 'none' ? { kind: 'none' } : auth;
  const entry = lookup.byClientId(auth.clientid);
  // Hashed even for an unknown client id, so the answer time does not tell which ids exist.
  const matches = secretMatches(auth.secret, entry?.secretHash);
  return { kind: 'basic', clientid: auth.clientid, principal: entry?.principal, secretMatches: entry !== undefined && matches };
}

function bearerCredential(verdict: TokenVerdict, tls: TlsClient, lookup: PrincipalLookup): Credential {
  if (!verdict.ok) return { kind: 'bearer-invalid', reason: verdict.reason, description: verdict.description };
  const client = lookup.byClientId(verdict.subject)?.principal;
  return {
    kind: 'bearer',
    subject: verdict.subject,
    principal: tokenPrincipal(verdict.subject, verdict.scope, client),
    ...(verdict.boundThumbprint !== undefined
      ? { boundThumbprint: verdict.boundThumbprint, ...(tls.status === 'verified' ? { presentedThumbprint: thumbprintOf(tls.fingerprint) } : {}) }
      : {}),
  };
}

/** The envelope's fingerprint (SHA-256 of the DER, hex) as RFC 8705 writes it: base64url. */
export function thumbprintOf(fingerprintHex: string): string {
  return Buffer.from(fingerprintHex, 'hex').toString('base64url');
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}
