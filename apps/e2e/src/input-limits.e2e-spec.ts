import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '@certgate/contracts';
import { checkExchangesAndStop, createTestPki, startSystem, type RunningSystem, type TestLeaf, type TestPki } from '@certgate/testing';
import { consoleApi, eventually, senderCall } from './clients';
import { describeResponses, RequestLoop, statusCounts } from './request-loop';

jest.setTimeout(180_000);

type Api = ReturnType<typeof consoleApi>;
const tls = (leaf: TestLeaf) => ({ cert: leaf.chainPem, key: leaf.keyPem });

/**
 * Issue 19: sizes no limit bounded reached NATS and broke connections. Here every kind of
 * largest input the API accepts is written (and the oversized ones refused) while a
 * sender calls a flow on a keep-alive connection: the sender must see no failure, and
 * no admin answer may be a 5xx or a timeout.
 */
describe('input limits: the worst accepted input of every kind never breaks a connection (all services, real NATS and TLS)', () => {
  let sys: RunningSystem;
  let pki: TestPki;
  let api: Api;
  let ca: string;
  let alice: TestLeaf;

  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await api(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res;
  };
  const flow = (id: string, address: string, extra: Record<string, unknown> = {}) => ({
    id,
    sender: { address, authorization: { type: 'role', role: 'Role1' } },
    ...extra,
  });

  beforeAll(async () => {
    pki = await createTestPki();
    sys = await startSystem('input-limits');
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    alice = await pki.issueClient('alice');
    await ok('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
    await ok('POST', '/roles', { name: 'Role1' });
    await ok('POST', '/service-instances', { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
    await ok('POST', '/service-instances/sender-a/keys', { name: 'k1', type: 'external-certificate', certificate: alice.certPem });
    await ok('PUT', '/flows/orders', flow('orders', '/orders', { steps: [{ type: 'respond', status: 200, body: 'ok' }] }));
    await eventually(async () => (await senderCall(sys.ingressPort, ca)('/orders', tls(alice))).status === 200, 10_000, 100);
  });

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  it('refuses each oversized input with a 4xx naming it, accepts the largest allowed, and the sender never fails meanwhile', async () => {
    const sender = new RequestLoop('alice', sys.ingressPort, '/orders', { ca, ...tls(alice) }).start();
    const started = Date.now();
    const answers: { what: string; status: number; message?: string }[] = [];
    const record = async (what: string, method: string, path: string, body?: unknown) => {
      const res = await api<{ message?: string }>(method, path, body);
      answers.push({ what, status: res.status, message: res.body?.message });
      return res;
    };
    try {
      // The address of the hostile run (10,000 characters), and the other address forms, five at once.
      await Promise.all(Array.from({ length: 5 }, (_, i) => record(`long address ${i}`, 'PUT', `/flows/long${i}`, flow(`long${i}`, `/${'a'.repeat(10_000)}`))));
      for (const address of ['/..', '/.', '/../x', '/a/../b', '/a//b', '/a%2Fb'])
        await record(`address ${address}`, 'PUT', '/flows/dots', flow('dots', address));
      await record('CR/LF header', 'PUT', '/flows/crlf', flow('crlf', '/crlf', { steps: [{ type: 'respond', status: 200, headers: { 'x-a': 'a\r\nb' } }] }));
      await record('too many certificates', 'PUT', '/flows/certs', {
        id: 'certs',
        sender: {
          address: '/certs',
          authorization: { type: 'client-certificate', certificates: Array.from({ length: 101 }, () => ({ subjectDN: 'CN=a', issuerDN: 'CN=b' })) },
        },
      });

      // The largest of each kind that is accepted.
      const longest = `/${Array.from({ length: LIMITS.addressSegments }, () => 'a'.repeat(Math.floor(LIMITS.addressChars / LIMITS.addressSegments) - 1)).join('/')}`;
      expect(longest.length).toBeLessThanOrEqual(LIMITS.addressChars);
      await record('longest address', 'PUT', '/flows/longest', flow('longest', longest, { steps: [{ type: 'respond', status: 200, body: 'deep' }] }));
      // A template that expands to 2 MB from a 2 KB request: chunked over NATS, answered.
      await record(
        'expanding template',
        'PUT',
        '/flows/expand',
        flow('expand', '/expand', { steps: [{ type: 'respond', status: 200, body: '${body}'.repeat(1000) }] }),
      );
      // Flows that together are far larger than one NATS message.
      for (let i = 0; i < 5; i++)
        await record(
          `big flow ${i}`,
          'PUT',
          `/flows/big${i}`,
          flow(`big${i}`, `/big${i}`, { steps: [{ type: 'respond', status: 200, body: 'b'.repeat(LIMITS.templateChars) }] }),
        );
      const list = await record('list of flows', 'GET', '/flows');
      expect(Array.isArray(list.body) && (list.body as unknown[]).length).toBeGreaterThanOrEqual(8);
    } finally {
      await sender.stop();
    }

    const byWhat = Object.fromEntries(answers.map((a) => [a.what, a]));
    for (let i = 0; i < 5; i++) expect(byWhat[`long address ${i}`]).toMatchObject({ status: 400, message: expect.stringContaining('at most 256 characters') });
    for (const address of ['/..', '/.', '/../x', '/a/../b'])
      expect(byWhat[`address ${address}`]).toMatchObject({ status: 400, message: expect.stringContaining("'.' or '..'") });
    expect(byWhat['address /a//b']).toMatchObject({ status: 400, message: expect.stringContaining('empty segments') });
    expect(byWhat['address /a%2Fb']).toMatchObject({ status: 400, message: expect.stringContaining('percent-encoding') });
    expect(byWhat['CR/LF header']).toMatchObject({ status: 400, message: expect.stringContaining('CR, LF') });
    expect(byWhat['too many certificates']).toMatchObject({ status: 400, message: expect.stringContaining('at most 100 certificates') });
    for (const what of ['longest address', 'expanding template', 'big flow 0', 'big flow 4', 'list of flows']) expect(byWhat[what].status).toBe(200);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);

    const during = sender.sentBetween(started);
    const failures = during.filter((r) => r.status !== 200);
    process.stdout.write(`sender during the hostile writes: ${JSON.stringify(statusCounts(during))}\n${describeResponses(failures, started)}\n`);
    expect(failures).toEqual([]);
    expect(sender.sentBetween(started).length).toBeGreaterThan(10);
  });

  it('answers a flow whose reply is 2 MB at once, and the deepest accepted address', async () => {
    const send = senderCall(sys.ingressPort, ca);
    await eventually(async () => (await send('/expand', tls(alice), { body: 'x' })).status === 200, 10_000, 100);
    const t0 = Date.now();
    const big = await send('/expand', tls(alice), { body: 'q'.repeat(2048) });
    expect(big.status).toBe(200);
    expect(big.text.length).toBe(2048 * 1000);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const longest = `/${Array.from({ length: LIMITS.addressSegments }, () => 'a'.repeat(Math.floor(LIMITS.addressChars / LIMITS.addressSegments) - 1)).join('/')}`;
    expect((await send(longest, tls(alice))).text).toBe('deep');
  });

  it('refuses at once, with 502 naming the limit, a reply that would pass 16 MiB', async () => {
    await ok('PUT', '/flows/bomb', flow('bomb', '/bomb', { steps: [{ type: 'respond', status: 200, body: '${body}'.repeat(20_000) }] }));
    const send = senderCall(sys.ingressPort, ca);
    await eventually(async () => (await send('/bomb', tls(alice), { body: 'x' })).status === 200, 10_000, 100);
    const t0 = Date.now();
    const refused = await send('/bomb', tls(alice), { body: 'z'.repeat(1024) });
    expect(refused.status).toBe(502);
    expect(refused.json).toMatchObject({ error: 'response_too_large', error_description: expect.stringMatching(/larger than 16777216 characters/) });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
