import { csrfRefusal, csrfTokenFor, csrfTokenOfRequest, matchesHash, sha256Hex } from './csrf';

const secret = 'a-session-secret-of-the-spec';
const token = csrfTokenFor(secret);
const req = (method: string, headers: Record<string, string> = {}) => ({ method, headers });

describe('the CSRF token of a session', () => {
  it('is derived from the session secret, so GET /me can answer it again from the cookie', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenFor(secret)).toBe(token);
    expect(csrfTokenFor('another-secret')).not.toBe(token);
    expect(csrfTokenOfRequest({ headers: { cookie: `certgate_session=0123.${secret}` } })).toBe(token);
    expect(csrfTokenOfRequest({ headers: {} })).toBeUndefined();
  });

  it('is needed for every method but GET, HEAD and OPTIONS, and must hash to the stored hash', () => {
    const stored = sha256Hex(token);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(csrfRefusal(req(method), stored)).toBeUndefined();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(csrfRefusal(req(method), stored)).toMatch(/^the CSRF token is missing/);
    expect(csrfRefusal(req('POST', { 'x-csrf-token': 'wrong' }), stored)).toMatch(/^the CSRF token is wrong/);
    expect(csrfRefusal(req('POST', { 'x-csrf-token': token }), stored)).toBeUndefined();
    expect(matchesHash(token, stored)).toBe(true);
    expect(matchesHash(token, 'ab')).toBe(false);
  });
});
