import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkExchangesAndStop, createTestPki, startSystem, type RunningSystem, type TestPki } from '@certgate/testing';
import { issueCertificate, parseCsr } from '@certgate/x509';
import { DESKTOP, dropFiles, describeInBrowser, launchChromium, PHONE, WEB_DIST_INDEX, WebPage } from './browser';

const DAY = 86_400_000;
const SYSTEM_KEY = 'sap_cloudintegrationcertificate';
const PEM = 'application/x-pem-file';

/** Mantine's red.9 and yellow.5: the filled shades of an expired and an expiring badge. */
const RED = 'rgb(201, 42, 42)';
const AMBER = 'rgb(252, 196, 25)';

interface KeystoreEntry {
  alias: string;
  kind: string;
  owner: string;
  subjectDN: string;
  issuerDN: string;
  fingerprint: string;
  status: string;
  pending?: { fingerprint: string; issuerDN: string };
}

async function eventually(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Drops a binary file (a .p12) as a person drags it from a file manager: dropFiles of browser.ts carries text only. */
async function dropBinaryFile(page: Page, selector: string, file: { name: string; type: string; bytes: Buffer }): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    `(() => { const b = atob(${JSON.stringify(file.bytes.toString('base64'))}); const u = new Uint8Array(b.length); for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);` +
      ` const dt = new DataTransfer(); dt.items.add(new File([u], ${JSON.stringify(file.name)}, { type: ${JSON.stringify(file.type)} })); return dt; })()`,
  );
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, event, { dataTransfer });
}

/** The background colour of a row's validity badge, as the browser paints it. */
const badgeColour = (row: Locator) =>
  row.locator('[data-validity] .mantine-Badge-root').evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor as string);

/** A webhook receiver of the test: every POST it gets, with headers and body. */
function startReceiver(): Promise<{ server: Server; url: string; received: { headers: IncomingHttpHeaders; body: string }[] }> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/certgate` })),
  );
}

/**
 * The keystore monitor, the certificates page and the alerts page in headless Chromium
 * against a real certgate, each operator task done in the page: expired and expiring
 * entries in red and amber; a key pair created, its CSR downloaded and signed by the test
 * PKI, the signed chain dropped, the .cer downloaded and parsed; PKCS#12 export and
 * import; a renewal beside the current pair; the system key pair's delete refused; the
 * expiry timeline with the alert thresholds; mute and unmute; a webhook subscription; a
 * scan whose alert appears in the live feed. Screenshots at 1280 and 390 px, axe per page.
 */
describeInBrowser('web console keystore suite', 'the keystore, certificates and alerts pages in a browser', () => {
  let sys: RunningSystem;
  let browser: Browser;
  let web: WebPage;
  let pki: TestPki;

  const api = async <T = unknown>(method: string, path: string, body?: unknown) => {
    const res = await sys.exchanges.fetch(`${sys.consoleUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${sys.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const entry = async (alias: string) => (await api<KeystoreEntry>('GET', `/keystore/entries/${alias}`)).body;

  /** The CA of the test signs a CSR: the leaf, then the chain up to the root (what a CA sends back). */
  const sign = async (csrPem: string) => {
    const csr = await parseCsr(csrPem);
    const leaf = await issueCertificate({
      subjectDN: csr.subjectDN,
      publicKey: csr.publicKey,
      issuer: { certificate: pki.intermediate.certificate, privateKey: pki.intermediate.privateKey },
      validityDays: 90,
      extendedKeyUsage: ['clientAuth'],
    });
    return { leaf, chainPem: leaf.pem + pki.intermediate.certPem + pki.root.certPem };
  };

  const rowOf = (alias: string) => web.page.getByRole('table', { name: 'Keystore entries' }).getByRole('row').filter({ hasText: alias });

  const action = async (alias: string, item: string) => {
    await rowOf(alias)
      .getByRole('button', { name: `Actions for ${alias}` })
      .click();
    await web.page.getByRole('menuitem', { name: item }).click();
  };

  const download = async (start: () => Promise<unknown>) => {
    const [file] = await Promise.all([web.page.waitForEvent('download'), start()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };

  /** No notification on screen (axe would judge one fading out by its half-transparent colours). */
  const noToasts = () => web.page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 });

  /** axe, nothing serious or critical, once the notifications are gone. */
  const axe = async () => {
    await noToasts();
    expect(await web.seriousA11yViolations()).toEqual([]);
  };

  /** axe and screenshots at 1280 and 390 px of the page as it is. */
  const lookAt = async (name: string, heading: string) => {
    const { page } = web;
    await page.setViewportSize(DESKTOP);
    await web.settle(heading);
    await axe();
    await web.screenshot(`${name}-1280`);
    await page.setViewportSize(PHONE);
    await web.settle(heading);
    await axe();
    await web.screenshot(`${name}-390`);
    await page.setViewportSize(DESKTOP);
  };

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`the web console is not built (${WEB_DIST_INDEX}): run npx nx build web (nx e2e web does)`);
    pki = await createTestPki({ name: 'web keystore' });
    // The webhook receiver of the subscription test listens on 127.0.0.1, which the destination policy refuses unless allowed.
    sys = await startSystem('web-keystore', { CERTGATE_ALERT_WEBHOOK_ALLOW: '127.0.0.1/32' });
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

  it('shows an expired entry in red and one expiring in 10 days in amber (one added by dropping its PEM), with the legend', async () => {
    const { page } = web;
    const expired = await pki.issueServer('web-expired.example', { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 2 * DAY) });
    const expiring = await pki.issueServer('web-expiring.example', {
      notBefore: new Date(Date.now() - 30 * DAY),
      notAfter: new Date(Date.now() + 10 * DAY + 3_600_000),
    });
    expect((await api('POST', '/keystore/certificates', { alias: 'web-expiring', certificate: expiring.certPem })).status).toBe(201);

    await web.signIn(sys.adminToken, '/keystore');
    await web.settle('Keystore');
    await page.getByRole('button', { name: 'Add trusted certificate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a trusted certificate' });
    await dialog.getByLabel('Alias').fill('web-expired');
    await dropFiles(page, '[data-testid=trusted-certificate-dropzone]', [{ name: 'web-expired.pem', type: PEM, text: expired.certPem }]);
    await dialog.getByText('Chosen: web-expired.pem').waitFor();
    await web.screenshot('keystore-add-trusted-1280');
    await dialog.getByRole('button', { name: 'Add certificate' }).click();
    await dialog.waitFor({ state: 'detached' });

    const red = rowOf('web-expired');
    const amber = rowOf('web-expiring');
    await red.waitFor();
    expect(await red.locator('[data-validity]').getAttribute('data-validity')).toBe('expired');
    expect(await badgeColour(red)).toBe(RED);
    expect(await amber.locator('[data-validity]').getAttribute('data-validity')).toBe('expiring');
    expect(await badgeColour(amber)).toBe(AMBER);
    expect(await amber.innerText()).toMatch(/10 d left/);
    expect(await amber.innerText()).toContain('certificate');
    expect(await page.getByRole('group', { name: 'Status legend' }).innerText()).toMatch(/expiring[\s\S]*expired/i);
    // The system key pair is listed as such.
    expect(await rowOf(SYSTEM_KEY).innerText()).toMatch(/key pair[\s\S]*system/);
    expect((await entry('web-expired')).status).toBe('expired');
    await lookAt('keystore-monitor', 'Keystore');
  });

  it('creates a key pair, downloads its CSR, imports the chain the CA signed by dropping it (a wrong one refused with its reason), and downloads the .cer', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, '/keystore');
    await web.settle('Keystore');
    await page.getByRole('button', { name: 'Create key pair' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a key pair' });
    await dialog.getByLabel('Alias').fill('web-erp');
    await dialog.getByLabel('Subject DN').fill('CN=web-tenant, O=Acme, C=DE');
    await dialog.getByLabel('Validity (days)').fill('730');
    await web.screenshot('keystore-create-1280');
    await dialog.getByRole('button', { name: 'Create key pair' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf('web-erp').waitFor();
    expect(await rowOf('web-erp').innerText()).toContain('self-signed');

    const csr = await download(() => action('web-erp', 'CSR (.csr)'));
    expect(csr.name).toBe('web-erp.csr');
    const csrPem = csr.bytes.toString('utf8');
    expect(csrPem).toContain('BEGIN CERTIFICATE REQUEST');
    expect((await parseCsr(csrPem)).subjectDN).toContain('CN=web-tenant');
    const { leaf, chainPem } = await sign(csrPem);

    // A chain for another key: refused, the reason and what to do shown where it was dropped.
    const stranger = await pki.issueClient('not-this-key');
    await action('web-erp', 'Import signed chain…');
    const chainDialog = page.getByRole('dialog', { name: 'Import the signed chain of web-erp' });
    await dropFiles(page, '[data-testid=chain-dropzone]', [{ name: 'wrong.pem', type: PEM, text: stranger.chainPem + pki.root.certPem }]);
    const refusal = chainDialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('key_mismatch');
    expect(await refusal.innerText()).toContain("sign this key pair's CSR");
    await axe();
    await web.screenshot('keystore-chain-refused-1280');

    // The leaf alone, its issuers neither in the file nor trusted: chain_incomplete.
    await dropFiles(page, '[data-testid=chain-dropzone]', [{ name: 'leaf-only.pem', type: PEM, text: leaf.pem }]);
    await chainDialog.getByRole('alert').filter({ hasText: 'chain_incomplete' }).waitFor();

    await dropFiles(page, '[data-testid=chain-dropzone]', [{ name: 'web-erp-chain.pem', type: PEM, text: chainPem }]);
    await page.getByText('Chain imported').waitFor();
    await chainDialog.waitFor({ state: 'detached' });
    await eventually(async () => (await rowOf('web-erp').innerText()).includes(pki.intermediate.certificate.subjectDN));
    expect(await entry('web-erp')).toMatchObject({ issuerDN: pki.intermediate.certificate.subjectDN, fingerprint: leaf.fingerprint });

    const cer = await download(() => action('web-erp', 'Certificate (.cer, DER)'));
    expect(cer.name).toBe('web-erp.cer');
    const parsed = new X509Certificate(cer.bytes);
    expect(parsed.raw.equals(new X509Certificate(leaf.pem).raw)).toBe(true);
    expect(parsed.subject).toContain('CN=web-tenant');
    expect(parsed.issuer).toContain(pki.intermediate.certificate.subjectCN ?? 'Issuing CA');

    const p7b = await download(() => action('web-erp', 'Chain (.p7b, PKCS#7)'));
    expect(p7b.name).toBe('web-erp.p7b');
    expect(p7b.bytes[0]).toBe(0x30);
    const pem = await download(() => action('web-erp', 'Chain (.pem)'));
    expect(pem.bytes.toString('utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
  });

  it('exports the key pair as PKCS#12 and imports the file again (a wrong password refused next to its field)', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, '/keystore');
    await web.settle('Keystore');
    await action('web-erp', 'Export PKCS#12…');
    const exportDialog = page.getByRole('dialog', { name: 'Export web-erp as PKCS#12' });
    await exportDialog.getByLabel(/^Password/).fill('export-password-1');
    await exportDialog.getByLabel('Repeat the password').fill('export-password-1');
    const p12 = await download(() => exportDialog.getByRole('button', { name: 'Download .p12' }).click());
    expect(p12.name).toBe('web-erp.p12');
    expect(p12.bytes[0]).toBe(0x30);

    await page.getByRole('button', { name: 'Import PKCS#12' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import a PKCS#12 file' });
    await importDialog.getByLabel('Alias').fill('web-p12');
    await dropBinaryFile(page, '[data-testid=pkcs12-dropzone]', { name: 'web-erp.p12', type: 'application/x-pkcs12', bytes: p12.bytes });
    await importDialog.getByText('Chosen: web-erp.p12').waitFor();
    await importDialog.getByLabel('Password of the file').fill('not-the-password');
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await importDialog.locator('.mantine-InputWrapper-error').getByText('pkcs12_invalid').waitFor();
    await web.screenshot('keystore-pkcs12-refused-1280');
    await importDialog.getByLabel('Password of the file').fill('export-password-1');
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await importDialog.waitFor({ state: 'detached' });
    await rowOf('web-p12').waitFor();
    const [imported, original] = [await entry('web-p12'), await entry('web-erp')];
    expect(imported).toMatchObject({ kind: 'key-pair', owner: 'tenant', fingerprint: original.fingerprint });
  });

  it('renames an entry and deletes it, each confirmed', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, '/keystore');
    await web.settle('Keystore');
    await action('web-p12', 'Rename…');
    const rename = page.getByRole('dialog', { name: 'Rename web-p12' });
    await rename.getByLabel('New alias').fill('web-p12-renamed');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rowOf('web-p12-renamed').waitFor();
    expect((await api('GET', '/keystore/entries/web-p12')).status).toBe(404);

    await action('web-p12-renamed', 'Delete…');
    const del = page.getByRole('dialog', { name: 'Delete web-p12-renamed?' });
    await del.getByRole('button', { name: 'Delete' }).click();
    await rowOf('web-p12-renamed').waitFor({ state: 'detached' });
    expect((await api('GET', '/keystore/entries/web-p12-renamed')).status).toBe(404);
  });

  it('renews a key pair: the pending pair beside the current one, its own CSR and chain, then activated', async () => {
    const { page } = web;
    const before = await entry('web-erp');
    await web.signIn(sys.adminToken, '/keystore');
    await web.settle('Keystore');
    await action('web-erp', 'Renew…');
    const drawer = page.getByRole('dialog', { name: 'Keystore entry web-erp' });
    const form = drawer.getByRole('region', { name: 'Start a renewal of web-erp' });
    await form.getByRole('button', { name: 'Start renewal' }).click();
    const pending = drawer.getByRole('region', { name: 'Pending renewal of web-erp' });
    await pending.waitFor();
    expect(await pending.innerText()).toMatch(/awaiting its signed chain/i);
    expect(await rowOf('web-erp').innerText()).toMatch(/renewal pending/i);

    const csr = await download(() => pending.getByRole('button', { name: 'Renewal CSR' }).click());
    expect(csr.name).toBe('web-erp-renewal.csr');
    const { leaf, chainPem } = await sign(csr.bytes.toString('utf8'));
    await dropFiles(page, '[data-testid=renewal-chain-dropzone]', [{ name: 'renewed.pem', type: PEM, text: chainPem }]);
    await pending.getByText('ready to activate').waitFor();
    // The current pair still serves, beside the pending one.
    expect(await drawer.getByRole('region', { name: 'Current key pair web-erp' }).innerText()).toContain(before.fingerprint);
    expect(await pending.innerText()).toContain(leaf.fingerprint);
    await lookAt('keystore-renewal', 'Keystore');

    await pending.getByRole('button', { name: 'Activate' }).click();
    await pending.getByRole('button', { name: 'Activate now' }).click();
    await page.getByText('Renewal activated').waitFor();
    await pending.waitFor({ state: 'detached' });
    const after = await entry('web-erp');
    expect(after.fingerprint).toBe(leaf.fingerprint);
    expect(after.pending).toBeUndefined();
  });

  it('refuses to delete the system key pair with the explanation; force stays behind a clear confirmation', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, '/keystore');
    await web.settle('Keystore');
    await action(SYSTEM_KEY, 'Delete…');
    const dialog = page.getByRole('dialog', { name: `Delete ${SYSTEM_KEY}?` });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('This is the tenant system key pair');
    expect(text).toContain('system_key_protected');
    expect(text).toContain('client-certificate authentication');
    expect(await dialog.getByRole('button', { name: 'Delete anyway' }).isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /I understand/ }).check();
    expect(await dialog.getByRole('button', { name: 'Delete anyway' }).isDisabled()).toBe(true);
    await axe();
    await web.screenshot('keystore-system-delete-refused-1280');
    await page.setViewportSize(PHONE);
    await web.screenshot('keystore-system-delete-refused-390');
    await page.setViewportSize(DESKTOP);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    expect((await entry(SYSTEM_KEY)).kind).toBe('key-pair');
  });

  it('draws the expiry timeline with the alert thresholds, filters the inventory, and mutes and unmutes a source', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, '/certificates');
    await web.settle('Certificates');
    const timeline = page.getByRole('figure', { name: 'Upcoming expiries, per week' });
    const svg = timeline.locator('svg.recharts-surface').first();
    await svg.waitFor();
    await timeline.locator('.recharts-bar-rectangle path').first().waitFor({ state: 'attached' });
    expect(await timeline.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    const lines = timeline.locator('.recharts-reference-line');
    expect(await lines.count()).toBe(4);
    // Recharts draws the labels in a layer of their own, above the bars: looked for in the whole chart.
    const labels = (await timeline.locator('svg.recharts-surface text').allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(expect.arrayContaining(['30 d', '14 d', '7 d', '1 d']));
    expect(await timeline.getAttribute('aria-describedby')).toBeTruthy();

    const table = page.getByRole('table', { name: 'Certificates' });
    // A segmented control's radios are visually hidden: its labels are what an operator clicks.
    const segment = (name: string) =>
      page
        .locator('.mantine-SegmentedControl-label')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    await page.getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: 'keystore' }).click();
    await segment('Expired');
    await table.getByRole('row').filter({ hasText: 'web-expired.example' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await segment('All');
    await page.getByRole('textbox', { name: 'Search certificates' }).fill('web-expiring');
    await table.getByRole('row').filter({ hasText: 'web-expiring.example' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await page.getByRole('textbox', { name: 'Search certificates' }).fill('');
    await lookAt('certificates', 'Certificates');

    const sources = page.getByRole('table', { name: 'Alert sources' });
    const keystore = sources.getByRole('row').filter({ hasText: 'Keystore entries' });
    await keystore.getByRole('button', { name: 'Mute keystore' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mute alerts of keystore' });
    await dialog.getByLabel('Reason').fill('renewed by the web suite');
    await dialog.getByRole('button', { name: 'Mute keystore' }).click();
    await keystore.getByText('renewed by the web suite', { exact: false }).waitFor();
    expect((await api<{ source: string; reason?: string }[]>('GET', '/alerts/mutes')).body).toEqual([
      expect.objectContaining({ source: 'keystore', reason: 'renewed by the web suite' }),
    ]);
    await table.getByLabel('alerts muted').first().waitFor();
    await web.screenshot('certificates-muted-1280');

    await keystore.getByRole('button', { name: 'Unmute keystore' }).click();
    await keystore.getByRole('button', { name: 'Mute keystore' }).waitFor();
    expect((await api('GET', '/alerts/mutes')).body).toEqual([]);
  });

  it('adds a webhook subscription and lists it; a scan raises an alert that appears in the live feed (and reaches the webhook)', async () => {
    const { page } = web;
    const receiver = await startReceiver();
    try {
      // Signed in on the overview, then to the alerts page by the navigation: a page whose load ends on the alerts
      // page never reaches Playwright's networkidle (the live feed's stream stays open), which WebPage.settle waits for.
      await web.signIn(sys.adminToken);
      await web.settle('Overview');
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Alerts' }).click();
      await web.settle('Alerts and subscriptions');
      await page.locator('[data-feed-state=live]').waitFor();

      await page.getByRole('button', { name: 'Add subscription' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a webhook subscription' });
      await dialog.getByLabel('URL').fill(receiver.url);
      await dialog.getByLabel('Secret').fill('a-long-shared-secret-of-the-web-suite');
      await dialog.getByRole('combobox', { name: 'Sources' }).click();
      await page.getByRole('option', { name: 'keystore' }).click();
      await dialog.getByLabel('Thresholds (days)').fill('30');
      await dialog.getByLabel('Thresholds (days)').press('Enter');
      // The suggestions stay open after Enter: a click on the dialog's title closes them.
      await dialog.getByRole('heading').first().click();
      await web.screenshot('alerts-subscription-form-1280');
      await dialog.getByRole('button', { name: 'Add subscription' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('table', { name: 'Webhook subscriptions' }).getByRole('row').filter({ hasText: receiver.url });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/keystore[\s\S]*30 d/);
      const subs = (await api<{ url: string; sources: string[]; thresholds: number[] }[]>('GET', '/alert-subscriptions')).body;
      expect(subs).toEqual([expect.objectContaining({ url: receiver.url, sources: ['keystore'], thresholds: [30] })]);

      // A certificate that enters the 30-day threshold a few seconds after it is added: the change's own scan finds
      // nothing due; once the clock has moved it inside, the scan asked for in the page raises the alert.
      const crossesAt = Date.now() + 8_000;
      const soon = await pki.issueServer('web-alert.example', { notBefore: new Date(Date.now() - DAY), notAfter: new Date(crossesAt + 30 * DAY) });
      expect((await api('POST', '/keystore/certificates', { alias: 'web-alert', certificate: soon.certPem })).status).toBe(201);
      await new Promise((r) => setTimeout(r, Math.max(0, crossesAt - Date.now()) + 2_000));

      await page.getByRole('button', { name: 'Scan now' }).click();
      await page.getByRole('status').filter({ hasText: 'Last scan' }).waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'Last scan' }).innerText()).toMatch(/\b1 alert raised/);
      const feed = page.getByRole('log', { name: 'Live alert feed' });
      const item = feed.getByRole('listitem').filter({ hasText: 'web-alert.example' });
      await item.waitFor();
      expect(await item.innerText()).toMatch(/expiring[\s\S]*keystore · web-alert#0 · threshold 30 d/i);
      await page.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ hasText: 'web-alert.example' }).waitFor();
      await lookAt('alerts', 'Alerts and subscriptions');

      await eventually(async () => receiver.received.some((r) => r.body.includes('web-alert#0')), 20_000);
      const delivery = receiver.received.find((r) => r.body.includes('web-alert#0'));
      expect(delivery?.headers['x-certgate-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ type: 'expiring', threshold: 30, source: 'keystore', ref: 'web-alert#0' });

      // The subscription's counters follow (the list is read again every 10 s).
      await row.getByText('1 delivered').waitFor({ timeout: 20_000 });
      expect(await row.innerText()).toMatch(/0 failed[\s\S]*0 pending/);
      await row.getByRole('button', { name: `Delete the subscription of ${receiver.url}` }).click();
      await page.getByRole('dialog', { name: 'Delete this subscription?' }).getByRole('button', { name: 'Delete' }).click();
      await row.waitFor({ state: 'detached' });
      expect((await api('GET', '/alert-subscriptions')).body).toEqual([]);
    } finally {
      receiver.server.close();
    }
  }, 120_000);
});
