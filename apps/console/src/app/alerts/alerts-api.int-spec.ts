import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { AlertSubjects, tenantSubject, type CertificateAlert } from '@certgate/contracts';
import { encodeJson } from '@certgate/messaging';
import { ExchangeRecorder, freePort, launchServices, startNatsHarness, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

const TOKEN = randomBytes(24).toString('base64url');
const SECRET = 'webhook-secret-' + randomBytes(12).toString('hex');

interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** A minimal text/event-stream reader (the cli has the full parser; apps do not share code). */
class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  async next(): Promise<SseEvent> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = frame.split('\n').filter((l) => !l.startsWith(':') && l.includes(':'));
        const get = (name: string) => fields.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).replace(/^ /, ''));
        if (get('data').length === 0) continue; // comments, retry
        return { event: get('event')[0] ?? 'message', id: get('id')[0], data: get('data').join('\n') };
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

describe('console alerts API (keystore and console as processes, real NATS)', () => {
  let h: NatsHarness;
  let system: LaunchedSystem;
  let api: string;
  let serial = 0;

  const alert = (over: Partial<CertificateAlert> = {}): CertificateAlert => {
    serial += 1;
    return {
      id: `console-it-${serial}-${randomBytes(3).toString('hex')}`,
      type: 'expiring',
      source: 'flow',
      ref: `orders#${serial}`,
      subjectDN: `CN=sender ${serial}, O=certgate tests`,
      issuerDN: 'CN=test ca',
      serial: '0' + serial,
      fingerprint: randomBytes(32).toString('hex'),
      notAfter: new Date(Date.now() + 6 * 86_400_000).toISOString(),
      daysLeft: 6,
      threshold: 7,
      raisedAt: new Date().toISOString(),
      ...over,
    };
  };

  const publish = async (a: CertificateAlert): Promise<number> => {
    const subject = tenantSubject(h.tenant, a.type === 'expired' ? AlertSubjects.expired : AlertSubjects.expiring);
    return (await h.nc.jetstream().publish(subject, encodeJson(a))).seq;
  };

  /** Every response of the suite, checked against the console's OpenAPI document in afterAll. */
  const exchanges = new ExchangeRecorder('console-alerts-api');
  const call = (method: string, path: string, body?: unknown, token: string | null = TOKEN) =>
    exchanges.fetch(`${api}${path}`, {
      method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'console-alerts' });
    const port = await freePort();
    api = `http://127.0.0.1:${port}/api/v1`;
    system = await launchServices({
      services: ['keystore', 'console'],
      nc: h.nc,
      env: { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), CERTGATE_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      envOf: {
        console: { CONSOLE_PORT: String(port) },
        // The webhook receiver below listens on 127.0.0.1, which the destination policy refuses unless allowed.
        keystore: { CERTGATE_ALERT_WEBHOOK_RETRY_BASE_MS: '20', CERTGATE_ALERT_WEBHOOK_RETRY_MAX_MS: '200', CERTGATE_ALERT_WEBHOOK_ALLOW: '127.0.0.1/32' },
      },
      readyTimeoutMs: 60_000,
    });
    // Healthy over NATS can come a moment before the HTTP port is bound.
    for (;;) {
      const ok = await fetch(`${api}/health`, { headers: { authorization: `Bearer ${TOKEN}` } }).then(
        () => true,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await exchanges.loadDocument(api);
  }, 90_000);

  afterAll(async () => {
    try {
      await system?.stop();
      await h?.stop();
    } finally {
      if (system) exchanges.verify();
    }
  });

  it('every alerts route needs the admin token', async () => {
    for (const [method, path] of [
      ['GET', '/alerts'],
      ['GET', '/alerts/watch'],
      ['GET', '/certificates'],
      ['POST', '/alerts/scan'],
      ['GET', '/alert-subscriptions'],
      ['DELETE', '/alerts/mutes/flow'],
    ]) {
      const res = await call(method, path, undefined, null);
      expect({ path, status: res.status, body: await res.json() }).toEqual({
        path,
        status: 401,
        body: { error: 'unauthorized', message: 'missing bearer token: send Authorization: Bearer <admin token or API token>' },
      });
    }
  });

  it('webhook subscriptions: 201 without the secret, signed deliveries, listed, deleted with 204, then 404', async () => {
    const received: { body: Buffer; headers: IncomingHttpHeaders }[] = [];
    let wake = () => undefined as void;
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () => {
          received.push({ body: Buffer.concat(chunks), headers: req.headers });
          res.writeHead(200).end('ok');
          wake();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    try {
      const created = await call('POST', '/alert-subscriptions', { url, secret: SECRET, sources: ['flow'] });
      expect(created.status).toBe(201);
      const sub = (await created.json()) as { id: string; consumer: string };
      expect(sub).toEqual({
        id: expect.any(String),
        url,
        sources: ['flow'],
        createdAt: expect.any(String),
        consumer: `webhook-${sub.id}`,
        deliveries: { delivered: 0, failedAttempts: 0, pending: 0 },
      });

      const a = alert();
      await publish(a);
      while (received.length === 0) await new Promise<void>((r) => (wake = r));
      const [call0] = received;
      expect(JSON.parse(call0.body.toString('utf8'))).toEqual(a);
      expect(call0.headers['x-certgate-signature']).toBe('sha256=' + createHmac('sha256', SECRET).update(call0.body).digest('hex'));

      // Listed with its counters: the signed delivery above counts once the keystore has recorded it (just after the receiver's answer).
      const list = async () => (await (await call('GET', '/alert-subscriptions')).json()) as { id: string; deliveries: { delivered: number } }[];
      let listed = await list();
      while (listed.find((x) => x.id === sub.id)?.deliveries.delivered !== 1) {
        await new Promise((r) => setTimeout(r, 50));
        listed = await list();
      }
      expect(listed).toContainEqual({ ...sub, deliveries: { delivered: 1, failedAttempts: 0, lastDeliveredAt: expect.any(String), pending: 0 } });
      expect(JSON.stringify(listed)).not.toContain(SECRET);

      expect((await call('DELETE', `/alert-subscriptions/${sub.id}`)).status).toBe(204);
      const again = await call('DELETE', `/alert-subscriptions/${sub.id}`);
      expect({ status: again.status, body: await again.json() }).toEqual({
        status: 404,
        body: { error: 'subscription_not_found', message: `no alert subscription with id '${sub.id}'`, details: { id: sub.id } },
      });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a subscription with a short secret, a non-http URL, credentials or a metadata address, naming the field', async () => {
    const short = await call('POST', '/alert-subscriptions', { url: 'https://hooks.example/x', secret: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: 'validation_failed', message: expect.stringContaining('secret: secret must be at least 16 characters') });
    const ftp = await call('POST', '/alert-subscriptions', { url: 'ftp://hooks.example/x', secret: SECRET });
    expect(await ftp.json()).toMatchObject({ error: 'validation_failed', message: expect.stringContaining('url must be http or https') });
    const missing = await call('POST', '/alert-subscriptions');
    expect(await missing.json()).toMatchObject({ error: 'body_missing' });
    const metadata = await call('POST', '/alert-subscriptions', { url: 'http://169.254.169.254/latest/meta-data/', secret: SECRET });
    expect({ status: metadata.status, body: await metadata.json() }).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', message: expect.stringContaining('url: 169.254.169.254 is a cloud metadata address'), details: { field: 'url' } },
    });
    const credentials = await call('POST', '/alert-subscriptions', { url: 'https://user:pass@hooks.example/x', secret: SECRET });
    expect({ status: credentials.status, body: await credentials.json() }).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', message: expect.stringContaining('url must not contain credentials'), details: { field: 'url' } },
    });
  });

  it('GET /alerts/watch streams alerts as they are published, each with its stream sequence, and resumes after one', async () => {
    const res = await call('GET', '/alerts/watch');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const stream = new SseReader(res.body as ReadableStream<Uint8Array>);
    const ready = await stream.next();
    expect(ready.event).toBe('ready');
    const [a1, a2] = [alert(), alert({ type: 'expired', daysLeft: 0, threshold: 0, source: 'keystore', ref: 'k#0' })];
    const seq1 = await publish(a1);
    const seq2 = await publish(a2);
    const e1 = await stream.next();
    const e2 = await stream.next();
    await stream.cancel();
    expect([e1, e2]).toEqual([
      { event: 'alert', id: String(seq1), data: JSON.stringify(a1) },
      { event: 'alert', id: String(seq2), data: JSON.stringify(a2) },
    ]);
    expect(Number(ready.id)).toBeLessThan(seq1);

    // A client that saw a1 and reconnects gets a2 first, and nothing before it.
    const resumed = new SseReader((await call('GET', `/alerts/watch?since=${seq1}`)).body as ReadableStream<Uint8Array>);
    expect(await resumed.next()).toEqual({ event: 'ready', id: String(seq1), data: JSON.stringify({ since: seq1 }) });
    expect(await resumed.next()).toEqual({ event: 'alert', id: String(seq2), data: JSON.stringify(a2) });
    await resumed.cancel();

    const bad = await call('GET', '/alerts/watch?since=-1');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'validation_failed', details: { field: 'since' } });
    const unknown = await call('GET', '/alerts/watch?from=1');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'unknown_parameter', details: { parameter: 'from' } });
  });

  it('GET /alerts lists the newest alerts; scans, the certificate inventory and mutes reach the monitor', async () => {
    const last = alert({ ref: 'newest#0' });
    await publish(last);
    const alerts = (await (await call('GET', '/alerts?limit=1')).json()) as CertificateAlert[];
    expect(alerts).toEqual([last]);
    expect((await call('GET', '/alerts?limit=0')).status).toBe(400);

    const scan = await call('POST', '/alerts/scan');
    expect(scan.status).toBe(200);
    expect(await scan.json()).toEqual({ certificates: expect.any(Number), raised: expect.any(Number), durationMs: expect.any(Number) });

    const inventory = await call('GET', '/certificates?source=keystore&sort=-expiry');
    expect(inventory.status).toBe(200);
    const certificates = (await inventory.json()) as { source: string; notAfter: string; status: string }[];
    expect(certificates.length).toBeGreaterThan(0);
    expect(certificates.every((c) => c.source === 'keystore' && ['valid', 'expiring', 'expired'].includes(c.status))).toBe(true);
    const notAfters = certificates.map((c) => c.notAfter);
    expect(notAfters).toEqual([...notAfters].sort((x, y) => Date.parse(y) - Date.parse(x)));
    const badQuery = await call('GET', '/certificates?source=nowhere');
    expect(badQuery.status).toBe(400);
    expect(((await badQuery.json()) as { message: string }).message).toMatch(/source must be one of keystore, service-key/);

    const muted = await call('PUT', '/alerts/mutes/flow', { reason: 'renews itself every day' });
    expect(muted.status).toBe(200);
    expect(await muted.json()).toEqual({ source: 'flow', reason: 'renews itself every day', mutedAt: expect.any(String) });
    expect((await call('PUT', '/alerts/mutes/service-key')).status).toBe(200);
    expect(((await (await call('GET', '/alerts/mutes')).json()) as { source: string }[]).map((m) => m.source).sort()).toEqual(['flow', 'service-key']);
    const unknown = await call('PUT', '/alerts/mutes/nowhere', {});
    expect({ status: unknown.status, body: await unknown.json() }).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', message: expect.stringMatching(/^invalid path: source must be one of/), details: { field: 'source' } },
    });
    expect((await call('DELETE', '/alerts/mutes/flow')).status).toBe(204);
    expect((await call('DELETE', '/alerts/mutes/service-key')).status).toBe(204);
    expect(await (await call('GET', '/alerts/mutes')).json()).toEqual([]);
  });
});
