import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  REPO_ROOT,
  checkExchangesAndStop,
  describeInBrowser,
  launchChromium,
  recordBrowserExchanges,
  startSystem,
  type RunningSystem,
} from '@certgate/testing';
import { consoleApi } from './clients';

const SCREENSHOTS = join(REPO_ROOT, 'dist', 'screenshots');

/**
 * Swagger UI at /api/docs in a real (headless) Chromium, as an operator uses it: authorize
 * with the admin token, "Try it out" on POST /service-instances/{name}/keys with the
 * named example of a key type, Execute. The request Swagger UI builds from the OpenAPI
 * document must be accepted (201), and the browser's exchanges are checked against the
 * document with the suite's.
 */
describeInBrowser('swagger-ui', 'Swagger UI: "Try it out" creates a service key (headless Chromium)', () => {
  let sys: RunningSystem;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sys = await startSystem('swagger-ui');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // What the browser gets from the API is checked against the document as well.
    recordBrowserExchanges(page, sys.exchanges);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await checkExchangesAndStop(sys);
  });

  it('authorize with the admin token, Try it out on POST .../keys with the client-secret example, Execute: 201', async () => {
    // The instance comes first, through the API: a client-secret key needs a client_credentials instance.
    const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    const instance = await api('POST', '/service-instances', {
      name: 'cc-app',
      parameters: { roles: [], 'grant-types': ['client_credentials'], 'redirect-uris': [] },
    });
    expect(instance.status).toBe(201);

    await page.goto(sys.consoleUrl.replace('/api/v1', '/api/docs'));
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('certgate console API');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui.png') });

    // Authorize: the Bearer scheme "admin-token".
    await page.locator('.swagger-ui .auth-wrapper .authorize').click();
    const dialog = page.locator('.swagger-ui .dialog-ux');
    // The document offers the bearer token and the console's session cookie; the token is the one a script uses.
    const bearer = dialog.locator('form').filter({ hasText: 'admin-token' });
    await bearer.locator('input[type=text], input[type=password]').first().fill(sys.adminToken);
    await bearer.locator('button.authorize').click();
    await bearer.locator('button.btn-done').click();

    // The operation, opened; Try it out.
    const op = page.locator('#operations-service_instances-ServiceInstancesController_createKey');
    await op.locator('.opblock-summary').first().click();
    await op.locator('button.try-out__btn').click();
    await op.locator('tr[data-param-name="name"] input').fill('cc-app');

    // The named examples of the request body: one per key type.
    const examples = op.locator('.opblock-section-request-body select:has(option[value="client-secret"])');
    expect(await examples.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual([
      'external-certificate',
      'certificate',
      'client-secret',
    ]);
    await examples.selectOption({ value: 'client-secret' });
    const body = op.locator('.opblock-section-request-body textarea');
    await expect(body.inputValue().then((text) => JSON.parse(text) as unknown)).resolves.toEqual({ name: 's1', type: 'client-secret' });

    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    const answer = op.locator('.live-responses-table .response .response-col_description pre').first();
    await answer.waitFor();

    await op.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui-create-key.png'), fullPage: false });
    await op.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui-create-key-response.png'), fullPage: false });

    expect(await status.innerText()).toBe('201');
    expect(JSON.parse(await answer.innerText())).toMatchObject({
      instance: 'cc-app',
      name: 's1',
      type: 'client-secret',
      clientid: 'sb-cc-app!s1',
      clientsecret: expect.any(String),
      url: expect.stringMatching(/\/http$/),
      tokenurl: expect.stringMatching(/\/oauth\/token$/),
    });
    // And the key is there.
    expect((await api('GET', '/service-instances/cc-app/keys/s1')).status).toBe(200);
  });
});
