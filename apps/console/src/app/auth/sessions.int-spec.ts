import { randomBytes } from 'node:crypto';
import {
  ExchangeRecorder,
  freePort,
  launchServices,
  startNatsHarness,
  startOidcProvider,
  type LaunchedSystem,
  type NatsHarness,
  type OidcTestProvider,
  operatorWithToken,
  untilConsoleUp,
} from '@certgate/testing';

const ADMIN = randomBytes(24).toString('base64url');
const CLIENT_SECRET = randomBytes(24).toString('base64url');

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

interface Me {
  kind: string;
  via?: string;
  operator?: string;
  tokenId?: string;
  sessionId?: string;
  expiresAt?: string;
  csrfToken?: string;
  roles: string[];
}

interface SignedIn {
  principal: Me;
  csrfToken: string;
  expiresAt: string;
}

/**
 * A browser's cookie jar, enough for these flows: cookies by name and path, sent to
 * every port of 127.0.0.1 (cookies do not tell ports apart), dropped when a response
 * expires them. Redirects are followed by the test, one hop at a time.
 */
class Browser {
  private readonly jar = new Map<string, { value: string; path: string }>();

  constructor(private readonly record: (url: string, init: RequestInit) => Promise<Response>) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  async fetch(url: string, init: RequestInit = {}, opts: { recorded?: boolean } = {}): Promise<Response> {
    const { pathname } = new URL(url);
    const cookie = [...this.jar.entries()]
      .filter(([, c]) => pathname.startsWith(c.path))
      .sort(([, a], [, b]) => b.path.length - a.path.length)
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const send = opts.recorded === false ? (u: string, i: RequestInit) => fetch(u, i) : this.record;
    const res = await send(url, { ...init, headers, redirect: 'manual' });
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attributes] = set.split(';').map((s) => s.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attr = (n: string) => attributes.find((a) => a.toLowerCase().startsWith(`${n.toLowerCase()}=`))?.split('=')[1];
      const expires = attr('Expires');
      const expired = attr('Max-Age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (expired) this.jar.delete(name);
      else this.jar.set(name, { value, path: attr('Path') ?? '/' });
    }
    return res;
  }
}

/** The Location of a redirect (a response without one fails the test). */
function locationOf(res: Response): string {
  const location = res.headers.get('location');
  if (location === null) throw new Error(`expected a redirect, got ${res.status} without a Location`);
  return location;
}

/** The attributes of a Set-Cookie header, by lower-case name (`httponly: ''`). */
function attributesOf(setCookie: string): Record<string, string> {
  return Object.fromEntries(
    setCookie
      .split(';')
      .slice(1)
      .map((a) => a.trim().split('='))
      .map(([k, v]) => [k.toLowerCase(), v ?? '']),
  );
}

describe('web console sessions and single sign-on (identity and console replicas as processes, real NATS, a real OpenID provider)', () => {
  let h: NatsHarness;
  let idp: OidcTestProvider;
  const systems: LaunchedSystem[] = [];
  let apiA: string;
  let apiB: string;
  /** A third replica whose sessions last 1.8 s (CERTGATE_SESSION_HOURS=0.0005). */
  let apiShort: string;
  let callbackUrl: string;
  const exchanges = new ExchangeRecorder('console-sessions');

  const json = async <T>(res: Response): Promise<Answer<T>> => {
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
  };
  const bearer = <T = Record<string, unknown>>(api: string, method: string, path: string, token: string, body?: unknown) =>
    exchanges
      .fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      .then((res) => json<T>(res));
  /** A request of the browser with its cookies (and the CSRF header when given). */
  const browse = <T = Record<string, unknown>>(browser: Browser, api: string, method: string, path: string, opts: { csrf?: string; body?: unknown } = {}) =>
    browser
      .fetch(`${api}${path}`, {
        method,
        headers: {
          ...(opts.csrf !== undefined && { 'x-csrf-token': opts.csrf }),
          ...(opts.body !== undefined && { 'content-type': 'application/json' }),
        },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      })
      .then((res) => json<T>(res));
  const signIn = async (browser: Browser, api: string, token: string, headers: Record<string, string> = {}) => {
    const res = await browser.fetch(`${api}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ token }),
    });
    const setCookie = res.headers.getSetCookie();
    return { ...(await json<SignedIn>(res)), setCookie };
  };

  const withToken = (name: string, roles: string[]) => operatorWithToken((method, path, body) => bearer(apiA, method, path, ADMIN, body), name, roles);

  /**
   * Single sign-on as a browser does it: the console's login redirect, the provider's
   * sign-in form posted, its consent granted, back to the console's callback (`tamper`
   * may change that URL first). Answers the callback's response.
   */
  const singleSignOn = async (
    browser: Browser,
    api: string,
    username: string,
    password: string,
    opts: { returnTo?: string; tamper?: (url: URL) => void } = {},
  ) => {
    let res = await browser.fetch(`${api}/auth/oidc/login${opts.returnTo ? `?return=${encodeURIComponent(opts.returnTo)}` : ''}`);
    expect(res.status).toBe(302);
    let url = new URL(locationOf(res), api);
    expect(url.origin).toBe(idp.issuer);
    for (let hop = 0; hop < 20; hop++) {
      if (url.href.startsWith(callbackUrl)) {
        opts.tamper?.(url);
        return browser.fetch(url.href);
      }
      res = await browser.fetch(url.href, {}, { recorded: false });
      if (res.status === 200) {
        const form = /<form method="post" action="([^"]+)"/.exec(await res.text());
        if (!form) throw new Error(`the provider answered a page without the sign-in form at ${url.href}`);
        res = await browser.fetch(
          new URL(form[1], url).href,
          { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password }).toString() },
          { recorded: false },
        );
      }
      if (res.status < 300 || res.status > 399) throw new Error(`the provider answered ${res.status} at ${url.href}: ${await res.text()}`);
      url = new URL(locationOf(res), url);
    }
    throw new Error('single sign-on did not come back to the console');
  };

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'console-sessions' });
    const [portA, portB, portShort] = [await freePort(), await freePort(), await freePort()];
    apiA = `http://127.0.0.1:${portA}/api/v1`;
    apiB = `http://127.0.0.1:${portB}/api/v1`;
    apiShort = `http://127.0.0.1:${portShort}/api/v1`;
    // Every replica sends the provider back to replica A: a sign-in begun on B ends on A.
    callbackUrl = `${apiA}/auth/oidc/callback`;
    idp = await startOidcProvider({
      accounts: [
        { username: 'olga', password: 'olga-pw', claims: { preferred_username: 'olga', certgate_roles: ['developer', 'offline_access'] } },
        { username: 'nora', password: 'nora-pw', claims: { preferred_username: 'nora', certgate_roles: 'uma_authorization' } },
      ],
      clients: [{ client_id: 'certgate-console', client_secret: CLIENT_SECRET, redirect_uris: [callbackUrl] }],
    });
    const env = {
      ...h.env,
      CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
      CERTGATE_ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
      CERTGATE_OIDC_ISSUER: idp.issuer,
      CERTGATE_OIDC_CLIENT_ID: 'certgate-console',
      CERTGATE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      CERTGATE_OIDC_REDIRECT_URL: callbackUrl,
      CERTGATE_OIDC_LABEL: 'Sign in with the test provider',
    };
    const launch = async (services: ('identity' | 'console')[], consoleEnv: Record<string, string>) =>
      systems.push(await launchServices({ services, nc: h.nc, env, envOf: { console: consoleEnv }, readyTimeoutMs: 60_000 }));
    await launch(['identity', 'console'], { CONSOLE_PORT: String(portA) });
    await launch(['console'], { CONSOLE_PORT: String(portB) });
    await launch(['console'], { CONSOLE_PORT: String(portShort), CERTGATE_SESSION_HOURS: '0.0005' });
    for (const api of [apiA, apiB, apiShort]) await untilConsoleUp(api, ADMIN);
    await exchanges.loadDocument(apiA);
  }, 120_000);

  afterAll(async () => {
    try {
      for (const s of systems) await s.stop();
      await idp?.stop();
      await h?.stop();
    } finally {
      if (systems.length) exchanges.verify();
    }
  });

  it('trades a token for an httpOnly, SameSite=Strict cookie scoped to /api, with no token in the answer', async () => {
    const { token, id } = await withToken('mona', ['monitor']);
    const browser = new Browser(exchanges.fetch);
    const signedIn = await signIn(browser, apiA, token);
    expect(signedIn.status).toBe(201);
    expect(signedIn.setCookie).toHaveLength(1);
    const [pair] = signedIn.setCookie[0].split(';');
    expect(pair).toMatch(/^certgate_session=[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);
    const attributes = attributesOf(signedIn.setCookie[0]);
    expect(attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/api' });
    expect(attributes.secure).toBeUndefined();
    expect(attributes['max-age']).toBeUndefined();
    expect(Date.parse(attributes.expires)).toBeLessThanOrEqual(Date.parse(signedIn.body.expiresAt));
    expect(signedIn.body).toEqual({
      principal: expect.objectContaining({
        kind: 'session',
        via: 'token',
        operator: 'mona',
        tokenId: id,
        roles: ['monitor'],
        csrfToken: signedIn.body.csrfToken,
      }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    const text = JSON.stringify(signedIn.body);
    expect(text).not.toContain(token.split('.')[3]);
    expect(text).not.toContain(pair.split('.')[1]);
    // 8 hours by default.
    expect(Date.parse(signedIn.body.expiresAt) - Date.now()).toBeGreaterThan(7.9 * 3_600_000);

    // The cookie works on the other replica, and GET /me gives the CSRF token again (after a reload).
    const me = await browse<Me>(browser, apiB, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'session',
      via: 'token',
      operator: 'mona',
      sessionId: pair.split('=')[1].split('.')[0],
      csrfToken: signedIn.body.csrfToken,
      expiresAt: signedIn.body.expiresAt,
    });

    // Over https (a proxy says so) the cookie is Secure.
    const viaProxy = await signIn(new Browser(exchanges.fetch), apiA, token, { 'x-forwarded-proto': 'https' });
    expect(attributesOf(viaProxy.setCookie[0]).secure).toBe('');
  });

  it("refuses a bad token with the guard's messages, and sets no cookie", async () => {
    const browser = new Browser(exchanges.fetch);
    const wrong = await signIn(browser, apiA, 'not-the-admin-token');
    expect(wrong).toMatchObject({ status: 401, body: { error: 'unauthorized', message: 'the bearer token is neither the admin token nor an API token' } });
    expect(wrong.setCookie).toEqual([]);
    const unknown = await signIn(browser, apiA, `cgt.${h.tenant}.0000000000000000.${'s'.repeat(43)}`);
    expect(unknown.body).toMatchObject({ message: 'the API token is not known to this tenant' });
    expect((await browse(browser, apiA, 'GET', '/me')).body).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/^missing bearer token/) });
  });

  it('needs the CSRF header on every write made with the cookie; with it, the roles decide', async () => {
    const admin = new Browser(exchanges.fetch);
    const { body } = await signIn(admin, apiA, ADMIN);
    expect(body.principal).toMatchObject({ kind: 'session', via: 'token', roles: ['admin'] });
    expect(body.principal.operator).toBeUndefined();

    const missing = await browse(admin, apiB, 'POST', '/operators', { body: { name: 'cora', roles: ['monitor'] } });
    expect(missing).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/^the CSRF token is missing/) } });
    const wrong = await browse(admin, apiB, 'POST', '/operators', { csrf: 'x'.repeat(43), body: { name: 'cora', roles: ['monitor'] } });
    expect(wrong).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/^the CSRF token is wrong/) } });
    expect((await bearer(apiA, 'GET', '/operators/cora', ADMIN)).status).toBe(404);
    expect((await browse(admin, apiB, 'POST', '/operators', { csrf: body.csrfToken, body: { name: 'cora', roles: ['monitor'] } })).status).toBe(201);
    // A read needs no CSRF token.
    expect((await browse(admin, apiB, 'GET', '/operators/cora')).status).toBe(200);

    const { token } = await withToken('devi', ['developer']);
    const developer = new Browser(exchanges.fetch);
    const dev = await signIn(developer, apiB, token);
    const refused = await browse(developer, apiA, 'POST', '/roles', { csrf: dev.body.csrfToken, body: { name: 'DeviRole' } });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        error: 'forbidden',
        message: 'this operation needs the permission roles:write, which the roles admin, security grant; this session has developer',
      },
    });
    // A bearer request needs no CSRF header, as before.
    expect((await bearer(apiA, 'POST', '/operators', ADMIN, { name: 'bert', roles: ['monitor'] })).status).toBe(201);
  });

  it('signs out on replica A, and replica B refuses the cookie within a second', async () => {
    const browser = new Browser(exchanges.fetch);
    const { body } = await signIn(browser, apiA, ADMIN);
    const cookie = browser.cookie('certgate_session');
    expect(cookie).toBeDefined();
    expect((await browse(browser, apiB, 'GET', '/me')).status).toBe(200);

    expect((await browse(browser, apiA, 'DELETE', '/auth/session')).body).toMatchObject({
      error: 'forbidden',
      message: expect.stringMatching(/CSRF token is missing/),
    });
    expect((await bearer(apiA, 'DELETE', '/auth/session', ADMIN)).body).toMatchObject({
      error: 'forbidden',
      message: 'this operation ends a web console session: call it with the session cookie, not a bearer token',
    });
    const signedOutAt = Date.now();
    const out = await browser.fetch(`${apiA}/auth/session`, { method: 'DELETE', headers: { 'x-csrf-token': body.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([expect.stringMatching(/^certgate_session=; Path=\/api; Expires=Thu, 01 Jan 1970/)]);
    expect(browser.cookie('certgate_session')).toBeUndefined();

    // The browser forgot it; someone who kept a copy finds it refused everywhere.
    let answer: Answer;
    do answer = await json(await exchanges.fetch(`${apiB}/me`, { headers: { cookie: `certgate_session=${cookie}` } }));
    while (answer.status === 200 && Date.now() - signedOutAt < 5_000);
    const inForce = Date.now() - signedOutAt;
    process.stdout.write(`sign-out in force on the other replica after ${inForce} ms\n`);
    expect(answer).toMatchObject({ status: 401, body: { error: 'unauthorized', message: 'the session is not known (signed out, or ended): sign in again' } });
    expect(answer.headers.get('set-cookie')).toMatch(/^certgate_session=;/);
    expect(inForce).toBeLessThan(1_000);
  });

  it('ends a session with the API token it was made from', async () => {
    const { token, id } = await withToken('tess', ['monitor']);
    const browser = new Browser(exchanges.fetch);
    await signIn(browser, apiA, token);
    expect((await browse(browser, apiB, 'GET', '/health')).status).toBe(200);
    expect((await bearer(apiA, 'POST', `/api-tokens/${id}/revoke`, ADMIN)).status).toBe(200);
    let answer: Answer;
    do answer = await browse(browser, apiB, 'GET', '/health');
    while (answer.status === 200);
    expect(answer).toMatchObject({
      status: 401,
      body: { message: expect.stringMatching(new RegExp(`^the session ended: the API token ${id} was revoked at`)) },
    });
  });

  it('refuses an expired session with 401 saying when it expired', async () => {
    const browser = new Browser(exchanges.fetch);
    const { body } = await signIn(browser, apiShort, ADMIN);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThan(2_000);
    expect((await browse(browser, apiShort, 'GET', '/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(body.expiresAt) - Date.now()) + 100));
    const expired = await browse(browser, apiA, 'GET', '/me');
    expect(expired).toMatchObject({ status: 401, body: { error: 'unauthorized', message: `the session expired at ${body.expiresAt}: sign in again` } });
  });

  it('tells the sign-in page that single sign-on is offered', async () => {
    const config = await json(await exchanges.fetch(`${apiB}/auth/config`));
    expect(config).toMatchObject({
      status: 200,
      body: { sso: { enabled: true, label: 'Sign in with the test provider', loginUrl: '/api/v1/auth/oidc/login' } },
    });
  });

  it('signs in with single sign-on: begun on replica B, back on A, the session works on both', async () => {
    const browser = new Browser(exchanges.fetch);
    const back = await singleSignOn(browser, apiB, 'olga', 'olga-pw', { returnTo: '/flows?tab=mine' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/flows?tab=mine');
    const cookies = back.headers.getSetCookie();
    const cleared = cookies.find((c) => c.startsWith('certgate_oidc=;'));
    expect(attributesOf(cleared ?? '')).toMatchObject({ path: '/api/v1/auth/oidc', 'max-age': '0' });
    const session = cookies.find((c) => c.startsWith('certgate_session='));
    expect(attributesOf(session ?? '')).toMatchObject({ httponly: '', samesite: 'Strict', path: '/api' });

    for (const api of [apiA, apiB]) {
      const me = await browse<Me>(browser, api, 'GET', '/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ kind: 'session', via: 'oidc', operator: 'olga', roles: ['developer'], csrfToken: expect.any(String) });
      expect(me.body.tokenId).toBeUndefined();
    }
    const me = (await browse<Me>(browser, apiA, 'GET', '/me')).body;
    expect((await browse(browser, apiA, 'GET', '/roles')).status).toBe(200);
    expect((await browse(browser, apiA, 'POST', '/roles', { csrf: me.csrfToken, body: { name: 'OlgaRole' } })).status).toBe(403);

    // The audit trail names who signed in and how, and the refused change made with the session.
    const trail = await bearer<{ who: Record<string, unknown>; what: { operation: string }; outcome: { status: number } }[]>(
      apiA,
      'GET',
      '/audit?operator=olga',
      ADMIN,
    );
    expect(trail.body.map((r) => `${r.what.operation} ${r.outcome.status}`)).toEqual(['GET /auth/oidc/callback 302', 'POST /roles 403']);
    expect(trail.body[0].who).toMatchObject({ kind: 'session', via: 'oidc', operator: 'olga', surface: 'web', sessionId: me.sessionId });
  });

  it('makes no session for an account without a certgate role, and says which claim held none', async () => {
    const browser = new Browser(exchanges.fetch);
    const back = await singleSignOn(browser, apiA, 'nora', 'nora-pw');
    expect(back.status).toBe(302);
    const location = new URL(locationOf(back), apiA);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe(
      "the account 'nora' has no certgate role: its claim 'certgate_roles' held none of admin, security, developer, monitor, auditor; ask an administrator of the identity provider for one",
    );
    expect(browser.cookie('certgate_session')).toBeUndefined();
    expect((await browse(browser, apiA, 'GET', '/me')).status).toBe(401);
    const trail = await bearer<{ what: { operation: string }; outcome: { status: number; message?: string } }[]>(
      apiA,
      'GET',
      '/audit?object=/auth/session&outcome=401',
      ADMIN,
    );
    expect(trail.body.map((r) => r.outcome.message)).toContain(location.searchParams.get('error'));
  });

  it('refuses a tampered state, a callback without a sign-in in progress, and a return path to another site', async () => {
    const browser = new Browser(exchanges.fetch);
    const tampered = await singleSignOn(browser, apiA, 'olga', 'olga-pw', { tamper: (url) => url.searchParams.set('state', 'forged-state') });
    expect(tampered.status).toBe(302);
    const refused = new URL(locationOf(tampered), apiA);
    expect(refused.pathname).toBe('/sign-in');
    expect(refused.searchParams.get('error')).toMatch(/does not belong to the sign-in this browser began \(its state differs\)/);
    expect(browser.cookie('certgate_session')).toBeUndefined();

    // The flow cookie was spent by that attempt: the same callback again finds none.
    const again = await browser.fetch(`${callbackUrl}?code=x&state=y`);
    expect(new URL(locationOf(again), apiA).searchParams.get('error')).toMatch(/^no sign-in is in progress in this browser/);

    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await json(await browser.fetch(`${apiA}/auth/oidc/login?return=${encodeURIComponent(evil)}`));
      expect(res).toMatchObject({
        status: 400,
        body: { error: 'validation_failed', message: 'invalid query: return: must be a path of this console, such as /flows' },
      });
    }
    expect(browser.cookie('certgate_oidc')).toBeUndefined();
  });
});
