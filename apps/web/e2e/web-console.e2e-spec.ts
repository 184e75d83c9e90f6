import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { checkExchangesAndStop, createTestPki, startSystem, type RunningSystem } from '@certgate/testing';
import { DESKTOP, dropFiles, describeInBrowser, launchChromium, PHONE, WEB_DIST_INDEX, WebPage } from './browser';

/**
 * The web console in headless Chromium against a real certgate (the five services, NATS,
 * the console serving apps/web/dist): each operator task of the pages built so far, as a
 * person does it; no console error or CSP violation anywhere; axe-core on every page; a
 * screenshot of every page at 1280 px and 390 px (dist/screenshots/web/). Every response
 * the browser gets from the API is checked against the OpenAPI document.
 */
describeInBrowser('web console browser suite', 'the web console in a browser', () => {
  let sys: RunningSystem;
  let browser: Browser;
  let web: WebPage;

  /** The console API, as a setup script would call it (recorded and checked like the browser's calls). */
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await sys.exchanges.fetch(`${sys.consoleUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${sys.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown };
  };

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`the web console is not built (${WEB_DIST_INDEX}): run npx nx build web (nx e2e web does)`);
    sys = await startSystem('web');
    browser = await launchChromium();
  }, 120_000);

  beforeEach(async () => {
    web = await WebPage.open(browser, sys);
  });

  afterEach(async () => {
    const problems = web.takeProblems();
    await web.close();
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await checkExchangesAndStop(sys);
  });

  it('signs in with the admin token (a wrong one refused next to the field): a session cookie no script reads, no token kept; signs out', async () => {
    const { page } = web;
    await web.goto('/roles');
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
    await page.getByLabel('Admin token or API token').fill('certainly-not-the-admin-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('the bearer token is neither the admin token nor an API token').waitFor();
    expect(await page.getByLabel('Admin token or API token').getAttribute('aria-describedby')).toMatch(/error/);
    await web.screenshot('sign-in-refused-1280');

    await page.getByLabel('Admin token or API token').fill(sys.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to the page that was asked for.
    await web.settle('Roles');
    expect(new URL(page.url()).pathname).toBe('/roles');
    expect(page.url()).not.toContain(sys.adminToken);
    // The token is nowhere in the page: a cookie of the API, httpOnly, SameSite=Strict.
    expect(await web.run('sessionStorage.length + localStorage.length')).toBe(0);
    expect(await web.run('document.cookie')).toBe('');
    const cookie = await web.sessionCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(cookie?.value).not.toContain(sys.adminToken);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
    expect(await web.sessionCookie()).toBeUndefined();
    // The session is over on the console, not only forgotten by the browser.
    expect((await web.apiWithCookie(cookie?.value ?? '', 'GET', '/me')).status).toBe(401);
    await web.goto('/trusted-roots');
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
  });

  it('a 401 on any call signs out with a message (the session was ended elsewhere)', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken);
    await web.settle('Overview');
    // Ended from outside the page, as a sign-out in another tab does: DELETE with the cookie and its CSRF token.
    const cookie = (await web.sessionCookie())?.value ?? '';
    const me = (await web.apiWithCookie(cookie, 'GET', '/me')).body as { csrfToken: string };
    expect((await web.apiWithCookie(cookie, 'DELETE', '/auth/session', me.csrfToken)).status).toBe(204);
    // A page whose list the overview has not loaded already: its first call is refused.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Logs' }).click();
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
    await page.getByText('no longer accepts this sign-in: the session is not known').waitFor();
  });

  it('trusts a root by dropping its PEM file, shows it with its validity, and removes it', async () => {
    const { page } = web;
    const pki = await createTestPki({ name: 'web partner' });
    const subject = pki.root.certificate.subjectDN;
    await web.signIn(sys.adminToken, '/trusted-roots');
    await web.settle('Trusted roots');

    await dropFiles(page, '[data-testid=roots-dropzone]', [{ name: 'partner-root.pem', type: 'application/x-pem-file', text: pki.root.certPem }]);
    await page.getByText('Trusted a new root').waitFor();
    const row = page.getByRole('row').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.locator('[data-validity]').getAttribute('data-validity')).toBe('valid');
    const roots = (await api('GET', '/ingress/trusted-roots')).body as { subjectDN: string; fingerprint: string; source: string }[];
    const added = roots.find((r) => r.subjectDN === subject);
    expect(added?.source).toBe('api');
    await web.screenshot('trusted-roots-added-1280');

    // Dropping it again adds nothing.
    await dropFiles(page, '[data-testid=roots-dropzone]', [{ name: 'partner-root.pem', type: 'application/x-pem-file', text: pki.root.certPem }]);
    await page.getByText('Already trusted').waitFor();

    // A file that is not a root CA: refused, with the console's message and code under the drop zone.
    const leaf = await pki.issueClient('not-a-root');
    await dropFiles(page, '[data-testid=roots-dropzone]', [{ name: 'leaf.pem', type: 'application/x-pem-file', text: leaf.certPem }]);
    const refusal = page.getByRole('alert').filter({ hasText: 'The roots were not added' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/invalid_anchor|not_a_ca/);

    await row.getByRole('button', { name: `Remove ${subject}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this trusted root?' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
    const after = (await api('GET', '/ingress/trusted-roots')).body as { fingerprint: string }[];
    expect(after.map((r) => r.fingerprint)).not.toContain(added?.fingerprint);
  });

  it('creates a role and deletes it', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, '/roles');
    await web.settle('Roles');
    await page.getByRole('button', { name: 'Create role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a role' });
    // A name the API refuses: its message and code next to the field.
    await dialog.getByLabel('Name').fill('no spaces allowed');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    await dialog.locator('.mantine-InputWrapper-error').getByText('validation_failed').waitFor();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('roles-create-refused-1280');
    await dialog.getByLabel('Name').fill('Web.Orders');
    await dialog.getByLabel('Description').fill('orders from the web shop');
    await dialog.getByRole('button', { name: 'Create role' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Web.Orders' });
    await row.waitFor();
    expect((await api('GET', '/roles/Web.Orders')).body).toMatchObject({ name: 'Web.Orders', description: 'orders from the web shop' });

    await row.getByRole('button', { name: 'Delete role Web.Orders' }).click();
    await page.getByRole('dialog', { name: 'Delete role Web.Orders?' }).getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await api('GET', '/roles/Web.Orders')).status).toBe(404);
  });

  it('refuses to delete a role in use and shows who uses it', async () => {
    const { page } = web;
    expect((await api('POST', '/roles', { name: 'Busy.Role' })).status).toBe(201);
    expect(
      (
        await api('POST', '/service-instances', {
          name: 'web-sender',
          parameters: { roles: ['Busy.Role'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
        })
      ).status,
    ).toBe(201);
    await web.signIn(sys.adminToken, '/roles');
    await web.settle('Roles');
    await page.getByRole('button', { name: 'Delete role Busy.Role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete role Busy.Role?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('role_in_use');
    expect(await refusal.getByLabel('Who uses this role').innerText()).toMatch(/Service instances:\s*web-sender/);
    await web.screenshot('roles-in-use-1280');
    expect(await web.seriousA11yViolations()).toEqual([]);
    expect((await api('GET', '/roles/Busy.Role')).status).toBe(200);
  });

  it("downloads a role's JSON", async () => {
    const { page } = web;
    expect((await api('POST', '/roles', { name: 'Json.Role' })).status).toBe(201);
    await web.signIn(sys.adminToken, '/roles');
    await web.settle('Roles');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON of role Json.Role' }).click()]);
    expect(download.suggestedFilename()).toBe('role-Json.Role.json');
    expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual({ roles: ['Json.Role'] });
  });

  it('every page: no console error or CSP violation, nothing serious for axe, a screenshot at 1280 px and 390 px', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken);
    const paths = await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(paths).toEqual(expect.arrayContaining(['/', '/trusted-roots', '/roles']));
    const violations: string[] = [];
    for (const path of paths) {
      const name = path === '/' ? 'overview' : path.slice(1).replace(/\//g, '-');
      await page.setViewportSize(DESKTOP);
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link')
        .and(page.locator(`[href="${path}"]`))
        .click();
      await web.settle();
      expect(new URL(page.url()).pathname).toBe(path);
      violations.push(...(await web.seriousA11yViolations()).map((v) => `${path} @1280: ${v}`));
      await web.screenshot(`${name}-1280`);
      await page.setViewportSize(PHONE);
      await web.settle();
      violations.push(...(await web.seriousA11yViolations()).map((v) => `${path} @390: ${v}`));
      await web.screenshot(`${name}-390`);
      // The navigation is behind the burger on a phone.
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').first().waitFor();
      if (path === '/') await web.screenshot('navigation-390');
      await page.getByRole('button', { name: 'Close navigation' }).click();
    }
    await page.setViewportSize(DESKTOP);
    // The sign-in page too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
    violations.push(...(await web.seriousA11yViolations()).map((v) => `/sign-in: ${v}`));
    await web.screenshot('sign-in-1280');
    await page.setViewportSize(PHONE);
    await web.screenshot('sign-in-390');
    expect(violations).toEqual([]);
  }, 300_000);

  it('works with the keyboard alone: skip link, navigation, dark mode', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken);
    await web.settle('Overview');
    await page.keyboard.press('Tab');
    expect(await web.run('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // Tab through to the Roles link and follow it.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Roles' }).focus();
    await page.keyboard.press('Enter');
    await web.settle('Roles');
    await page.getByRole('button', { name: /Switch to dark mode/ }).focus();
    await page.keyboard.press('Enter');
    expect(await web.run("document.documentElement.getAttribute('data-mantine-color-scheme')")).toBe('dark');
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('roles-dark-1280');
    await page.getByRole('button', { name: /Switch to light mode/ }).click();
  });

  it("serves Swagger UI under its own policy with no violation, and the web console's pages with a nonce policy", async () => {
    const { page } = web;
    const res = await web.goto('/api/docs');
    expect(res?.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    await page.locator('.swagger-ui .info .title').waitFor();
    const index = await web.goto('/');
    const csp = index?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("script-src 'self';");
    expect(index?.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('heading', { name: 'Sign in to certgate' }).waitFor();
  });
});
