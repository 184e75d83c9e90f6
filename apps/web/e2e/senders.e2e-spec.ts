import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { checkExchangesAndStop, createTestPki, startSystem, type RunningSystem, type TestLeaf, type TestPki } from '@certgate/testing';
import { DESKTOP, dropFiles, describeInBrowser, launchChromium, PHONE, WEB_DIST_INDEX, WebPage } from './browser';

interface IngressAnswer {
  status: number;
  body: string;
}

/** One request to the ingress with node https on a fresh TLS connection: a sender with its certificate, or a token request. */
function ingress(
  port: number,
  ca: string,
  path: string,
  opts: { cert?: string; key?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<IngressAnswer> {
  const { method = 'POST', headers, body, ...tls } = opts;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false, ca, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body ?? '');
  });
}

/** The answer once `ok` accepts it (a change takes a moment to reach every replica), or the last one after `timeoutMs`. */
async function eventually(call: () => Promise<IngressAnswer>, ok: (a: IngressAnswer) => boolean, timeoutMs = 8000): Promise<IngressAnswer> {
  const start = Date.now();
  for (;;) {
    const answer = await call();
    if (ok(answer) || Date.now() - start > timeoutMs) return answer;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const pemFile = (name: string, text: string) => [{ name, type: 'application/x-pem-file', text }];

/**
 * The sender pages of the web console in headless Chromium against a real certgate:
 * onboarding a sender entirely in the browser (trusted root, role, service instance, key
 * from the sender's PEM, flow) and calling the flow with its certificate; the 409 of a
 * certificate already in a key, naming the holder; generated secrets shown once; a flow
 * deployed from YAML with its error marked at the line; users, mappings and groups. Each
 * page state worth seeing is screenshotted at 1280 and 390 px (dist/screenshots/web/) and
 * checked with axe-core.
 */
describeInBrowser('web console senders suite', 'the sender pages in a browser (service instances and keys, flows, users and mappings)', () => {
  let sys: RunningSystem;
  let browser: Browser;
  let web: WebPage;
  let ingressCa: string;
  let pki: TestPki;
  let violations: string[] = [];

  const api = async <T = unknown>(method: string, path: string, body?: unknown) => {
    const res = await sys.exchanges.fetch(`${sys.consoleUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${sys.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  /** axe-core and a screenshot of the page as it is, at 1280 px and at 390 px. */
  const capture = async (name: string) => {
    const { page } = web;
    // Notifications that fade in or out mid-check would count as low contrast: dismiss them first.
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await dismiss.click().catch(() => undefined);
    await page
      .locator('.mantine-Notification-root')
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => undefined);
    violations.push(...(await web.seriousA11yViolations()).map((v) => `${name} @1280: ${v}`));
    await web.screenshot(`${name}-1280`);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    violations.push(...(await web.seriousA11yViolations()).map((v) => `${name} @390: ${v}`));
    await web.screenshot(`${name}-390`);
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(200);
  };

  /** Picks an option of a Mantine Select/MultiSelect by its label. */
  const pick = async (scope: Locator, label: string, option: string) => {
    await scope.getByRole('combobox', { name: label }).click();
    await web.page.getByRole('option', { name: option, exact: true }).click();
    // A MultiSelect keeps its list open: a click on the dialog's title closes it.
    await scope.getByRole('heading').first().click();
  };

  /** Signs in, then opens `path` (the sign-in page brings back the path, not its query). */
  const open = async (path: string) => {
    await web.signIn(sys.adminToken, path);
    if (path.includes('?')) await web.goto(path);
  };

  const callFlow = (address: string, leaf: { cert: string; key: string }) =>
    eventually(
      () => ingress(sys.ingressPort, ingressCa, `/http${address}`, leaf),
      (a) => a.status === 200,
    );

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`the web console is not built (${WEB_DIST_INDEX}): run npx nx build web (nx e2e web does)`);
    sys = await startSystem('web-senders');
    ingressCa = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    pki = await createTestPki({ name: 'web senders partner' });
    browser = await launchChromium();
  }, 120_000);

  beforeEach(async () => {
    violations = [];
    web = await WebPage.open(browser, sys);
    await web.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.origin });
  });

  afterEach(async () => {
    const problems = web.takeProblems();
    await web.close();
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await checkExchangesAndStop(sys);
  });

  it('onboards a sender entirely in the browser — root, role, instance, key from its PEM, flow — and the flow answers the sender 200 with its client id', async () => {
    const { page } = web;
    const leaf = await pki.issueClient('web-onboarded-sender');

    // 1. Trust the sender's root: its PEM dropped on the Trusted roots page.
    await web.signIn(sys.adminToken, '/trusted-roots');
    await web.settle('Trusted roots');
    await dropFiles(page, '[data-testid=roots-dropzone]', pemFile('partner-root.pem', pki.root.certPem));
    await page.getByRole('row').filter({ hasText: pki.root.certificate.subjectDN }).waitFor();

    // 2. A role.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Roles' }).click();
    await web.settle('Roles');
    await page.getByRole('button', { name: 'Create role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Create a role' });
    await roleDialog.getByLabel('Name').fill('Web.Onboard');
    await roleDialog.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('row').filter({ hasText: 'Web.Onboard' }).waitFor();

    // 3. A service instance holding it.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Service instances' }).click();
    await web.settle('Service instances and keys');
    await page.getByRole('button', { name: 'Create instance' }).click();
    const create = page.getByRole('dialog', { name: 'Create a service instance' });
    await create.getByLabel('Name', { exact: false }).first().fill('web-sender');
    await pick(create, 'Roles', 'Web.Onboard');
    await create.getByRole('radio', { name: /client_x509/ }).check();
    await capture('service-instances-create');
    await create.getByRole('button', { name: 'Create instance' }).click();
    const row = page.getByRole('row').filter({ hasText: 'web-sender' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Web.Onboard');

    // 4. Its key: the sender's leaf PEM dropped on the instance's keys.
    await row.getByRole('button', { name: 'Keys of web-sender' }).click();
    const keys = page.getByRole('table', { name: 'Keys of web-sender' });
    await keys.waitFor();
    expect(new URL(page.url()).search).toBe('?instance=web-sender');
    expect(await page.getByLabel('Key name').inputValue()).toBe('k1');
    await dropFiles(page, '[data-testid=key-dropzone]', pemFile('sender.pem', leaf.certPem));
    const keyRow = keys.getByRole('row').filter({ hasText: 'sb-web-sender!k1' });
    await keyRow.waitFor();
    expect(await keyRow.innerText()).toContain(leaf.certificate.subjectDN);
    await web.settle();
    await capture('service-instances-keys');

    // The key's JSON as the sender gets it: url and tokenurl; copied and downloaded.
    await keyRow.getByRole('button', { name: 'JSON of key k1' }).click();
    const json = page.getByRole('dialog', { name: 'Service key k1 of web-sender' });
    const text = await json.getByLabel('Service key JSON').innerText();
    const view = JSON.parse(text) as { clientid: string; url: string; tokenurl: string };
    expect(view).toMatchObject({
      clientid: 'sb-web-sender!k1',
      url: `https://localhost:${sys.ingressPort}/http`,
      tokenurl: expect.stringMatching(/\/oauth\/token$/),
    });
    await json.getByRole('button', { name: 'Copy JSON' }).click();
    await json.getByRole('button', { name: 'Copied' }).waitFor();
    expect(JSON.parse(await web.run<string>('navigator.clipboard.readText()'))).toEqual(view);
    const [download] = await Promise.all([page.waitForEvent('download'), json.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('web-sender-k1.json');
    expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(view);
    await capture('service-instances-key-json');
    await json.getByRole('button', { name: 'Close' }).click();

    // 5. A flow from the form, asking for the role.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Flows' }).click();
    await web.settle('Flows');
    await page.getByRole('button', { name: 'Deploy flow' }).click();
    const deploy = page.getByRole('dialog', { name: 'Deploy a flow' });
    await deploy.getByLabel('Id', { exact: false }).first().fill('web-onboard');
    await deploy.getByLabel('Address', { exact: false }).first().fill('/web-onboard');
    await pick(deploy, 'Role', 'Web.Onboard');
    expect(await deploy.getByLabel('Body').inputValue()).toBe('ok ${principal}');
    await capture('flows-form');
    await deploy.getByRole('button', { name: 'Deploy' }).click();
    const flowRow = page.getByRole('row').filter({ hasText: 'web-onboard' });
    await flowRow.waitFor();
    const endpoint = `https://localhost:${sys.ingressPort}/http/web-onboard`;
    await flowRow.getByText(endpoint).waitFor();
    expect(await flowRow.innerText()).toContain('role Web.Onboard');
    await web.settle();
    await capture('flows-list');

    // 6. The sender calls the flow with its certificate: 200, with its client id.
    const answer = await callFlow('/web-onboard', { cert: leaf.chainPem, key: leaf.keyPem });
    expect(answer).toEqual({ status: 200, body: 'ok sb-web-sender!k1' });
    // Without a certificate: refused.
    expect((await ingress(sys.ingressPort, ingressCa, '/http/web-onboard')).status).toBe(401);

    // 7. The call's access log line, in the Logs page (live follow brings it in without a reload).
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Logs' }).click();
    await web.settle('Logs');
    const access = page.getByRole('table', { name: 'Access log' });
    const line = access.getByRole('row').filter({ hasText: 'sb-web-sender!k1' }).filter({ hasText: 'POST /http/web-onboard' });
    await page.getByRole('switch', { name: /Follow/ }).check();
    await line.first().waitFor({ timeout: 15_000 });
    expect(await line.first().innerText()).toContain('200');
    // Six pages, each checked by axe and photographed at two widths: slower than one page's test.
  }, 150_000);

  it("a second key with the same sender's PEM is refused (409), naming the instance and key that hold it next to the drop zone", async () => {
    const { page } = web;
    const leaf = await pki.issueClient('web-held-sender');
    await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
    for (const name of ['web-holder', 'web-second']) {
      expect((await api('POST', '/service-instances', { name, parameters: { roles: [], 'grant-types': ['client_x509'] } })).status).toBe(201);
    }
    expect((await api('POST', '/service-instances/web-holder/keys', { name: 'held', type: 'external-certificate', certificate: leaf.certPem })).status).toBe(
      201,
    );

    await open('/service-instances?instance=web-second');
    await page.getByRole('table', { name: 'Keys of web-second' }).waitFor();
    await dropFiles(page, '[data-testid=key-dropzone]', pemFile('sender.pem', leaf.certPem));
    const refusal = page.getByRole('region', { name: 'Add a key' }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('certificate_in_use');
    expect(await refusal.getByLabel('Holder of the certificate').innerText()).toContain('Already held by key held of service instance web-holder');
    await web.settle();
    await capture('service-instances-certificate-in-use');
    // One press leads to the holder's keys.
    await refusal.getByRole('button', { name: 'Show the keys of web-holder' }).click();
    await page.getByRole('table', { name: 'Keys of web-holder' }).getByText('sb-web-holder!held').waitFor();
    expect((await api<unknown[]>('GET', '/service-instances/web-second/keys')).body).toEqual([]);
  });

  it('generated keys are shown once: a client secret that gets a token, a certificate key whose files call a flow; gone once closed', async () => {
    const { page } = web;
    expect((await api('POST', '/roles', { name: 'Web.Generated' })).status).toBe(201);
    expect((await api('POST', '/service-instances', { name: 'web-portal', parameters: { roles: [], 'grant-types': ['client_credentials'] } })).status).toBe(
      201,
    );
    expect(
      (await api('POST', '/service-instances', { name: 'web-generated', parameters: { roles: ['Web.Generated'], 'grant-types': ['client_x509'] } })).status,
    ).toBe(201);
    expect(
      (
        await api('PUT', '/flows/web-generated', {
          id: 'web-generated',
          sender: { address: '/web-generated', authorization: { type: 'role', role: 'Web.Generated' } },
          steps: [{ type: 'respond', status: 200, body: 'hello ${principal}' }],
        })
      ).status,
    ).toBe(200);

    // A client secret: shown once, copied, and good for a token.
    await open('/service-instances?instance=web-portal');
    await page.getByRole('table', { name: 'Keys of web-portal' }).waitFor();
    await page.getByRole('button', { name: 'Generate a client secret' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Key k1 of web-portal: save its client secret now' });
    await secretDialog.getByText('Shown only this once').waitFor();
    const secret = (await secretDialog.getByLabel('Client secret').innerText()).trim();
    expect(secret.length).toBeGreaterThan(16);
    await secretDialog.getByRole('button', { name: 'Copy client secret' }).click();
    expect(await web.run<string>('navigator.clipboard.readText()')).toBe(secret);
    await capture('service-instances-secret-shown-once');
    await secretDialog.getByRole('button', { name: 'I have saved it, close' }).click();
    await secretDialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    // Nothing shows it again: the key's JSON has no secret.
    await page.getByRole('table', { name: 'Keys of web-portal' }).getByRole('row').filter({ hasText: 'sb-web-portal!k1' }).waitFor();
    await page.getByRole('button', { name: 'JSON of key k1' }).click();
    const json = page.getByRole('dialog', { name: 'Service key k1 of web-portal' });
    expect(await json.getByLabel('Service key JSON').innerText()).not.toContain(secret);
    await json.getByRole('button', { name: 'Close' }).click();
    const token = await eventually(
      () =>
        ingress(sys.ingressPort, ingressCa, '/oauth/token', {
          headers: {
            authorization: `Basic ${Buffer.from(`${encodeURIComponent('sb-web-portal!k1')}:${encodeURIComponent(secret)}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
        }),
      (a) => a.status === 200,
    );
    expect(token.status).toBe(200);
    expect(JSON.parse(token.body)).toMatchObject({ token_type: 'Bearer' });

    // A certificate key: the private key shown once, the key and certificate files downloaded, and they call a flow.
    await page.getByRole('button', { name: 'Keys of web-generated' }).click();
    await page.getByRole('table', { name: 'Keys of web-generated' }).waitFor();
    await page.getByRole('button', { name: 'Generate a certificate key' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Key k1 of web-generated: save its private key now' });
    await keyDialog.getByText('Shown only this once').waitFor();
    const [keyFile] = await Promise.all([page.waitForEvent('download'), keyDialog.getByRole('button', { name: 'Download key file' }).click()]);
    const [certFile] = await Promise.all([page.waitForEvent('download'), keyDialog.getByRole('button', { name: 'Download certificate file' }).click()]);
    expect([keyFile.suggestedFilename(), certFile.suggestedFilename()]).toEqual(['web-generated-k1.key.pem', 'web-generated-k1.cert.pem']);
    const key = readFileSync(await keyFile.path(), 'utf8');
    const cert = readFileSync(await certFile.path(), 'utf8');
    expect(key).toContain('BEGIN PRIVATE KEY');
    expect((await keyDialog.getByLabel('Private key (PKCS#8 PEM)').innerText()).trim()).toBe(key.trim());
    await capture('service-instances-private-key-shown-once');
    await keyDialog.getByRole('button', { name: 'I have saved it, close' }).click();
    await keyDialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key.split('\n')[1]);
    expect(await callFlow('/web-generated', { cert, key })).toEqual({ status: 200, body: 'hello sb-web-generated!k1' });
  });

  it('deploys a flow from YAML in the editor: a syntax error and an unknown role are shown at their line; fixed, it deploys', async () => {
    const { page } = web;
    expect((await api('POST', '/roles', { name: 'Web.Yaml' })).status).toBe(201);
    await web.signIn(sys.adminToken, '/flows');
    await web.settle('Flows');
    await page.getByRole('button', { name: 'Deploy from YAML' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deploy a flow' });
    const editor = dialog.getByRole('textbox', { name: 'Flow definition (YAML)' });
    await editor.waitFor();
    const type = async (text: string) => {
      await editor.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(text);
    };

    // A syntax error: its line and column, nothing to deploy.
    await type('id: web-yaml\nsender:\n  address: /web-yaml\n  authorization: {type: role\n');
    const syntax = dialog.getByRole('alert').filter({ hasText: 'YAML:' });
    await syntax.waitFor();
    expect(await syntax.innerText()).toMatch(/Line \d+, column \d+/);
    expect(await dialog.getByRole('button', { name: 'Deploy' }).isDisabled()).toBe(true);

    // An unknown role: the API's 400 at the line of sender.authorization.role, marked in the editor.
    const yaml = (role: string) =>
      `id: web-yaml\nsender:\n  address: /web-yaml\n  authorization:\n    type: role\n    role: ${role}\nsteps:\n  - type: respond\n    status: 200\n    body: yaml \${principal}\n`;
    await type(yaml('No.Such.Role'));
    await dialog.getByRole('button', { name: 'Deploy' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'role_unknown' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('At line 6 of the definition (sender.authorization.role)');
    const marked = dialog.locator('.cm-lintRange-error');
    await marked.first().waitFor();
    expect(await marked.first().innerText()).toContain('No.Such.Role');
    await dialog.locator('.cm-gutter-lint .cm-lint-marker-error').first().waitFor();
    await capture('flows-yaml-role-unknown');

    // The form shows what the YAML says.
    await dialog.getByRole('tab', { name: 'Form' }).click();
    expect(await dialog.getByLabel('Address', { exact: false }).first().inputValue()).toBe('/web-yaml');
    await dialog.getByRole('tab', { name: 'YAML / JSON' }).click();
    await editor.waitFor();

    await type(yaml('Web.Yaml'));
    await dialog.getByRole('button', { name: 'Deploy' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'web-yaml' }).waitFor();
    expect((await api<{ definition: { sender: unknown } }>('GET', '/flows/web-yaml')).body.definition.sender).toEqual({
      address: '/web-yaml',
      authorization: { type: 'role', role: 'Web.Yaml' },
    });

    // Undeployed after confirming.
    await page.getByRole('button', { name: 'Undeploy flow web-yaml' }).click();
    await page.getByRole('dialog', { name: 'Undeploy flow web-yaml?' }).getByRole('button', { name: 'Undeploy' }).click();
    await page.getByRole('row').filter({ hasText: 'web-yaml' }).waitFor({ state: 'detached' });
    expect((await api('GET', '/flows/web-yaml')).status).toBe(404);
  });

  // A mapping, a user and a group made through three tabs, with six captures (screenshots at two sizes, axe): about a minute here.
  it('users and mappings: a mapping by PEM drop (a second user for it names the first), a user with roles, a group', async () => {
    const { page } = web;
    const leaf: TestLeaf = await pki.issueClient('john.doe');
    expect((await api('POST', '/roles', { name: 'Web.Classic' })).status).toBe(201);
    await web.signIn(sys.adminToken, '/classic');
    await web.settle('Users and mappings');

    // A mapping: the user named, the PEM dropped.
    await page.getByRole('combobox', { name: 'User' }).fill('john.doe@acme.com');
    await dropFiles(page, '[data-testid=mapping-dropzone]', pemFile('john.pem', leaf.certPem));
    const mappings = page.getByRole('table', { name: 'Certificate-to-user mappings' });
    await mappings.getByRole('row').filter({ hasText: 'john.doe@acme.com' }).waitFor();
    // The same certificate for another user: refused, naming the user it is mapped to.
    await page.getByRole('combobox', { name: 'User' }).fill('jane.roe@acme.com');
    await dropFiles(page, '[data-testid=mapping-dropzone]', pemFile('john.pem', leaf.certPem));
    const refusal = page.getByRole('region', { name: 'Map a certificate to a user' }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('certificate_in_use');
    expect(await refusal.getByLabel('User the certificate is mapped to').innerText()).toContain('Already mapped to user john.doe@acme.com');
    await page.keyboard.press('Escape');
    await web.settle();
    await capture('classic-mappings-in-use');

    // The user's direct roles.
    await page.getByRole('tab', { name: 'Users' }).click();
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('row').filter({ hasText: 'john.doe@acme.com' }).waitFor();
    await page.getByRole('button', { name: 'Set the roles of john.doe@acme.com' }).click();
    const roles = page.getByRole('dialog', { name: 'Roles of john.doe@acme.com' });
    await pick(roles, 'Direct roles', 'Web.Classic');
    await roles.getByRole('button', { name: 'Save roles' }).click();
    await roles.waitFor({ state: 'detached' });
    await page.getByLabel('Effective roles of john.doe@acme.com').getByText('Web.Classic').waitFor();
    expect((await api('GET', '/users/john.doe@acme.com')).body).toMatchObject({ roles: ['Web.Classic'], effectiveRoles: ['Web.Classic'] });

    // A new user.
    await page.getByRole('button', { name: 'Create user' }).click();
    const createUser = page.getByRole('dialog', { name: 'Create a user' });
    await createUser.getByLabel('Name', { exact: false }).first().fill('jane.roe@acme.com');
    await createUser.getByRole('button', { name: 'Create user' }).click();
    await users.getByRole('row').filter({ hasText: 'jane.roe@acme.com' }).waitFor();
    await web.settle();
    await capture('classic-users');

    // A group with a role and both users.
    await page.getByRole('tab', { name: 'Groups' }).click();
    await page.getByRole('button', { name: 'Create group' }).click();
    const createGroup = page.getByRole('dialog', { name: 'Create a group' });
    await createGroup.getByLabel('Name', { exact: false }).first().fill('web-buyers');
    await pick(createGroup, 'Roles', 'Web.Classic');
    const members = createGroup.getByRole('combobox', { name: 'Users' });
    await members.fill('jane.roe@acme.com');
    await members.press('Enter');
    await createGroup.getByRole('heading').first().click();
    await capture('classic-group-create');
    await createGroup.getByRole('button', { name: 'Create group' }).click();
    await createGroup.waitFor({ state: 'detached' });
    const groups = page.getByRole('table', { name: 'Groups' });
    await groups.getByRole('row').filter({ hasText: 'web-buyers' }).waitFor();
    expect((await api('GET', '/groups/web-buyers')).body).toMatchObject({ roles: ['Web.Classic'], users: ['jane.roe@acme.com'] });
    expect((await api('GET', '/users/jane.roe@acme.com')).body).toMatchObject({ groups: ['web-buyers'], effectiveRoles: ['Web.Classic'] });
    await web.settle();
    await capture('classic-groups');
  }, 120_000);
});
