import { createHash, timingSafeEqual } from 'node:crypto';

/** The `authorization` header of a request, as far as the sender may authenticate with it. */
export type AuthorizationHeader =
  { kind: 'none' } | { kind: 'basic'; clientid: string; secret: string } | { kind: 'bearer'; token: string } | { kind: 'malformed'; message: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** RFC 6750 §2.1 b64token. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Far above any token certgate issues; a longer one is refused before anything parses it. */
const MAX_BEARER_LENGTH = 8192;

/** Reads RFC 7617 Basic credentials or an RFC 6750 Bearer token; anything else that claims to be a credential is malformed (never ignored). */
export function readAuthorization(headers: Readonly<Record<string, string | readonly string[] | undefined>>): AuthorizationHeader {
  const raw = headers['authorization'];
  if (raw === undefined) return { kind: 'none' };
  if (typeof raw !== 'string') return { kind: 'malformed', message: 'the request has more than one authorization header' };
  const value = raw.trim();
  const space = value.indexOf(' ');
  const scheme = (space < 0 ? value : value.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : value.slice(space + 1).trim();
  if (scheme === 'basic') return basic(rest);
  if (scheme === 'bearer') {
    if (!rest || rest.length > MAX_BEARER_LENGTH || !B64TOKEN.test(rest))
      return { kind: 'malformed', message: 'the Bearer token is empty, too long or not a token (RFC 6750)' };
    return { kind: 'bearer', token: rest };
  }
  const shown = space < 0 ? value : value.slice(0, space);
  return {
    kind: 'malformed',
    message: `authorization scheme '${shown.slice(0, 32)}' is not accepted here: send a client certificate, Basic credentials or a Bearer token`,
  };
}

function basic(encoded: string): AuthorizationHeader {
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
