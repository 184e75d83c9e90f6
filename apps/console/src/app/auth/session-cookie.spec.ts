import { cameOverHttps, clearSessionCookie, cookiesOf, sessionCookie, sessionCookieOf } from './session-cookie';

const at = new Date('2026-12-07T17:00:00.000Z');
const req = (headers: Record<string, string | string[]> = {}, secure = false) => ({ headers, secure }) as never;

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Strict, for the API only, and ends with the session', () => {
    expect(sessionCookie('id.secret', at, false)).toBe(
      'certgate_session=id.secret; Path=/api; Expires=Mon, 07 Dec 2026 17:00:00 GMT; HttpOnly; SameSite=Strict',
    );
    expect(sessionCookie('id.secret', at, false)).not.toMatch(/Max-Age/);
  });

  it('is Secure when the browser came over https, directly or through a proxy that says so', () => {
    expect(sessionCookie('v', at, true).split('; ')).toContain('Secure');
    expect(cameOverHttps(req({}, true))).toBe(true);
    expect(cameOverHttps(req({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(cameOverHttps(req({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(cameOverHttps(req({ 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(cameOverHttps(req())).toBe(false);
  });

  it('is cleared with an expiry in the past', () => {
    const appended: string[] = [];
    clearSessionCookie(req(), { append: (_name: string, value: string) => appended.push(value) } as never);
    expect(appended).toEqual(['certgate_session=; Path=/api; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict']);
  });

  it('is read from the Cookie header among others, split into id and secret', () => {
    expect(cookiesOf(req({ cookie: 'a=1; certgate_session=abc.def; b=2=3' }))).toEqual(
      new Map([
        ['a', '1'],
        ['certgate_session', 'abc.def'],
        ['b', '2=3'],
      ]),
    );
    expect(sessionCookieOf(req({ cookie: 'certgate_session=abc.def.ghi' }))).toEqual({ id: 'abc', secret: 'def.ghi' });
    expect(sessionCookieOf(req({ cookie: 'certgate_session=garbage' }))).toEqual({ id: 'garbage', secret: '' });
    expect(sessionCookieOf(req({ cookie: 'other=1' }))).toBeUndefined();
    expect(sessionCookieOf(req())).toBeUndefined();
  });
});
