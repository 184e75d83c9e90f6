import { createHash, timingSafeEqual } from 'node:crypto';

/** The `authorization` header of a request that came without a verified certificate. */
export type AuthorizationHeader =
  | { kind: 'none' }
  | { kind: 'basic'; clientid: string; secret: string }
  | { kind: 'malformed'; message: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Reads RFC 7617 Basic credentials; anything else that claims to be a credential is malformed (never ignored). */
export function readAuthorization(headers: Readonly<Record<string, string | readonly string[]>>): AuthorizationHeader {
  const raw = headers['authorization'];
  if (raw === undefined) return { kind: 'none' };
  if (typeof raw !== 'string') return { kind: 'malformed', message: 'the request has more than one authorization header' };
  const value = raw.trim();
  const space = value.indexOf(' ');
  const scheme = space < 0 ? value : value.slice(0, space);
  if (scheme.toLowerCase() !== 'basic') {
    return { kind: 'malformed', message: `authorization scheme '${scheme.slice(0, 32)}' is not accepted here: send a client certificate or Basic credentials` };
  }
  const encoded = space < 0 ? '' : value.slice(space + 1).trim();
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) {
    return { kind: 'malformed', message: 'the Basic credentials are not valid base64 of clientid:clientsecret' };
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return { kind: 'malformed', message: 'the Basic credentials are not of the form clientid:clientsecret' };
  return { kind: 'basic', clientid: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Compares SHA-256(secret) with the stored hex hash in constant time; no hash stored means no match. */
export function secretMatches(secret: string, secretHash: string | undefined): boolean {
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  if (!secretHash || !/^[0-9a-f]{64}$/i.test(secretHash)) return false;
  return timingSafeEqual(actual, Buffer.from(secretHash, 'hex'));
}
