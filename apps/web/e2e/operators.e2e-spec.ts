import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import {
  checkExchangesAndStop,
  createTestPki,
  freePort,
  startOidcProvider,
  startSystem,
  waitFor,
  type OidcTestProvider,
  type RunningSystem,
} from '@certgate/testing';
import { DESKTOP, describeInBrowser, launchChromium, PHONE, WEB_DIST_INDEX, WebPage } from './browser';

const CLIENT_ID = 'certgate-web-suite';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

/**
 * Operators, single sign-on and the audit trail in headless Chromium against a real
 * certgate with a real OpenID provider (oidc-provider, libs/testing): an administrator
 * makes an operator and its token (shown once) on the Operators page; a monitor signs in
 * with its API token and finds the pages read-only, saying why; a developer signs in with
 * single sign-on, and its session cookie is refused once it signs out; an auditor finds
 * the suite's changes, by the right operator, on the Audit page and verifies the chain.
 */
describeInBrowser('web console operators suite', 'operators, single sign-on and the audit trail in a browser', () => {
  let sys: RunningSystem;
  let idp: OidcTestProvider;
  let browser: Browser;
  const pages: WebPage[] = [];

  /** The console API with a bearer token (the admin token by default), as a script calls it. */
  const api = async <T = unknown>(method: string, path: string, body?: unknown, token = sys.adminToken) => {
    const res = await sys.exchanges.fetch(`${sys.consoleUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  /** An operator with these roles and an API token of it, made through the API. */
  const operatorWithToken = async (name: string, roles: string[]) => {
    expect((await api('POST', '/operators', { name, roles })).status).toBe(201);
    const made = await api<{ token: string }>('POST', `/operators/${name}/tokens`, { description: 'browser suite', expiresInDays: 1 });
    expect(made.status).toBe(201);
    return made.body.token;
  };

  /** A page in a browser context of its own (its own cookies), checked for problems after the test. */
  const openPage = async () => {
    const web = await WebPage.open(browser, sys);
    pages.push(web);
    return web;
  };

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`the web console is not built (${WEB_DIST_INDEX}): run npx nx build web (nx e2e web does)`);
    // The console discovers the provider at the first sign-in: its address is fixed first,
    // and the provider started once the console's callback URL is known.
    const idpPort = await freePort();
    sys = await startSystem('web-operators', {
      CERTGATE_OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      CERTGATE_OIDC_CLIENT_ID: CLIENT_ID,
      CERTGATE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      CERTGATE_OIDC_LABEL: 'SSO',
    });
    idp = await startOidcProvider({
      port: idpPort,
      accounts: [
        { username: 'olga', password: 'olga-pw', claims: { preferred_username: 'olga', certgate_roles: ['developer'] } },
        { username: 'nora', password: 'nora-pw', claims: { preferred_username: 'nora', certgate_roles: 'uma_authorization' } },
      ],
      clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [`${new URL(sys.consoleUrl).origin}/api/v1/auth/oidc/callback`] }],
    });
    browser = await launchChromium();
  }, 120_000);

  afterEach(async () => {
    // The test provider's sign-in page has no icon: the browser's request for one is its 404, not the console's.
    const problems = pages.flatMap((p) => p.takeProblems()).filter((p) => !p.includes(`${idp.issuer}/favicon.ico`));
    for (const p of pages.splice(0)) await p.close();
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await idp?.stop();
    await checkExchangesAndStop(sys);
  });

  it('an administrator makes an operator and its API token on the Operators page; the token is shown once', async () => {
    const web = await openPage();
    const { page } = web;
    await web.signIn(sys.adminToken, '/operators');
    await web.settle('Operators');
    await page.getByRole('button', { name: 'Create operator' }).click();
    const create = page.getByRole('dialog', { name: 'Create an operator' });
    await create.getByLabel('Name').fill('mona');
    await create.getByRole('checkbox', { name: /monitor/ }).check();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('operators-create-1280');
    await create.getByRole('button', { name: 'Create operator' }).click();
    // Straight to its tokens.
    await page.getByRole('heading', { name: 'API tokens of mona' }).waitFor();
    expect((await api<{ roles: string[]; enabled: boolean }>('GET', '/operators/mona')).body).toMatchObject({ roles: ['monitor'], enabled: true });

    await page.getByRole('button', { name: 'Create token' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API token for mona' });
    await form.getByLabel('Description').fill('dashboard');
    await form.getByLabel(/Expires in/).fill('30');
    await form.getByRole('button', { name: 'Create token' }).click();
    const once = page.getByRole('dialog', { name: 'API token for mona: save it now' });
    const token = (await once.getByLabel('API token').innerText()).trim();
    expect(token).toMatch(/^cgt\.[a-z0-9-]+\.[0-9a-f]{16}\./);
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('operators-token-shown-once-1280');
    // It works: the console knows whose it is.
    expect((await api<{ operator: string; roles: string[] }>('GET', '/me', undefined, token)).body).toMatchObject({ operator: 'mona', roles: ['monitor'] });

    await once.getByRole('button', { name: 'I have saved it, close' }).click();
    await once.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);
    const row = page.getByRole('table', { name: 'API tokens of mona' }).getByRole('row').filter({ hasText: 'dashboard' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/active/i);
    expect(await row.innerText()).toMatch(/never/);
    await web.screenshot('operators-tokens-1280');
    await page.setViewportSize(PHONE);
    await web.settle();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('operators-tokens-390');
    await page.setViewportSize(DESKTOP);
  }, 120_000);

  it('an operator with the monitor role signs in with its API token and finds the pages read-only, saying why', async () => {
    const pki = await createTestPki({ name: 'web monitor suite' });
    expect((await api('POST', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(201);
    const token = await operatorWithToken('milo', ['monitor']);
    const web = await openPage();
    const { page } = web;
    await web.signIn(token, '/trusted-roots');
    await web.settle('Trusted roots');
    expect(await page.getByRole('banner').innerText()).toMatch(/Signed in as\s*milo[\s\S]*roles:\s*monitor/);
    const nav = await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.textContent));
    expect(nav).toEqual(['Overview', 'Alerts', 'Logs', 'Trusted roots', 'Keystore', 'Certificates']);

    // No drop zone; Remove is there but disabled, and says which roles may.
    expect(await page.locator('[data-testid=roots-dropzone]').count()).toBe(0);
    await page.getByText('Read-only for your roles (monitor)').waitFor();
    const remove = page.getByRole('button', { name: `Remove ${pki.root.certificate.subjectDN}` });
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    await remove.hover();
    await page.getByRole('tooltip').filter({ hasText: 'Needs the permission trusted-roots:write (roles admin, security)' }).waitFor();
    // Forced: Playwright will not click what says it is disabled; a person can, and nothing opens.
    await remove.click({ force: true });
    expect(await page.getByRole('dialog').count()).toBe(0);
    await web.screenshot('monitor-trusted-roots-1280');

    // Every page it may read: its write actions disabled with the reason, nothing serious for axe.
    const violations: string[] = [];
    for (const [path, heading, action] of [
      ['/keystore', 'Keystore', 'Create key pair'],
      ['/alerts', 'Alerts and subscriptions', 'Scan now'],
      ['/certificates', 'Certificates', undefined],
      ['/logs', 'Logs', undefined],
      ['/', 'Overview', undefined],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: heading === 'Alerts and subscriptions' ? 'Alerts' : heading })
        .click();
      await web.settle(heading);
      if (action) {
        const button = page.getByRole('button', { name: action });
        expect(await button.getAttribute('aria-disabled')).toBe('true');
        const reason = page.locator(`[id="${await button.getAttribute('aria-describedby')}"]`);
        expect(await reason.textContent()).toMatch(/^Needs the permission \S+:write \(roles admin, security\)$/);
      }
      const name = path === '/' ? 'overview' : path.slice(1);
      violations.push(...(await web.seriousA11yViolations()).map((v) => `${path} @1280: ${v}`));
      await web.screenshot(`monitor-${name}-1280`);
      await page.setViewportSize(PHONE);
      await web.settle();
      violations.push(...(await web.seriousA11yViolations()).map((v) => `${path} @390: ${v}`));
      await web.screenshot(`monitor-${name}-390`);
      await page.setViewportSize(DESKTOP);
    }
    expect(violations).toEqual([]);

    // A page it may not read, by its address: why, and no call of its API.
    await web.goto('/operators');
    await page.getByRole('heading', { name: 'Operators' }).waitFor();
    await page.getByText('This page needs the permission operators:read (role admin); you have monitor.').waitFor();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('monitor-operators-refused-1280');
    // And the console refuses it anyway.
    expect((await api('GET', '/operators', undefined, token)).status).toBe(403);
  }, 180_000);

  it('single sign-on: a developer signs in at the provider, lands with the roles of its claim, signs out, and the old cookie is refused', async () => {
    const web = await openPage();
    const { page } = web;
    await web.goto('/flows');
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
    const sso = page.getByRole('link', { name: 'Sign in with SSO' });
    expect(await sso.getAttribute('href')).toBe('/api/v1/auth/oidc/login?return=%2Fflows');
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('sign-in-sso-1280');
    await page.setViewportSize(PHONE);
    await web.screenshot('sign-in-sso-390');
    await page.setViewportSize(DESKTOP);

    await sso.click();
    await page.getByRole('heading', { name: 'Sign in to the test identity provider' }).waitFor();
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await page.getByLabel('Username').fill('olga');
    await page.getByLabel('Password').fill('olga-pw');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Back on the page the sign-in started from, signed in as olga with the claim's role.
    await web.settle('Flows');
    expect(new URL(page.url()).pathname).toBe('/flows');
    expect(await page.getByRole('banner').innerText()).toMatch(/Signed in as\s*olga[\s\S]*roles:\s*developer/);
    expect(await page.getByRole('button', { name: 'Deploy flow' }).getAttribute('aria-disabled')).toBeNull();
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Operators' }).count()).toBe(0);
    await web.screenshot('sso-signed-in-flows-1280');
    const cookie = (await web.sessionCookie())?.value ?? '';
    expect((await web.apiWithCookie(cookie, 'GET', '/me')).body).toMatchObject({ kind: 'session', via: 'oidc', operator: 'olga', roles: ['developer'] });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
    expect((await web.apiWithCookie(cookie, 'GET', '/me')).status).toBe(401);
    expect((await web.apiWithCookie(cookie, 'GET', '/flows')).status).toBe(401);
  }, 120_000);

  it('single sign-on of an account without a certgate role: the sign-in page says why', async () => {
    const web = await openPage();
    const { page } = web;
    await web.goto('/');
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    await page.getByLabel('Username').fill('nora');
    await page.getByLabel('Password').fill('nora-pw');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Single sign-on did not sign you in' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain("the account 'nora' has no certgate role");
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('sign-in-sso-refused-1280');
  }, 120_000);

  it('the Audit page shows the changes of this test by the right operator, pages them, verifies the chain and exports them', async () => {
    // Changes to find: a role made in the web console by sam (security, a session of its
    // token), one made with sam's token by a script, and a monitor's refused attempt.
    const samToken = await operatorWithToken('sam', ['security']);
    const monitorToken = await operatorWithToken('mia', ['monitor']);
    const auditorToken = await operatorWithToken('audrey', ['auditor']);
    const sam = await openPage();
    await sam.signIn(samToken, '/roles');
    await sam.settle('Roles');
    await sam.page.getByRole('button', { name: 'Create role' }).click();
    const dialog = sam.page.getByRole('dialog', { name: 'Create a role' });
    await dialog.getByLabel('Name').fill('Audit.Web');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await sam.page.getByRole('row').filter({ hasText: 'Audit.Web' }).waitFor();
    expect((await api('POST', '/roles', { name: 'Audit.Script' }, samToken)).status).toBe(201);
    expect((await api('POST', '/roles', { name: 'Audit.Refused' }, monitorToken)).status).toBe(403);

    const web = await openPage();
    const { page } = web;
    await web.signIn(auditorToken, '/audit');
    await web.settle('Audit trail');
    const nav = await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.textContent));
    expect(nav).toEqual(['Overview', 'Audit trail']);
    const table = page.getByRole('table', { name: 'Audit records' });
    const rowOf = (object: string) => table.getByRole('row').filter({ hasText: object });

    // sam's role from the web console: a session (web), sam's.
    const webRow = rowOf('/roles/Audit.Web');
    await webRow.waitFor();
    expect(await webRow.innerText()).toMatch(/sam[\s\S]*web · token[\s\S]*POST \/roles[\s\S]*ok 201/i);
    await web.screenshot('audit-records-1280');

    // Only sam's: both roles, the one from the web and the script's (api).
    await page.getByRole('button', { name: 'Show the records of sam' }).first().click();
    await web.settle('Audit trail');
    expect(new URL(page.url()).search).toBe('?operator=sam');
    await rowOf('/roles/Audit.Script').waitFor();
    expect(await rowOf('/roles/Audit.Script').innerText()).toMatch(/api/);
    expect(await table.getByRole('row').filter({ hasText: 'mia' }).count()).toBe(0);

    // The refusal, by its outcome: mia's 403, with the code.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The filter bar is made again for the new URL (it has no Clear filters then): type into that one.
    await page.getByRole('button', { name: 'Clear filters' }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Outcome' }).fill('refused');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction("location.search === '?outcome=refused'");
    // A refused create has no object of its own: the collection it was asked of.
    const refused = table.getByRole('row').filter({ hasText: 'mia' });
    // The unfiltered rows (mia's other records among them) stay on screen until the refused ones replace them.
    await waitFor("only mia's refused record listed", async () => (await refused.count()) === 1, 15_000);
    expect(await refused.innerText()).toMatch(/mia[\s\S]*refused 403[\s\S]*forbidden/i);

    // A record in full.
    await refused.getByRole('button', { name: /^Details of record/ }).click();
    const drawer = page.getByRole('dialog', { name: /^Audit record/ });
    await drawer.getByRole('region', { name: 'Hash chain' }).waitFor();
    expect(await drawer.getByRole('region', { name: 'Who' }).innerText()).toMatch(/mia/);
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('audit-record-1280');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The export, with the page's filters: JSON lines, each record with its seq.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON lines' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    const exported = lines.map((l) => JSON.parse(l) as { seq: number; outcome: { result: string }; who: { operator?: string } });
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.every((r) => r.outcome.result === 'refused' && typeof r.seq === 'number')).toBe(true);
    expect(exported.map((r) => r.who.operator)).toContain('mia');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByRole('status').filter({ hasText: 'The chain holds' }).waitFor();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('audit-verified-1280');
    await page.setViewportSize(PHONE);
    await web.settle();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('audit-refused-390');
    await page.setViewportSize(DESKTOP);
  }, 180_000);
});
