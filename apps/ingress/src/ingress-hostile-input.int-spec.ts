import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import type { Subscription } from 'nats';
import { FlowsRpc, RuntimeRpc, tenantSubject, type InvokeRequest, type TraceLogRecord } from '@certgate/contracts';
import { decodeRpcRequest, readStreamTail, RpcClient } from '@certgate/messaging';
import {
  createTestPki,
  launchServices,
  startNatsHarness,
  type LaunchedService,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';

/**
 * Hostile input at the ingress, over real TLS sockets, with a real flow runtime on real
 * NATS: forged identity headers in every spelling, probing flow addresses without
 * credentials, and requests Node's HTTP parser refuses before any handler runs.
 */

const MAX_BODY = 64 * 1024;
/** The second ingress' header limit, to see the configured value in its answers. */
const SMALL_HEADER_LIMIT = 4096;

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection after the answer. */
  closed: boolean;
}

interface Tls {
  cert?: string;
  key?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(25);
  }
}

function loggedPort(service: LaunchedService): number | undefined {
  const line = service.lines.find((l) => l.includes('ingress listening'));
  return line ? Number(new URL((JSON.parse(line) as { url: string }).url).port) : undefined;
}

/** Parses one HTTP/1.1 answer (with a content-length) from the start of `text`. */
function parseReply(text: string, closed: boolean): RawReply | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = text.slice(end + 4);
  if (Buffer.byteLength(body) < length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body, closed };
}

describe('ingress: hostile input (real TLS, real NATS, a real flow runtime)', () => {
  let harness: NatsHarness;
  let system: LaunchedSystem;
  let revealing: LaunchedSystem;
  let pki: TestPki;
  let serverPki: TestPki;
  let strangerPki: TestPki;
  let alice: TestLeaf;
  let mallory: TestLeaf;
  let dir: string;
  let port: number;
  let revealPort: number;
  let observer: Subscription;
  /** Every envelope on runtime.invoke, as the flow runtime gets it (a plain subscriber sees each request too). */
  const envelopes = new Map<string, InvokeRequest>();

  /** Writes `head` (and `body`) as they are onto a new TLS connection and reads the one answer. */
  function raw(head: string, opts: { port?: number; tls?: Tls; body?: Buffer | string } = {}): Promise<RawReply> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: opts.port ?? port, ca: serverPki.root.certPem, servername: 'localhost', ...opts.tls }, () => {
        socket.write(head);
        if (opts.body) socket.write(opts.body);
      });
      let text = '';
      let done = false;
      const finish = (closed: boolean) => {
        const reply = parseReply(text, closed);
        if (!reply || done) return;
        done = true;
        resolve(reply);
        socket.destroy();
      };
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
        // An answer that closes the connection is complete when it closes; others when the body is in.
        if (!/\r\nconnection: close\r\n/i.test(text)) finish(false);
      });
      socket.on('end', () => finish(true));
      socket.on('close', () =>
        done ? undefined : parseReply(text, true) ? finish(true) : reject(new Error(`connection closed after: ${text.slice(0, 300)}`)),
      );
      socket.on('error', (err) => (done ? undefined : reject(err)));
    });
  }

  /** Everything the server sends on one connection until it closes it. */
  function everything(head: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, ca: serverPki.root.certPem, servername: 'localhost' }, () => socket.write(head));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', (err) => (text ? undefined : reject(err)));
    });
  }

  const get = (path: string, headers: Record<string, string> = {}, opts: { port?: number; tls?: Tls } = {}) =>
    raw(
      `GET ${path} HTTP/1.1\r\nhost: localhost\r\n${Object.entries(headers)
        .map(([n, v]) => `${n}: ${v}\r\n`)
        .join('')}connection: close\r\n\r\n`,
      opts,
    );

  const traceOf = (requestId: string, event: string) =>
    eventually(
      `trace record ${event} of ${requestId}`,
      async () => (await readStreamTail<TraceLogRecord>(harness.nc, harness.tenant, 'TRACE_LOG', 50, (r) => r.requestId === requestId && r.event === event))[0],
    );

  beforeAll(async () => {
    harness = await startNatsHarness({ label: 'ingress-hostile-input' });
    [pki, serverPki, strangerPki] = await Promise.all([
      createTestPki(),
      createTestPki({ name: 'certgate Ingress Server' }),
      createTestPki({ name: 'Stranger' }),
    ]);
    const server = await serverPki.issueServer(['localhost', '127.0.0.1']);
    [alice, mallory] = await Promise.all([pki.issueClient('alice'), strangerPki.issueClient('mallory')]);
    dir = mkdtempSync(join(tmpdir(), 'certgate-ingress-hostile-'));
    const env = {
      ...harness.env,
      INGRESS_PORT: '0',
      INGRESS_SERVER_KEY: server.keyPem,
      INGRESS_SERVER_CHAIN: server.chainPem + serverPki.root.certPem,
      INGRESS_CLIENT_ROOTS: pki.root.certPem,
      CERTGATE_DATA_DIR: join(dir, 'data'),
      CERTGATE_LOG_DIR: join(dir, 'logs'),
      INGRESS_MAX_BODY_BYTES: String(MAX_BODY),
    };
    observer = harness.nc.subscribe(tenantSubject(harness.tenant, RuntimeRpc.invoke.subject), {
      callback: (_err, msg) => {
        const envelope = decodeRpcRequest(RuntimeRpc.invoke, msg.data) as InvokeRequest;
        envelopes.set(envelope.requestId, envelope);
      },
    });
    [system, revealing] = await Promise.all([
      launchServices({ services: ['ingress', 'flow-runtime'], nc: harness.nc, env }),
      launchServices({
        services: ['ingress'],
        nc: harness.nc,
        env: { ...env, INGRESS_UNAUTHENTICATED_NOT_FOUND: 'reveal', INGRESS_MAX_HEADER_BYTES: String(SMALL_HEADER_LIMIT) },
      }),
    ]);
    port = await eventually('ingress listening', () => loggedPort(system.services[0]), 10_000);
    revealPort = await eventually('second ingress listening', () => loggedPort(revealing.services[0]), 10_000);

    const rpc = new RpcClient(harness.nc, harness.tenant);
    await rpc.request(FlowsRpc.put, {
      id: 'orders',
      definition: {
        id: 'orders',
        sender: {
          address: '/orders',
          authorization: { type: 'client-certificate', certificates: [{ subjectDN: alice.certificate.subjectDN, issuerDN: alice.certificate.issuerDN }] },
        },
        steps: [{ type: 'respond', status: 200, body: 'hello ${principal}' }],
      },
    });
    // Served once the revealing ingress answers an anonymous call there 401 instead of 404.
    await eventually('flow /orders served', async () => ((await get('/http/orders', {}, { port: revealPort })).status === 401 ? true : undefined));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([system?.stop(), revealing?.stop()]);
    await observer?.drain().catch(() => undefined);
    await harness?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('header hygiene: a flow never sees identity headers, in any spelling', () => {
    /** The hostile-input run's finds and one of each vendor's names. */
    const FORGED = [
      'x_forwarded_client_cert',
      'x_client_dn',
      'client_cert',
      'x-tls-client-cert',
      'x-forwarded-client-dn',
      'Client-Cert',
      'Client-Cert-Chain',
      'X-Forwarded-Client-Cert',
      'ssl-client-cert',
      'SSL_CLIENT_S_DN',
      'SSL_CLIENT_I_DN',
      'SSL_CLIENT_VERIFY',
      'ssl_client_subject',
      'X-SSL-Client-Cert',
      'X-SSL-Client-DN',
      'X_SSL_CLIENT_VERIFY',
      'X-Client-Cert',
      'X-Client-Certificate',
      'x_client_ssl_cert',
      'X-Client-Verify',
      'X-ENV-SSL_CLIENT_CERTIFICATE',
      'X-Forwarded-Tls-Client-Cert',
      'X-Forwarded-Tls-Client-Cert-Info',
      'X-Amzn-Mtls-Clientcert',
      'X_AMZN_MTLS_CLIENTCERT_SUBJECT',
      'X-ARR-ClientCert',
      'Cf-Client-Cert-Sha256',
      'X-MS-Client-Principal-Name',
      'X-Forwarded-User',
      'X-Certgate-Principal',
      'x_certgate_client_dn',
    ];
    /** Each name also upper-cased and with underscores for dashes, and the other way round. */
    const spellings = [
      ...new Set(FORGED.flatMap((n) => [n, n.toUpperCase(), n.replace(/-/g, '_'), n.replace(/_/g, '-').toLowerCase(), n.replace(/-/g, '_').toLowerCase()])),
    ];
    const KEPT = { 'x-correlation-id': 'c-1', x_trace_key: 'underscored', 'x-client-id': 'app-7', 'x-forwarded-for': '10.0.0.1' };

    it.each([
      ['without a certificate', undefined, { status: 'none' }],
      ['with a verified certificate', 'alice', { status: 'verified', subjectCN: 'alice' }],
    ])("%s: forged headers are gone, ordinary ones kept, x-request-id is the ingress' own", async (_, who, tls) => {
      const headers: Record<string, string> = { ...KEPT, 'x-request-id': 'forged-id' };
      for (const name of spellings) headers[name] = 'CN=admin';
      const res = await get('/http/orders', headers, who ? { tls: { cert: alice.chainPem, key: alice.keyPem } } : {});
      const requestId = res.headers['x-request-id'];
      const envelope = await eventually('envelope seen', () => envelopes.get(requestId));
      expect(envelope.tls).toMatchObject(tls);
      const seen = Object.keys(envelope.headers);
      for (const name of spellings) expect(seen).not.toContain(name.toLowerCase());
      expect(seen.filter((n) => /cert|dn$|verify|principal|certgate|user/.test(n.replace(/_/g, '-')))).toEqual([]);
      expect(envelope.headers).toMatchObject(KEPT);
      expect(envelope.headers['x-request-id']).toBe(requestId);
      expect(spellings.length).toBeGreaterThan(100);
    });
  });

  describe('no enumeration of flow addresses without credentials', () => {
    const shapeOf = (res: RawReply) => ({
      status: res.status,
      body: res.body,
      headers: Object.keys(res.headers).sort(),
      contentType: res.headers['content-type'],
    });

    it.each([
      ['no certificate, no credentials', {}, undefined, 'no client certificate and no credentials were sent'],
      ['an Authorization header of an unknown scheme', { authorization: 'Negotiate abc' }, undefined, "authorization scheme 'Negotiate' is not accepted here"],
      ['Basic credentials that are no base64', { authorization: 'Basic !!!' }, undefined, 'not valid base64'],
      ['a certificate the ingress rejected', {}, 'mallory', 'certificate was not verified by ingress'],
    ] as const)('%s: the same 401, byte for byte, at a deployed flow and at an address without one', async (_, headers, who, description) => {
      const tls = who ? { cert: mallory.chainPem, key: mallory.keyPem } : undefined;
      const [deployed, missing, deep] = await Promise.all([
        get('/http/orders', headers, { tls }),
        get('/http/no-such-flow', headers, { tls }),
        get('/http/a/b/c?x=1', headers, { tls }),
      ]);
      expect(deployed.status).toBe(401);
      expect(JSON.parse(deployed.body)).toEqual({ error: 'invalid_client', error_description: expect.stringContaining(description) });
      expect(shapeOf(missing)).toEqual(shapeOf(deployed));
      expect(shapeOf(deep)).toEqual(shapeOf(deployed));
      // The trace log keeps the truth for the operator.
      expect(await traceOf(missing.headers['x-request-id'], 'runtime.not_found_hidden')).toMatchObject({
        reason: 'not_found',
        details: expect.objectContaining({ address: '/no-such-flow', status: 404, answered: 401 }),
      });
    });

    it('a verified certificate in no service key gets, at a missing flow, the 401 a role flow gives it', async () => {
      const tls = { cert: alice.chainPem, key: alice.keyPem };
      const [missing, deployed] = [await get('/http/no-such-flow', {}, { tls }), await get('/http/orders', {}, { tls })];
      expect(deployed.status).toBe(401);
      expect({ status: missing.status, body: missing.body }).toEqual({ status: deployed.status, body: deployed.body });
    });

    it('credentials only the runtime can judge (Basic, Bearer) that do not authenticate: the same 401 at a missing flow as at a deployed one', async () => {
      const basic = `Basic ${Buffer.from('sb-x!k1:secret').toString('base64')}`;
      const [missing, deployed] = [await get('/http/no-such-flow', { authorization: basic }), await get('/http/orders', { authorization: basic })];
      expect(deployed.status).toBe(401);
      expect({ status: missing.status, body: missing.body }).toEqual({ status: deployed.status, body: deployed.body });
    });

    it("INGRESS_UNAUTHENTICATED_NOT_FOUND=reveal: the runtime's 404 as it is", async () => {
      const res = await get('/http/no-such-flow', {}, { port: revealPort });
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ error: 'not_found', error_description: "no flow is deployed at address '/no-such-flow'" });
      expect((await get('/http/orders', {}, { port: revealPort })).status).toBe(401);
    });
  });

  describe('every limit is answered in the error shape, naming the limit and its value', () => {
    const expectRefusal = async (res: RawReply, status: number, error: string, description: string | RegExp) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.connection).toBe('close');
      expect(res.closed).toBe(true);
      const body = JSON.parse(res.body) as { error: string; error_description: string; details?: Record<string, unknown> };
      expect(body.error).toBe(error);
      if (typeof description === 'string') expect(body.error_description).toBe(description);
      else expect(body.error_description).toMatch(description);
      return body;
    };

    it('a 64 KB URL → 431 naming INGRESS_MAX_HEADER_BYTES (16384 by default), traced with the x-request-id it answered', async () => {
      const res = await raw(`GET /http/${'a'.repeat(64 * 1024)} HTTP/1.1\r\nhost: localhost\r\n\r\n`);
      const body = await expectRefusal(res, 431, 'request_headers_too_large', 'the request line and headers exceed 16384 bytes (INGRESS_MAX_HEADER_BYTES)');
      expect(body.details).toEqual({ limit: 'INGRESS_MAX_HEADER_BYTES', maxBytes: 16384 });
      expect(await traceOf(res.headers['x-request-id'], 'http.refused')).toMatchObject({ reason: 'HPE_HEADER_OVERFLOW', level: 'warn' });
    });

    it('a 64 KB header → 431, also as the second request of a keep-alive connection', async () => {
      const big = await raw(`GET /health HTTP/1.1\r\nhost: localhost\r\nx-big: ${'b'.repeat(64 * 1024)}\r\n\r\n`);
      await expectRefusal(big, 431, 'request_headers_too_large', 'the request line and headers exceed 16384 bytes (INGRESS_MAX_HEADER_BYTES)');

      const both = await everything(
        'GET /health HTTP/1.1\r\nhost: localhost\r\n\r\n' + `GET /health HTTP/1.1\r\nhost: localhost\r\nx-big: ${'b'.repeat(64 * 1024)}\r\n\r\n`,
      );
      const second = both.indexOf('HTTP/1.1 431 ');
      expect(both.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
      expect(second).toBeGreaterThan(0);
      await expectRefusal(parseReply(both.slice(second), true) as RawReply, 431, 'request_headers_too_large', /16384 bytes/);

      // Pipelined behind a request still waiting for the runtime: its answer comes first, then the 431.
      const queued = await everything(
        'GET /http/orders HTTP/1.1\r\nhost: localhost\r\n\r\n' + `GET /health HTTP/1.1\r\nhost: localhost\r\nx-big: ${'b'.repeat(64 * 1024)}\r\n\r\n`,
      );
      expect(queued.startsWith('HTTP/1.1 401 Unauthorized\r\n')).toBe(true);
      await expectRefusal(parseReply(queued.slice(queued.indexOf('HTTP/1.1 431 ')), true) as RawReply, 431, 'request_headers_too_large', /16384 bytes/);
    });

    it('a Node client sending a 64 KB header reads the 431 (no reset)', async () => {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/http/orders',
            ca: serverPki.root.certPem,
            servername: 'localhost',
            agent: false,
            headers: { 'x-big': 'b'.repeat(64 * 1024) },
          },
          (r) => {
            let text = '';
            r.on('data', (c) => (text += c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body).error_description).toBe('the request line and headers exceed 16384 bytes (INGRESS_MAX_HEADER_BYTES)');
    });

    it('the configured value is the one named: INGRESS_MAX_HEADER_BYTES=4096', async () => {
      const res = await get('/health', { 'x-big': 'b'.repeat(SMALL_HEADER_LIMIT + 100) }, { port: revealPort });
      const body = await expectRefusal(
        res,
        431,
        'request_headers_too_large',
        `the request line and headers exceed ${SMALL_HEADER_LIMIT} bytes (INGRESS_MAX_HEADER_BYTES)`,
      );
      expect(body.details).toEqual({ limit: 'INGRESS_MAX_HEADER_BYTES', maxBytes: SMALL_HEADER_LIMIT });
      expect((await get('/health', { 'x-fits': 'b'.repeat(SMALL_HEADER_LIMIT / 2) }, { port: revealPort })).status).toBe(200);
    });

    it('a body over INGRESS_MAX_BODY_BYTES → 413 naming the limit and its value', async () => {
      const res = await raw(`POST /http/orders HTTP/1.1\r\nhost: localhost\r\ncontent-length: ${MAX_BODY + 1}\r\n\r\n`, { body: 'x'.repeat(100) });
      const body = await expectRefusal(res, 413, 'payload_too_large', `the request body is larger than ${MAX_BODY} bytes (INGRESS_MAX_BODY_BYTES)`);
      expect(body.details).toEqual({ limit: 'INGRESS_MAX_BODY_BYTES', maxBytes: MAX_BODY });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      [
        'Content-Length with Transfer-Encoding (smuggling)',
        'POST /http/orders HTTP/1.1\r\nhost: localhost\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\n',
        'HPE_',
      ],
      ['an unknown method', 'BREW /http/orders HTTP/1.1\r\nhost: localhost\r\n\r\n', 'HPE_INVALID_METHOD'],
      ['a space in a header name', 'GET /http/orders HTTP/1.1\r\nhost: localhost\r\nbad header: x\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['a bad Content-Length', 'POST /http/orders HTTP/1.1\r\nhost: localhost\r\ncontent-length: 1x\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
      ['not HTTP at all', 'hello there\r\n\r\n', 'HPE_'],
    ])('%s → 400 bad_request naming the parser error', async (_, head, code) => {
      const res = await raw(head);
      const body = await expectRefusal(res, 400, 'bad_request', /^the request is not valid HTTP\/1\.1: .+ \(HPE_[A-Z_]+\)$/);
      expect(String(body.details?.parserError)).toContain(code);
    });

    it('an Expect other than 100-continue → 417 in the error shape', async () => {
      const res = await raw('POST /http/orders HTTP/1.1\r\nhost: localhost\r\nexpect: 200-ok\r\ncontent-length: 5\r\n\r\n');
      await expectRefusal(res, 417, 'expectation_failed', "the expectation '200-ok' cannot be met: only 100-continue is supported");
    });

    it('CONNECT → 405 in the error shape (Node would cut the connection unanswered)', async () => {
      const res = await raw('CONNECT example.org:443 HTTP/1.1\r\nhost: example.org:443\r\n\r\n');
      await expectRefusal(res, 405, 'method_not_allowed', 'CONNECT is not supported: the ingress is no proxy; flows are called at /http/<address>');
    });

    it('the ingress keeps serving after all of that', async () => {
      expect((await get('/health')).status).toBe(200);
    });
  });
});
