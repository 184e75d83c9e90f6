import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { sessionCookieOf } from './session-cookie';

export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing, and so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The CSRF token of a session, derived from its secret: a console replica can answer it
 * again (GET /me after a reload) although only its hash is stored, and a page of another
 * site, which can neither read the httpOnly cookie nor the console's answers, cannot.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('certgate csrf token v1').digest('base64url');
}

/** The CSRF token of the request's session cookie (for GET /me); undefined without one. */
export function csrfTokenOfRequest(req: Pick<Request, 'headers'>): string | undefined {
  const cookie = sessionCookieOf(req);
  return cookie?.secret ? csrfTokenFor(cookie.secret) : undefined;
}

export const needsCsrfToken = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/** Whether `presented` hashes to `storedSha256`, compared in constant time. */
export function matchesHash(presented: string, storedSha256: string): boolean {
  const expected = Buffer.from(storedSha256, 'hex');
  const actual = createHash('sha256').update(presented).digest();
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** Why a write with the session cookie is refused for its CSRF header, or undefined when it may go on. */
export function csrfRefusal(req: Pick<Request, 'method' | 'headers'>, csrfSha256: string): string | undefined {
  if (!needsCsrfToken(req.method)) return undefined;
  const header = req.headers[CSRF_HEADER];
  const presented = Array.isArray(header) ? header[0] : header;
  if (!presented)
    return 'the CSRF token is missing: a change made with the session cookie needs the header X-CSRF-Token (answered by POST /auth/session and GET /me)';
  if (!matchesHash(presented, csrfSha256)) return "the CSRF token is wrong: send this session's X-CSRF-Token (GET /me answers it)";
  return undefined;
}
