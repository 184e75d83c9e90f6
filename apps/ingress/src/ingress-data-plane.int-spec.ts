import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Subscription } from 'nats';
import {
  Buckets,
  CertgateError,
  CLIENT_CA_ALIAS,
  IngressRpc,
  KeystoreKv,
  queueGroup,
  RuntimeRpc,
  type AccessLogRecord,
  type InvokeRequest,
  type InvokeResponse,
  type StoredKeystoreEntry,
  type TraceLogRecord,
} from '@certgate/contracts';
import { encodeJson, ensureKv, readStreamTail, RpcClient, serveRpc } from '@certgate/messaging';
import {
  createTestPki,
  launchServices,
  startNatsHarness,
  waitFor,
  type LaunchedService,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';

const run = promisify(execFile);

const MAX_BODY = 64 * 1024;
const RUNTIME_TIMEOUT_MS = 1500;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  reusedSocket: boolean;
}

interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  cert?: string;
  key?: string;
  agent?: Agent;
}

const tls = (leaf: TestLeaf, whole = true) => ({ cert: whole ? leaf.chainPem : leaf.certPem, key: leaf.keyPem });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value, for at most `ms`; fails the test with `what` otherwise. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(20);
  }
}

/** The port a replica logged in its 'ingress listening' / 'ops endpoint listening' lines. */
function loggedPort(service: LaunchedService, msg: string): number | undefined {
  for (const line of service.lines) {
    if (!line.includes(msg)) continue;
    const entry = JSON.parse(line) as { url?: string; port?: number };
    return entry.port ?? Number(new URL(entry.url as string).port);
  }
  return undefined;
}

describe('ingress data plane: envelopes to the runtime, logs, live trusted roots (real NATS, real TLS)', () => {
  let harness: NatsHarness;
  let system: LaunchedSystem;
  let pki: TestPki;
  let serverPki: TestPki;
  let dir: string;
  let logDir: string;
  let replicas: { service: LaunchedService; port: number; opsPort: number }[];
  let runtime: Subscription | undefined;
  const envelopes = new Map<string, InvokeRequest>();

  /** The runtime stand-in: a real NATS responder in the runtime's queue group with canned replies per address. */
  function serveRuntime(): Subscription {
    return serveRpc(
      harness.nc,
      RuntimeRpc.invoke,
      async (envelope): Promise<InvokeResponse> => {
        envelopes.set(envelope.requestId, envelope);
        switch (envelope.address) {
          case '/as-principal':
            return {
              status: 200,
              headers: { 'content-type': 'text/plain' },
              body: Buffer.from('hello sb-sender!k1'),
              principal: 'sb-sender!k1',
            };
          case '/denied':
            return {
              status: 401,
              headers: { 'content-type': 'application/json' },
              body: Buffer.from(JSON.stringify({ error: 'invalid_client', error_description: 'no service key holds it' })),
              denial: { reason: 'invalid_client', description: 'client certificate is not configured in any service key of a client_x509 service instance' },
            };
          case '/slow':
            await sleep(RUNTIME_TIMEOUT_MS * 2);
            return { status: 200, headers: {}, body: Buffer.alloc(0) };
          case '/bad-status':
            return { status: 99, headers: {}, body: Buffer.alloc(0) };
          default:
            return {
              status: 201,
              headers: {
                'content-type': 'application/json',
                'x-flow': 'echo',
                connection: 'close',
                'transfer-encoding': 'chunked',
                'x-request-id': 'not-ours',
              },
              body: Buffer.from(JSON.stringify({ address: envelope.address, method: envelope.method })),
            };
        }
      },
      { tenant: harness.tenant, queue: queueGroup('flow-runtime') },
    );
  }

  function call(port: number, path: string, opts: Call = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const options: RequestOptions = {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers,
        ca: serverPki.root.certPem,
        cert: opts.cert,
        key: opts.key,
        agent: opts.agent ?? false,
      };
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), reusedSocket: req.reusedSocket }),
        );
      });
      req.on('error', reject);
      req.end(opts.body);
    });
  }

  const send = (path: string, opts: Call = {}) => call(replicas[0].port, path, opts);
  const requestIdOf = (reply: Reply) => String(reply.headers['x-request-id']);
  const accessRecord = (requestId: string) =>
    eventually(
      `access record ${requestId} in ACCESS_LOG`,
      async () => (await readStreamTail<AccessLogRecord>(harness.nc, harness.tenant, 'ACCESS_LOG', 1, (r) => r.requestId === requestId))[0],
    );
  const traceRecords = (requestId: string, min = 1) =>
    eventually(`trace records of ${requestId} in TRACE_LOG`, async () => {
      const found = await readStreamTail<TraceLogRecord>(harness.nc, harness.tenant, 'TRACE_LOG', 10, (r) => r.requestId === requestId);
      return found.length >= min ? found : undefined;
    });
  const fileHas = (prefix: 'http_access' | 'trace', line: string, time: string) => {
    const path = join(logDir, `${prefix}_${replicas[0].service.nodeId}_${time.slice(0, 10)}.log`);
    return eventually(`'${line}' in ${path}`, () => (existsSync(path) && readFileSync(path, 'utf8').split('\n').includes(line) ? true : undefined));
  };

  beforeAll(async () => {
    harness = await startNatsHarness({ label: 'ingress-data-plane' });
    [pki, serverPki] = await Promise.all([createTestPki(), createTestPki({ name: 'certgate Ingress Server' })]);
    const server = await serverPki.issueServer(['localhost', '127.0.0.1']);
    dir = mkdtempSync(join(tmpdir(), 'certgate-ingress-dp-'));
    logDir = join(dir, 'logs');
    runtime = serveRuntime();
    system = await launchServices({
      services: ['ingress', 'ingress'],
      nc: harness.nc,
      env: {
        ...harness.env,
        INGRESS_PORT: '0',
        INGRESS_SERVER_KEY: server.keyPem,
        INGRESS_SERVER_CHAIN: server.chainPem + serverPki.root.certPem,
        INGRESS_CLIENT_ROOTS: pki.root.certPem,
        CERTGATE_DATA_DIR: join(dir, 'data'),
        CERTGATE_LOG_DIR: logDir,
        INGRESS_RUNTIME_TIMEOUT_MS: String(RUNTIME_TIMEOUT_MS),
        INGRESS_MAX_BODY_BYTES: String(MAX_BODY),
      },
    });
    replicas = await Promise.all(
      system.services.map(async (service) => ({
        service,
        port: await eventually('ingress listening', () => loggedPort(service, 'ingress listening'), 10_000),
        opsPort: await eventually('ops endpoint listening', () => loggedPort(service, 'ops endpoint listening'), 10_000),
      })),
    );
  }, 90_000);

  afterAll(async () => {
    await system?.stop();
    await runtime?.drain().catch(() => undefined);
    await harness?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('the request envelope the runtime receives', () => {
    it('a whole chain: verified, with fingerprint, DNs and CNs; method, address, query, body, client address, node and request id', async () => {
      const alice = await pki.issueClient('alice');
      const res = await send('/http/orders/eu?id=7&x=a%20b', {
        ...tls(alice),
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-1' },
        body: '{"order":1}',
      });
      expect(res.status).toBe(201);
      const envelope = envelopes.get(requestIdOf(res));
      expect(envelope).toEqual({
        requestId: requestIdOf(res),
        nodeId: replicas[0].service.nodeId,
        method: 'POST',
        address: '/orders/eu',
        query: 'id=7&x=a%20b',
        headers: expect.objectContaining({ 'content-type': 'application/json', 'x-correlation-id': 'c-1', host: `127.0.0.1:${replicas[0].port}` }),
        body: Buffer.from('{"order":1}'),
        clientAddress: '127.0.0.1',
        tls: {
          status: 'verified',
          fingerprint: alice.certificate.fingerprint,
          subjectDN: alice.certificate.subjectDN,
          issuerDN: alice.certificate.issuerDN,
          subjectCN: 'alice',
          issuerCN: pki.intermediate.certificate.subjectCN,
        },
      });
      expect(envelope?.headers).not.toHaveProperty('connection');
    });

    it("relays the runtime's status, headers and body, but not its hop-by-hop headers, and keeps its own x-request-id", async () => {
      const res = await send('/http/echo', { method: 'PUT', body: 'x' });
      expect(res.status).toBe(201);
      expect(JSON.parse(res.text)).toEqual({ address: '/echo', method: 'PUT' });
      expect(res.headers['x-flow']).toBe('echo');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(res.headers['content-length']).toBe(String(res.text.length));
      expect(requestIdOf(res)).toMatch(/^[0-9a-f-]{36}$/);
      expect(envelopes.has(requestIdOf(res))).toBe(true);
    });

    it('a leaf without its intermediate: rejected as chain_incomplete, with the reason and the DNs, never as an identity', async () => {
      const bob = await pki.issueClient('bob');
      const res = await send('/http/orders', tls(bob, false));
      expect(res.status).toBe(201);
      expect(envelopes.get(requestIdOf(res))?.tls).toEqual({
        status: 'rejected',
        reason: 'chain_incomplete',
        message: expect.stringContaining('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
        fingerprint: bob.certificate.fingerprint,
        subjectDN: bob.certificate.subjectDN,
        issuerDN: bob.certificate.issuerDN,
      });
    });

    it('no certificate: none', async () => {
      const res = await send('/http/orders');
      expect(envelopes.get(requestIdOf(res))?.tls).toEqual({ status: 'none' });
    });

    it('forged identity headers without a certificate never reach the runtime (Node client)', async () => {
      const forged = {
        'X-Forwarded-Client-Cert': 'Hash=abc;Subject="CN=admin"',
        SSL_CLIENT_CERT: '-----BEGIN CERTIFICATE-----x',
        'X-SSL-Client-Cert': 'x',
        'X-SSL-Client-S-DN': 'CN=admin',
        'X-Client-DN': 'CN=admin',
        'X-Client-Verify': 'SUCCESS',
        'X-ARR-ClientCert': 'x',
        'X-Amzn-Mtls-Clientcert': 'x',
        'X-Forwarded-Tls-Client-Cert': 'x',
        'Client-Cert': ':x:',
        'X-Kept': 'yes',
      };
      const res = await send('/http/orders', { headers: forged });
      const envelope = envelopes.get(requestIdOf(res));
      expect(envelope?.tls).toEqual({ status: 'none' });
      expect(envelope?.headers['x-kept']).toBe('yes');
      for (const name of Object.keys(forged).filter((n) => n !== 'X-Kept')) expect(envelope?.headers).not.toHaveProperty(name.toLowerCase());
    });

    describe('with curl', () => {
      let files: { ca: string; cert: string; key: string };
      let alice: TestLeaf;

      beforeAll(async () => {
        alice = await pki.issueClient('alice-curl');
        files = { ca: join(dir, 'server-ca.pem'), cert: join(dir, 'alice.pem'), key: join(dir, 'alice.key') };
        writeFileSync(files.ca, serverPki.root.certPem);
        writeFileSync(files.cert, alice.chainPem);
        writeFileSync(files.key, alice.keyPem, { mode: 0o600 });
      });

      /** curl runs asynchronously: the runtime stand-in answers from this very process. */
      async function curl(args: string[]): Promise<{ status: number; requestId: string }> {
        const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-D', '-', '-w', '%{http_code}', '--cacert', files.ca, ...args]);
        const requestId = /x-request-id: (\S+)/i.exec(stdout)?.[1] ?? '';
        return { status: Number(stdout.trim().split('\n').pop()), requestId };
      }

      it('a whole chain is verified', async () => {
        const res = await curl([
          '--cert',
          files.cert,
          '--key',
          files.key,
          '-X',
          'POST',
          '--data-binary',
          'hi',
          `https://127.0.0.1:${replicas[0].port}/http/orders`,
        ]);
        expect(res.status).toBe(201);
        const envelope = envelopes.get(res.requestId);
        expect(envelope?.tls).toMatchObject({ status: 'verified', fingerprint: alice.certificate.fingerprint, subjectCN: 'alice-curl' });
        expect(envelope?.body.toString()).toBe('hi');
      });

      it('a forged x-forwarded-client-cert / ssl_client_cert without a certificate: no identity, headers gone', async () => {
        const res = await curl([
          '-H',
          'x-forwarded-client-cert: Hash=abc;Subject="CN=alice-curl"',
          '-H',
          'ssl_client_cert: x',
          '-H',
          'X-SSL-Client-Verify: SUCCESS',
          `https://127.0.0.1:${replicas[0].port}/http/orders`,
        ]);
        expect(res.status).toBe(201);
        const envelope = envelopes.get(res.requestId);
        expect(envelope?.tls).toEqual({ status: 'none' });
        expect(envelope?.headers).not.toHaveProperty('x-forwarded-client-cert');
        expect(envelope?.headers).not.toHaveProperty('ssl_client_cert');
        expect(envelope?.headers).not.toHaveProperty('x-ssl-client-verify');
        expect(envelope?.headers['user-agent']).toMatch(/^curl\//);
      });

      it('the same forged headers with a whole chain: the certificate is the identity, not the header', async () => {
        const res = await curl([
          '--cert',
          files.cert,
          '--key',
          files.key,
          '-H',
          'x-forwarded-client-cert: Subject="CN=admin"',
          `https://127.0.0.1:${replicas[0].port}/http/orders`,
        ]);
        const envelope = envelopes.get(res.requestId);
        expect(envelope?.tls).toMatchObject({ status: 'verified', subjectCN: 'alice-curl' });
        expect(envelope?.headers).not.toHaveProperty('x-forwarded-client-cert');
      });
    });
  });

  describe('access and trace logs, in the files and in the streams', () => {
    it('the principal the runtime names is <who>', async () => {
      const alice = await pki.issueClient('alice-p');
      const res = await send('/http/as-principal?a=1', { ...tls(alice), method: 'POST' });
      expect(res.text).toBe('hello sb-sender!k1');
      const record = await accessRecord(requestIdOf(res));
      expect(record.line).toMatch(
        /^127\.0\.0\.1 - sb-sender!k1 \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] POST \/http\/as-principal\?a=1 HTTP\/1\.1 200$/,
      );
      expect(record).toMatchObject({
        nodeId: replicas[0].service.nodeId,
        who: 'sb-sender!k1',
        method: 'POST',
        path: '/http/as-principal?a=1',
        status: 200,
        ip: '127.0.0.1',
      });
      await fileHas('http_access', record.line, record.time);
    });

    it('without a principal, a verified certificate is <CN of subject>@<CN of issuer>', async () => {
      const carol = await pki.issueClient('carol');
      const res = await send('/http/orders', tls(carol));
      const record = await accessRecord(requestIdOf(res));
      expect(record.who).toBe(`carol@${pki.intermediate.certificate.subjectCN}`);
      expect(record.line).toContain(` - carol@${pki.intermediate.certificate.subjectCN} [`);
      await fileHas('http_access', record.line, record.time);
    });

    it('a leaf without its intermediate: empty <who> (two spaces), and the trace says chain_incomplete with the subject DN', async () => {
      const dan = await pki.issueClient('dan');
      const res = await send('/http/denied', tls(dan, false));
      expect(res.status).toBe(401);
      const record = await accessRecord(requestIdOf(res));
      expect(record.line).toMatch(/^127\.0\.0\.1 - {2}\[.+\] GET \/http\/denied HTTP\/1\.1 401$/);
      expect(record.who).toBe('');
      await fileHas('http_access', record.line, record.time);

      const traces = await traceRecords(requestIdOf(res), 2);
      const tlsTrace = traces.find((t) => t.event === 'tls.rejected');
      expect(tlsTrace).toMatchObject({
        reason: 'chain_incomplete',
        level: 'warn',
        details: expect.objectContaining({ subjectDN: dan.certificate.subjectDN, tlsError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }),
      });
      expect(tlsTrace?.message).toContain(dan.certificate.subjectDN);
      expect(tlsTrace?.line).toContain('reason=chain_incomplete');
      await fileHas('trace', tlsTrace?.line ?? '', tlsTrace?.time ?? '');
      // The runtime's denial is traced too, with its own reason.
      expect(traces.find((t) => t.event === 'runtime.denied')).toMatchObject({
        reason: 'invalid_client',
        message: 'client certificate is not configured in any service key of a client_x509 service instance',
      });
    });

    it('no certificate at all: empty <who>; /health is logged too', async () => {
      const res = await send('/health');
      expect(res.status).toBe(200);
      const record = await accessRecord(requestIdOf(res));
      expect(record.line).toMatch(/^127\.0\.0\.1 - {2}\[.+\] GET \/health HTTP\/1\.1 200$/);
      await fileHas('http_access', record.line, record.time);
    });

    it('an unknown route: 404 in the OAuth error shape, traced', async () => {
      const res = await send('/nope?x=1');
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ error: 'not_found', error_description: expect.stringContaining('no route GET /nope') });
      const [trace] = await traceRecords(requestIdOf(res));
      expect(trace).toMatchObject({ event: 'route.not_found', reason: 'not_found' });
      expect((await accessRecord(requestIdOf(res))).line).toMatch(/ GET \/nope\?x=1 HTTP\/1\.1 404$/);
    });
  });

  describe('body limit', () => {
    it('a body of exactly the limit is forwarded whole', async () => {
      const body = Buffer.alloc(MAX_BODY, 'a');
      const res = await send('/http/orders', { method: 'POST', body });
      expect(res.status).toBe(201);
      expect(envelopes.get(requestIdOf(res))?.body.length).toBe(MAX_BODY);
    });

    it('a declared Content-Length above the limit → 413 at once, without the rest of the body being read', async () => {
      const seen = envelopes.size;
      const res = await new Promise<{ status: number; body: string; requestId: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: replicas[0].port,
            path: '/http/orders',
            method: 'POST',
            ca: serverPki.root.certPem,
            agent: false,
            headers: { 'content-length': String(10 * MAX_BODY) },
          },
          (r) => {
            let text = '';
            r.on('data', (c) => (text += c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text, requestId: String(r.headers['x-request-id']) }));
          },
        );
        req.on('error', (err) => (err.message.includes('ECONNRESET') || err.message.includes('EPIPE') ? undefined : reject(err)));
        // Only a few bytes of the announced body: the answer must not wait for the rest.
        req.write('x'.repeat(100));
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({
        error: 'payload_too_large',
        error_description: `the request body is larger than ${MAX_BODY} bytes (INGRESS_MAX_BODY_BYTES)`,
        details: { limit: 'INGRESS_MAX_BODY_BYTES', maxBytes: MAX_BODY },
      });
      expect(envelopes.size).toBe(seen);
      const [trace] = await traceRecords(res.requestId);
      expect(trace).toMatchObject({ event: 'body.too_large', reason: 'payload_too_large' });
      expect((await accessRecord(res.requestId)).status).toBe(413);
    });

    it('a streamed (chunked) body is counted as it comes: 413 once it passes the limit', async () => {
      const seen = envelopes.size;
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        let answered = false;
        const req = request(
          { host: '127.0.0.1', port: replicas[0].port, path: '/http/orders', method: 'POST', ca: serverPki.root.certPem, agent: false },
          (r) => {
            answered = true;
            let text = '';
            r.on('data', (c) => (text += c));
            r.on('end', () => {
              resolve({ status: r.statusCode ?? 0, body: text });
              req.destroy();
            });
          },
        );
        // An error before the answer fails the test: the 413 must reach the client even while it is still sending.
        req.on('error', (err) => (answered ? undefined : reject(err)));
        const chunk = Buffer.alloc(8 * 1024, 'b');
        // Bounded: at most 4x the limit, and the server must answer long before that.
        let written = 0;
        const pump = () => {
          if (answered || written > 4 * MAX_BODY || req.destroyed) return;
          written += chunk.length;
          req.write(chunk, () => setImmediate(pump));
        };
        pump();
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error).toBe('payload_too_large');
      expect(envelopes.size).toBe(seen);
    });

    it('Expect: 100-continue with a too-large Content-Length is refused before the body is sent', async () => {
      const res = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
        let continued = false;
        const req = request({
          host: '127.0.0.1',
          port: replicas[0].port,
          path: '/http/orders',
          method: 'POST',
          ca: serverPki.root.certPem,
          agent: false,
          headers: { expect: '100-continue', 'content-length': String(2 * MAX_BODY) },
        });
        req.on('continue', () => (continued = true));
        req.on('response', (r) => {
          r.resume();
          r.on('end', () => resolve({ status: r.statusCode ?? 0, continued }));
        });
        req.on('error', reject);
        req.flushHeaders();
      });
      expect(res).toEqual({ status: 413, continued: false });
    });
  });

  describe('when the runtime does not answer', () => {
    it('a reply later than INGRESS_RUNTIME_TIMEOUT_MS → 503 naming the wait', async () => {
      const res = await send('/http/slow');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text)).toEqual({
        error: 'service_unavailable',
        error_description: `the flow runtime did not answer within ${RUNTIME_TIMEOUT_MS} ms`,
      });
      const [trace] = await traceRecords(requestIdOf(res));
      expect(trace).toMatchObject({ event: 'runtime.timeout', reason: 'timeout' });
    });

    it('a reply that is no HTTP answer → 502, never passed through', async () => {
      const res = await send('/http/bad-status');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.text).error).toBe('bad_gateway');
    });

    it('nobody serving runtime.invoke → 503 no flow runtime is available', async () => {
      await runtime?.drain();
      runtime = undefined;
      await harness.nc.flush();
      try {
        const res = await send('/http/orders', { method: 'POST', body: 'x' });
        expect(res.status).toBe(503);
        expect(JSON.parse(res.text)).toEqual({ error: 'service_unavailable', error_description: 'no flow runtime is available' });
        const [trace] = await traceRecords(requestIdOf(res));
        expect(trace).toMatchObject({ event: 'runtime.unavailable', reason: 'service_unavailable' });
        expect((await accessRecord(requestIdOf(res))).status).toBe(503);
      } finally {
        runtime = serveRuntime();
        await harness.nc.flush();
      }
    });
  });

  describe('ops', () => {
    it('/metrics counts requests by status class and the runtime latency', async () => {
      await send('/http/orders');
      const text = await (await fetch(`http://127.0.0.1:${replicas[0].opsPort}/metrics`)).text();
      const series = (name: string, label: string) => new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1];
      expect(Number(series('certgate_ingress_requests_total', 'status_class="2xx"'))).toBeGreaterThan(0);
      expect(Number(series('certgate_ingress_requests_total', 'status_class="4xx"'))).toBeGreaterThan(0);
      expect(Number(series('certgate_ingress_requests_total', 'status_class="5xx"'))).toBeGreaterThan(0);
      expect(Number(series('certgate_ingress_runtime_request_duration_seconds_count', 'outcome="ok"'))).toBeGreaterThan(0);
      expect(Number(series('certgate_ingress_runtime_request_duration_seconds_count', 'outcome="timeout"'))).toBe(1);
      expect(Number(series('certgate_ingress_runtime_request_duration_seconds_count', 'outcome="unavailable"'))).toBe(1);
      expect(series('certgate_ingress_trusted_client_roots', 'source="env"')).toBe('1');
    });

    it('IngressRpc.getServerChain and GET /ingress/server-chain hand out the server chain', async () => {
      const rpc = new RpcClient(harness.nc, harness.tenant);
      const { pem } = await rpc.request(IngressRpc.getServerChain, {});
      expect(pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      expect(pem).toContain(serverPki.root.certPem.trim());
      expect((await send('/ingress/server-chain')).text).toBe(pem);
    });
  });

  describe('trusted client roots, managed live', () => {
    let rpc: RpcClient;
    let newcomer: TestPki;
    let clientCa: TestPki;

    const verdictOn = async (port: number, leaf: TestLeaf, agent?: Agent) => {
      const res = await call(port, '/health', { ...tls(leaf), agent });
      return { ...(JSON.parse(res.text) as { clientCertificate: { status: string; reason?: string } }).clientCertificate, reusedSocket: res.reusedSocket };
    };
    /** Bounded poll over fresh connections to every replica. */
    const verifiedEverywhere = (leaf: TestLeaf, ms: number) =>
      eventually(
        `${leaf.certificate.subjectDN} verified on every replica`,
        async () => {
          const verdicts = await Promise.all(replicas.map((r) => verdictOn(r.port, leaf)));
          return verdicts.every((v) => v.status === 'verified') ? true : undefined;
        },
        ms,
      );
    const rejectedEverywhere = (leaf: TestLeaf, ms: number) =>
      eventually(
        `${leaf.certificate.subjectDN} rejected on every replica`,
        async () => {
          const verdicts = await Promise.all(replicas.map((r) => verdictOn(r.port, leaf)));
          return verdicts.every((v) => v.status === 'rejected') ? true : undefined;
        },
        ms,
      );

    beforeAll(async () => {
      rpc = new RpcClient(harness.nc, harness.tenant);
      [newcomer, clientCa] = await Promise.all([createTestPki(), createTestPki({ name: 'certgate Tenant Client CA' })]);
    });

    it('GET lists the roots from INGRESS_CLIENT_ROOTS with source env', async () => {
      const { roots } = await rpc.request(IngressRpc.getTrustedRoots, {});
      expect(roots).toEqual([
        {
          subjectDN: pki.root.certificate.subjectDN,
          fingerprint: pki.root.certificate.fingerprint,
          notBefore: pki.root.certificate.notBefore.toISOString(),
          notAfter: pki.root.certificate.notAfter.toISOString(),
          source: 'env',
          pem: pki.root.certPem,
          policy: { eku: 'require-clientAuth', revocation: null },
        },
      ]);
    });

    it('PUT of an intermediate → 400 naming it, and nothing changes', async () => {
      const err = await rpc
        .request(IngressRpc.putTrustedRoots, { certificates: newcomer.root.certPem + newcomer.intermediate.certPem })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CertgateError);
      expect(err).toMatchObject({ code: 'invalid_anchor', httpStatus: 400 });
      expect((err as CertgateError).message).toContain(newcomer.intermediate.certificate.subjectDN);
      expect((err as CertgateError).message).toContain('invalid_anchor');
      expect((await rpc.request(IngressRpc.getTrustedRoots, {})).roots.map((r) => r.source)).toEqual(['env']);
      expect((await verdictOn(replicas[0].port, await newcomer.issueClient('early'))).status).toBe('rejected');
    });

    it('PUT of an empty bundle → 400', async () => {
      await expect(rpc.request(IngressRpc.putTrustedRoots, { certificates: '  \n' })).rejects.toMatchObject({
        code: 'validation_failed',
        message: expect.stringContaining('no certificate'),
      });
    });

    it('PUT of a new root: a client of that PKI verifies on a new connection to every replica within 1 s, no restart; open connections keep their verdict', async () => {
      const erin = await newcomer.issueClient('erin');
      const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const before = await verdictOn(replicas[0].port, erin, keepAlive);
        expect(before.status).toBe('rejected');
        const pids = system.services.map((s) => s.pid);

        const { roots } = await rpc.request(IngressRpc.putTrustedRoots, { certificates: newcomer.root.certPem });
        expect(roots.map((r) => [r.source, r.subjectDN])).toEqual([
          ['env', pki.root.certificate.subjectDN],
          ['api', newcomer.root.certificate.subjectDN],
        ]);
        await verifiedEverywhere(erin, 1000);

        // The connection made before the change keeps the verdict of its handshake.
        const reused = await verdictOn(replicas[0].port, erin, keepAlive);
        expect(reused).toMatchObject({ status: 'rejected', reusedSocket: true });
        expect(system.services.map((s) => s.pid)).toEqual(pids);
        expect((await rpc.request(IngressRpc.getTrustedRoots, {})).roots.map((r) => r.source)).toEqual(['env', 'api']);
      } finally {
        keepAlive.destroy();
      }
    });

    it('a PUT replaces the API roots: the previous one is no longer trusted', async () => {
      const other = await createTestPki();
      const erin = await newcomer.issueClient('erin-2');
      await rpc.request(IngressRpc.putTrustedRoots, { certificates: other.root.certPem });
      await rejectedEverywhere(erin, 1000);
      await verifiedEverywhere(await other.issueClient('olga'), 1000);
    });

    it('adds at the same moment through both replicas lose none; a DELETE removes one root and leaves the others, on every replica', async () => {
      const before = (await rpc.request(IngressRpc.getTrustedRoots, {})).roots.filter((r) => r.source === 'api').map((r) => r.fingerprint);
      const pkis = await Promise.all(Array.from({ length: 8 }, (_, i) => createTestPki({ name: `Concurrent Root ${i}` })));
      const answers = await Promise.all(pkis.map((p) => rpc.request(IngressRpc.addTrustedRoots, { certificates: p.root.certPem })));
      answers.forEach((a, i) => expect(a.added).toEqual([pkis[i].root.certificate.fingerprint]));
      // Each add waited for its own replica; the GET may reach the other one, which applies them from its KV watch a moment later.
      const wanted = [...before, ...pkis.map((p) => p.root.certificate.fingerprint)].sort().join();
      const apiRoots = async () => (await rpc.request(IngressRpc.getTrustedRoots, {})).roots.filter((r) => r.source === 'api').map((r) => r.fingerprint);
      await waitFor(
        'both replicas list every added root',
        async () => (await apiRoots()).sort().join() === wanted && (await apiRoots()).sort().join() === wanted,
        2_000,
      );
      const [kept, dropped] = await Promise.all([pkis[0].issueClient('kept'), pkis[1].issueClient('dropped')]);
      await verifiedEverywhere(kept, 1000);
      await verifiedEverywhere(dropped, 1000);

      // The same root again: nothing added, nothing changed.
      expect((await rpc.request(IngressRpc.addTrustedRoots, { certificates: pkis[0].root.certPem })).added).toEqual([]);

      const { roots } = await rpc.request(IngressRpc.removeTrustedRoot, { sha256: pkis[1].root.certificate.fingerprint });
      expect(roots.map((r) => r.fingerprint)).not.toContain(pkis[1].root.certificate.fingerprint);
      await rejectedEverywhere(dropped, 1000);
      await verifiedEverywhere(kept, 1000);
      expect(await rpc.request(IngressRpc.removeTrustedRoot, { sha256: pkis[1].root.certificate.fingerprint }).catch((e: unknown) => e)).toMatchObject({
        code: 'trusted_root_not_found',
        httpStatus: 404,
      });
      expect(await rpc.request(IngressRpc.removeTrustedRoot, { sha256: pki.root.certificate.fingerprint }).catch((e: unknown) => e)).toMatchObject({
        code: 'trusted_root_not_managed',
        httpStatus: 409,
        details: { source: 'env' },
      });
      await verifiedEverywhere(await pki.issueClient('env-still'), 1000);
    });

    it('the tenant client CA the keystore provisions is trusted (source client-ca), and stops being when it is removed', async () => {
      const keystore = await ensureKv(harness.nc, harness.tenant, Buckets.keystore);
      const ca = clientCa.root.certificate;
      const entry: StoredKeystoreEntry = {
        alias: CLIENT_CA_ALIAS,
        kind: 'key-pair',
        owner: 'system',
        subjectDN: ca.subjectDN,
        issuerDN: ca.issuerDN,
        serialNumber: ca.serialNumber,
        notBefore: ca.notBefore.toISOString(),
        notAfter: ca.notAfter.toISOString(),
        fingerprint: ca.fingerprint,
        chainPem: clientCa.root.certPem,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      };
      const frank = await clientCa.issueClient('frank');
      expect((await verdictOn(replicas[1].port, frank)).status).toBe('rejected');
      await keystore.put(KeystoreKv.entry(CLIENT_CA_ALIAS), encodeJson(entry));
      await verifiedEverywhere(frank, 1000);
      const { roots } = await rpc.request(IngressRpc.getTrustedRoots, {});
      expect(roots.filter((r) => r.source === 'client-ca').map((r) => r.fingerprint)).toEqual([ca.fingerprint]);

      await keystore.delete(KeystoreKv.entry(CLIENT_CA_ALIAS));
      await rejectedEverywhere(frank, 1000);
    });
  });

  describe('shutdown', () => {
    it('on SIGTERM every replica closes its server, flushes its logs and exits 0', async () => {
      const exits = await system.stop();
      expect(exits).toEqual([
        { service: 'ingress', code: 0, signal: null },
        { service: 'ingress', code: 0, signal: null },
      ]);
      expect(system.logsOf('ingress').filter((l) => l.includes('shutdown deadline passed'))).toEqual([]);
    });
  });
});
