import { existsSync, readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { checkExchangesAndStop, createTestPki, freePort, startSystem, type RunningSystem, type TestLeaf, type TestPki } from '@certgate/testing';
import { DESKTOP, describeInBrowser, launchChromium, PHONE, WEB_DIST_INDEX, WebPage } from './browser';

interface IngressAnswer {
  status: number;
  requestId: string;
}

/** One call of a sender to the ingress with node https, on a fresh TLS connection, optionally with a client certificate. */
function callFlow(port: number, ca: string, address: string, leaf?: TestLeaf): Promise<IngressAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/http${address}`, method: 'POST', agent: false, ca, ...(leaf && { cert: leaf.chainPem, key: leaf.keyPem }) },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']) }));
      },
    );
    req.on('error', reject);
    req.end('{"order":1}');
  });
}

async function eventually(probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The Logs and Connectivity test pages in headless Chromium against a real certgate: a
 * sender's call through the ingress found in the Logs page (filters, request id across
 * the three logs, live follow), and the connectivity test against a TLS server the test
 * starts (chain, zip download, trusting its root, a second test that validates).
 */
describeInBrowser('web console monitor suite', 'the monitor pages in a browser (logs, connectivity test)', () => {
  let sys: RunningSystem;
  let browser: Browser;
  let web: WebPage;
  let pki: TestPki;
  let ingressCa: string;
  let sender: TestLeaf;
  /** Problems the test expects (a 502 the page shows on purpose), removed from the page's before the check. */
  let expected: RegExp[] = [];

  const CLIENT_ID = 'sb-monitor-sender!k1';
  const FLOW = 'monitor-orders';

  const api = async <T = unknown>(method: string, path: string, body?: unknown) => {
    const res = await sys.exchanges.fetch(`${sys.consoleUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${sys.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  const accessRecords = async () => (await api<{ requestId: string; who: string; status: number }[]>('GET', '/logs/access?limit=1000')).body;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`the web console is not built (${WEB_DIST_INDEX}): run npx nx build web (nx e2e web does)`);
    pki = await createTestPki({ name: 'web monitor' });
    sys = await startSystem('web-monitor');
    browser = await launchChromium();
    ingressCa = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    // A sender set up through the API: its root trusted, a role, an instance with its certificate as key, a flow asking for the role.
    sender = await pki.issueClient('monitor-sender');
    expect((await api('POST', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(201);
    expect((await api('POST', '/roles', { name: 'Monitor.Orders' })).status).toBe(201);
    expect(
      (
        await api('POST', '/service-instances', {
          name: 'monitor-sender',
          parameters: { roles: ['Monitor.Orders'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
        })
      ).status,
    ).toBe(201);
    expect(
      (await api('POST', '/service-instances/monitor-sender/keys', { name: 'k1', type: 'external-certificate', certificate: sender.certPem })).status,
    ).toBe(201);
    expect(
      (
        await api('PUT', `/flows/${FLOW}`, {
          id: FLOW,
          sender: { address: `/${FLOW}`, authorization: { type: 'role', role: 'Monitor.Orders' } },
          steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
        })
      ).status,
    ).toBe(200);
  }, 120_000);

  beforeEach(async () => {
    expected = [];
    web = await WebPage.open(browser, sys);
  });

  afterEach(async () => {
    const problems = web.takeProblems().filter((p) => !expected.some((re) => re.test(p)));
    await web.close();
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await checkExchangesAndStop(sys);
  });

  it("a sender's call is in the Logs page with its client id; filtered by status and by who; its request id shows its message record", async () => {
    const { page } = web;
    const ok = await callFlow(sys.ingressPort, ingressCa, `/${FLOW}`, sender);
    expect(ok.status).toBe(200);
    const refused = await callFlow(sys.ingressPort, ingressCa, `/${FLOW}`);
    expect(refused.status).toBe(401);
    await eventually(async () => {
      const ids = (await accessRecords()).map((r) => r.requestId);
      return ids.includes(ok.requestId) && ids.includes(refused.requestId);
    });

    await web.signIn(sys.adminToken, '/logs');
    await web.settle('Logs');
    const table = page.getByRole('table', { name: 'Access log' });
    const okLink = table.getByRole('button', { name: `Show request ${ok.requestId} in every log` });
    const refusedLink = table.getByRole('button', { name: `Show request ${refused.requestId} in every log` });
    const okRow = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Show request ${ok.requestId} in every log` }) });
    await okRow.waitFor();
    expect(await okRow.innerText()).toContain(CLIENT_ID);
    expect(await okRow.innerText()).toContain(`POST /http/${FLOW}`);
    await refusedLink.waitFor();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('logs-access-1280');

    // Status 2xx: the refused call is gone, the sender's call stays; the URL keeps the filter.
    const filters = page.getByRole('form', { name: 'Filters of the access log' });
    await filters.getByRole('combobox', { name: 'Status' }).fill('2xx');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await refusedLink.waitFor({ state: 'detached' });
    await okLink.waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('2xx');

    // Who: another client id matches nothing; the sender's shows its call.
    await filters.getByRole('textbox', { name: 'Who' }).fill('sb-somebody-else!k9');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No record matches the filters').waitFor();
    const filtersAgain = page.getByRole('form', { name: 'Filters of the access log' });
    await filtersAgain.getByRole('textbox', { name: 'Who' }).fill(CLIENT_ID);
    await filtersAgain.getByRole('button', { name: 'Apply filters' }).click();
    await okLink.waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ status: '2xx', who: CLIENT_ID });
    expect(page.url()).not.toContain(sys.adminToken);

    // Its request id: every log filtered by it; the message processing log shows the flow's record.
    await okLink.click();
    await page.getByTestId('request-filter').waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ requestId: ok.requestId });
    await page.getByRole('tab', { name: /Message processing log/ }).click();
    const messages = page.getByRole('table', { name: 'Message processing log' });
    const record = messages.getByRole('row').filter({ hasText: 'completed' });
    await record.waitFor();
    const text = await record.innerText();
    expect(text).toContain(`/${FLOW}`);
    expect(text).toContain(CLIENT_ID);
    expect(text).toContain('200');
    expect(await messages.getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('log')).toBe('messages');
    await web.settle();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('logs-request-messages-1280');

    // A shared link opens the same view, in a browser not signed in yet: the sign-in page
    // comes back to the path with its query, so the filters are kept.
    const shared = new URL(page.url());
    const other = await WebPage.open(browser, sys);
    try {
      await other.signIn(sys.adminToken, shared.pathname + shared.search);
      expect(new URL(other.page.url()).search).toBe(shared.search);
      await other.page.getByRole('table', { name: 'Message processing log' }).getByRole('row').filter({ hasText: 'completed' }).waitFor();
      expect(other.takeProblems()).toEqual([]);
    } finally {
      await other.close();
    }

    await page.setViewportSize(PHONE);
    await web.settle();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('logs-request-messages-390');
    await page.setViewportSize(DESKTOP);
  }, 120_000);

  it('follows the access log: a new call appears without reloading; the trace log shows why a call was refused', async () => {
    const { page } = web;
    await web.signIn(sys.adminToken, `/logs?who=${encodeURIComponent(CLIENT_ID)}`);
    await web.settle('Logs');
    await page.getByRole('switch', { name: /Follow/ }).check();
    await page.getByText('following').waitFor();
    const call = await callFlow(sys.ingressPort, ingressCa, `/${FLOW}`, sender);
    expect(call.status).toBe(200);
    await page.getByRole('button', { name: `Show request ${call.requestId} in every log` }).waitFor({ timeout: 10_000 });
    await page.getByRole('switch', { name: /Follow/ }).uncheck();

    // A stranger's certificate: refused; the trace log says why.
    const stranger = await (await createTestPki({ name: 'web stranger' })).issueClient('stranger');
    const refused = await callFlow(sys.ingressPort, ingressCa, `/${FLOW}`, stranger);
    expect(refused.status).toBe(401);
    await web.goto(`/logs?log=trace&requestId=${refused.requestId}`);
    const trace = page.getByRole('table', { name: 'Trace log' });
    await trace
      .getByRole('row')
      .filter({ hasText: refused.requestId.slice(0, 8) })
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await trace.innerText()).toMatch(/untrusted_root|chain_incomplete/);
    await web.settle();
    expect(await web.seriousA11yViolations()).toEqual([]);
    await web.screenshot('logs-trace-1280');
  }, 60_000);

  describe('the connectivity test against a TLS server of the test', () => {
    let server: Server;
    let port: number;
    let serverPki: TestPki;

    beforeAll(async () => {
      serverPki = await createTestPki({ name: 'web receiver' });
      const leaf = await serverPki.issueServer(['127.0.0.1']);
      // It sends its whole chain, root last, and asks for a client certificate of the sender PKI's root.
      server = createServer(
        { cert: leaf.chainPem + serverPki.root.certPem, key: leaf.keyPem, requestCert: true, rejectUnauthorized: false, ca: pki.root.certPem },
        (_req, res) => res.end('ok'),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it('shows the chain as a tree with a verdict per certificate and the CA names the server accepts, downloads the zip, trusts the root in one click, and a second test validates', async () => {
      const { page } = web;
      await web.signIn(sys.adminToken, '/connectivity');
      await web.settle('Connectivity test');
      await page.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
      await page.getByRole('textbox', { name: 'Port' }).fill(String(port));
      await page.getByRole('button', { name: 'Run test' }).click();

      const tree = page.getByRole('tree', { name: 'Peer certificate chain' });
      await tree.waitFor();
      const certs = tree.getByTestId('peer-certificate');
      expect(await certs.count()).toBe(3);
      expect(await certs.evaluateAll((els) => els.map((e) => e.getAttribute('data-fingerprint')))).toEqual(
        [serverPki.root.certificate, serverPki.intermediate.certificate].map((c) => c.fingerprint).concat([expect.any(String)]),
      );
      expect(await certs.first().getAttribute('data-verdict')).toBe('problem');
      expect(await page.getByTestId('validation').getAttribute('data-valid')).toBe('false');
      expect(await page.getByTestId('validation').innerText()).toContain('untrusted_root');
      expect(await page.getByRole('table', { name: 'Handshake' }).innerText()).toMatch(/TLSv1\.[23]/);
      expect(await page.getByText(/Client certificate requested/).innerText()).toContain('yes');
      expect(await page.getByRole('list', { name: 'CA names the server accepts' }).innerText()).toContain(pki.root.certificate.subjectDN.split(',')[0]);
      await web.settle();
      expect(await web.seriousA11yViolations()).toEqual([]);
      await web.screenshot('connectivity-untrusted-1280');
      await page.setViewportSize(PHONE);
      await web.settle();
      expect(await web.seriousA11yViolations()).toEqual([]);
      await web.screenshot('connectivity-untrusted-390');
      await page.setViewportSize(DESKTOP);

      // Download zip: the peer chain as numbered .cer files.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download zip' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      const files = Object.keys(unzipSync(new Uint8Array(readFileSync(await download.path()))));
      expect(files.filter((f) => f.endsWith('.cer'))).toHaveLength(3);

      // Trust this root: it says what it does, and adds the root to the keystore's trusted certificates.
      const trust = page.getByRole('region', { name: 'Trust this root' });
      expect(await trust.innerText()).toContain("adds it to the keystore's trusted certificates");
      const alias = await trust.getByRole('textbox', { name: 'Alias' }).inputValue();
      await trust.getByRole('button', { name: 'Trust this root' }).click();
      await page.getByText(`Trusted as '${alias}'`).waitFor();
      const entry = await api<{ kind: string; fingerprint: string }>('GET', `/keystore/entries/${alias}`);
      expect(entry.body).toMatchObject({ kind: 'certificate', fingerprint: serverPki.root.certificate.fingerprint });

      // The second test validates against it.
      await page.getByRole('button', { name: 'Test again with validation' }).click();
      await page.locator('[data-testid=validation][data-valid=true]').waitFor();
      expect(await certs.first().innerText()).toContain(`trusted by the keystore as '${alias}'`);
      expect(await certs.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).toEqual(['ok', 'ok', 'ok']);
      await web.settle();
      expect(await web.seriousA11yViolations()).toEqual([]);
      await web.screenshot('connectivity-valid-1280');
    }, 60_000);

    it('shows an unreachable host with its code and message', async () => {
      const { page } = web;
      const closed = await freePort();
      // The browser logs the 502 the page shows on purpose.
      expected = [/status of 502/];
      await web.signIn(sys.adminToken, '/connectivity');
      await web.settle('Connectivity test');
      await page.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
      await page.getByRole('textbox', { name: 'Port' }).fill(String(closed));
      await page.getByRole('button', { name: 'Run test' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The test could not be made' });
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain('unreachable');
      expect(text).toContain(`127.0.0.1:${closed}`);
      expect(text).toContain('HTTP 502');
      expect(await web.seriousA11yViolations()).toEqual([]);
      await web.screenshot('connectivity-unreachable-1280');
    }, 60_000);
  });
});
