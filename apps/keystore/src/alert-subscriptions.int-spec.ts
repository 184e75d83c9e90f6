import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Counter } from 'prom-client';
import {
  ALERT_SIGNATURE_HEADER,
  AlertStateKv,
  AlertSubjects,
  AlertsRpc,
  Buckets,
  tenantStream,
  tenantSubject,
  type CertificateAlert,
} from '@certgate/contracts';
import { encodeJson, ensureKv, jetStreamErrorCode, listenOnNats, RpcClient } from '@certgate/messaging';
import { OpsServer, PlatformModule } from '@certgate/platform';
import { certgateFailure, freePort, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { AlertSubscriptionsModule } from './app/alert-subscriptions/alert-subscriptions.module';
import { DeliverySupervisor } from './app/alert-subscriptions/delivery-supervisor';
import { systemResolver, WEBHOOK_RESOLVER, type ResolvedAddress, type WebhookResolver } from './app/alert-subscriptions/webhook-destination';
import { verifyWebhookSignature } from './app/alert-subscriptions/webhook-signature';
import { keystoreEnvSchema } from './app/keystore-env';

const MASTER = randomBytes(32).toString('base64url');
const SECRET = 'webhook-secret-' + randomBytes(12).toString('hex');

interface ReplicaOptions {
  /** Extra env, e.g. another CERTGATE_ALERT_WEBHOOK_ALLOW. */
  env?: Record<string, string>;
  /** Answers for these host names instead of the system resolver's (simulated DNS, see {@link TableResolver}). */
  dns?: TableResolver;
}

/**
 * One keystore replica with the subscription module, against the harness' tenant; retries in milliseconds.
 * The receivers of these tests listen on 127.0.0.1, which the webhook destination policy refuses by default:
 * the replicas allow exactly that address.
 */
async function startReplica(h: NatsHarness, nodeId: string, opts: ReplicaOptions = {}): Promise<INestMicroservice> {
  const platform = PlatformModule.forService('keystore', keystoreEnvSchema, {
    ...process.env,
    ...h.env,
    CERTGATE_NODE_ID: nodeId,
    CERTGATE_MASTER_KEY: MASTER,
    CERTGATE_ALERT_WEBHOOK_RETRY_BASE_MS: '20',
    CERTGATE_ALERT_WEBHOOK_RETRY_MAX_MS: '200',
    CERTGATE_ALERT_WEBHOOK_TIMEOUT_MS: '2000',
    CERTGATE_ALERT_WEBHOOK_ALLOW: '127.0.0.1/32',
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  let builder = Test.createTestingModule({ imports: [platform, AlertSubscriptionsModule] });
  if (opts.dns) builder = builder.overrideProvider(WEBHOOK_RESOLVER).useValue(opts.dns.resolve);
  const moduleRef = await builder.compile();
  moduleRef.useLogger(false);
  return listenOnNats(moduleRef);
}

/**
 * DNS as a test wants it: the names in the table resolve to their addresses (changed at
 * will, as a rebinding attacker changes a record), any other name as the system resolves it.
 */
class TableResolver {
  readonly table = new Map<string, string[]>();
  readonly resolve: WebhookResolver = async (host) => {
    const addresses = this.table.get(host);
    if (!addresses) return systemResolver(host);
    return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

interface Call {
  body: Buffer;
  headers: IncomingHttpHeaders;
  status: number;
}

/** A webhook receiver: records every call, answers 500 to the next `failNext` calls, 204 after. */
class Receiver {
  readonly calls: Call[] = [];
  failNext = 0;
  private server?: Server;
  private waiters: (() => void)[] = [];

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/certgate?token=t`;
  }

  /** The alerts taken (2xx), in the order they arrived. */
  get delivered(): CertificateAlert[] {
    return this.calls.filter((c) => c.status < 300).map((c) => JSON.parse(c.body.toString('utf8')) as CertificateAlert);
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.failNext > 0 ? 500 : 204;
        if (status === 500) this.failNext -= 1;
        this.calls.push({ body: Buffer.concat(chunks), headers: req.headers, status });
        res.writeHead(status).end();
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `done()` holds; the test's timeout is the only limit. */
  async until(done: () => boolean): Promise<void> {
    while (!done()) await new Promise<void>((wake) => this.waiters.push(wake));
  }
}

async function deliveryCounts(apps: INestMicroservice[]): Promise<Record<'ok' | 'retry' | 'failed', number>> {
  const out = { ok: 0, retry: 0, failed: 0 };
  for (const app of apps) {
    const counter = app.get(OpsServer).registry.getSingleMetric('certgate_alert_webhook_deliveries_total') as Counter;
    for (const v of (await counter.get()).values) out[v.labels.result as keyof typeof out] += v.value;
  }
  return out;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
}

describe('alert webhook subscriptions (real NATS, real HTTP receivers)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  const apps: INestMicroservice[] = [];
  const receivers: Receiver[] = [];
  let serial = 0;

  const alert = (over: Partial<CertificateAlert> = {}): CertificateAlert => {
    serial += 1;
    return {
      id: `alert-${serial}-${randomBytes(3).toString('hex')}`,
      type: 'expiring',
      source: 'keystore',
      ref: `alias-${serial}#0`,
      subjectDN: `CN=leaf-${serial}, O=certgate tests`,
      issuerDN: 'CN=test ca, O=certgate tests',
      serial: serial.toString(16).padStart(4, '0'),
      fingerprint: randomBytes(32).toString('hex'),
      notAfter: new Date(Date.now() + 13 * 86_400_000).toISOString(),
      daysLeft: 13,
      threshold: 14,
      raisedAt: new Date().toISOString(),
      ...over,
    };
  };

  /** What the monitor does: one event per alert on the tenant's ALERTS stream. */
  const publish = async (a: CertificateAlert) => {
    const subject = tenantSubject(h.tenant, a.type === 'expired' ? AlertSubjects.expired : AlertSubjects.expiring);
    await h.nc.jetstream().publish(subject, encodeJson(a));
  };

  const receiver = async () => {
    const r = new Receiver(await freePort());
    receivers.push(r);
    await r.listen();
    return r;
  };

  const replica = async (nodeId: string, opts?: ReplicaOptions) => {
    const app = await startReplica(h, nodeId, opts);
    apps.push(app);
    return app;
  };

  const stop = async (app: INestMicroservice) => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'webhooks' });
    rpc = new RpcClient(h.nc, h.tenant);
  });

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const r of receivers) await r.close();
    await h?.stop();
  });

  it('a receiver that fails its first three calls gets every alert, in order, each once, with a valid signature (two replicas)', async () => {
    const replicas = [await replica('ks-a'), await replica('ks-b')];
    const before = await deliveryCounts(replicas);
    const r = await receiver();
    r.failNext = 3;
    const sub = await rpc.request(AlertsRpc.createSubscription, { url: r.url, secret: SECRET });
    const alerts = [
      alert(),
      alert({ source: 'flow', ref: 'orders#0' }),
      alert({ type: 'expired', daysLeft: -1, threshold: 0 }),
      alert(),
      alert({ source: 'service-key', ref: 'sender-a/k1' }),
    ];
    for (const a of alerts) await publish(a);

    await r.until(() => r.delivered.length === alerts.length);

    expect(r.delivered).toEqual(alerts);
    expect(r.calls.map((c) => c.status)).toEqual([500, 500, 500, 204, 204, 204, 204, 204]);
    // The first alert was retried until it went through, and only then did the next one go out.
    expect(r.calls.slice(0, 4).map((c) => c.headers['x-certgate-alert-id'])).toEqual(Array(4).fill(alerts[0].id));
    expect(r.calls.slice(0, 4).map((c) => c.headers['x-certgate-delivery-attempt'])).toEqual(['1', '2', '3', '4']);
    for (const c of r.calls) {
      expect(verifyWebhookSignature(SECRET, c.body, c.headers[ALERT_SIGNATURE_HEADER.toLowerCase()] as string)).toBe(true);
      expect(c.headers['content-type']).toBe('application/json');
      expect(c.headers['x-certgate-subscription']).toBe(sub.id);
    }
    await until(async () => (await deliveryCounts(replicas)).ok - before.ok === alerts.length);
    const after = await deliveryCounts(replicas);
    expect({ ok: after.ok - before.ok, retry: after.retry - before.retry, failed: after.failed - before.failed }).toEqual({ ok: 5, retry: 3, failed: 0 });
    const text = await replicas[0].get(OpsServer).registry.metrics();
    expect(text).toMatch(/certgate_alert_webhook_deliveries_total\{result="ok",service="keystore",node="ks-a"\} \d+/);

    // The same counts, kept with the subscription for operators (the list of the API, the CLI and the web console).
    await until(async () => (await rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions.find((x) => x.id === sub.id)?.deliveries.delivered === 5);
    const [listed] = (await rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions.filter((x) => x.id === sub.id);
    expect(listed.deliveries).toEqual({
      delivered: 5,
      failedAttempts: 3,
      lastDeliveredAt: expect.any(String),
      lastFailedAt: expect.any(String),
      lastError: 'receiver answered HTTP 500',
      pending: 0,
    });

    await rpc.request(AlertsRpc.deleteSubscription, { id: sub.id });
    for (const app of replicas) await stop(app);
  });

  it('a receiver that is down while the keystore restarts gets everything afterwards, in order, nothing twice', async () => {
    let ks = await replica('ks-before');
    const r = await receiver();
    const sub = await rpc.request(AlertsRpc.createSubscription, { url: r.url, secret: SECRET });
    const first = alert();
    await publish(first);
    await r.until(() => r.delivered.length === 1);

    await r.close();
    const whileDown = [alert(), alert({ source: 'ingress-trusted-root', ref: 'api#0' })];
    for (const a of whileDown) await publish(a);
    // The keystore has tried the receiver and failed at least once before it goes down.
    await until(async () => (await deliveryCounts([ks])).retry >= 1);
    await stop(ks);
    const whileKeystoreDown = alert({ type: 'expired', daysLeft: 0, threshold: 0 });
    await publish(whileKeystoreDown);

    ks = await replica('ks-after');
    await r.listen();
    await r.until(() => r.delivered.length === 4);

    expect(r.delivered).toEqual([first, ...whileDown, whileKeystoreDown]);
    expect(new Set(r.delivered.map((a) => a.id)).size).toBe(4);
    await rpc.request(AlertsRpc.deleteSubscription, { id: sub.id });
    await stop(ks);
  });

  it('delivers only the sources and thresholds asked for; the others are acknowledged and skipped', async () => {
    const ks = await replica('ks-filters');
    const r = await receiver();
    const sub = await rpc.request(AlertsRpc.createSubscription, { url: r.url, secret: SECRET, sources: ['flow', 'keystore'], thresholds: [7, 0] });
    expect(sub).toMatchObject({ sources: ['flow', 'keystore'], thresholds: [7, 0] });
    const events = [
      alert({ source: 'flow', threshold: 30, daysLeft: 29 }), // threshold not asked for
      alert({ source: 'flow', threshold: 7, daysLeft: 6 }), // wanted
      alert({ source: 'service-key', threshold: 7, daysLeft: 6 }), // source not asked for
      alert({ source: 'keystore', type: 'expired', threshold: 0, daysLeft: -2 }), // wanted
      alert({ source: 'ingress-server-chain', type: 'expired', threshold: 0, daysLeft: 0 }), // source not asked for
      alert({ source: 'keystore', threshold: 7, daysLeft: 7 }), // wanted, and last: once it is in, all before were handled
    ];
    for (const e of events) await publish(e);

    await r.until(() => r.delivered.length === 3);
    expect(r.delivered).toEqual([events[1], events[3], events[5]]);
    const jsm = await h.nc.jetstreamManager();
    await until(async () => (await jsm.consumers.info(tenantStream(h.tenant, 'ALERTS'), sub.consumer)).num_ack_pending === 0);
    const info = await jsm.consumers.info(tenantStream(h.tenant, 'ALERTS'), sub.consumer);
    expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
    await rpc.request(AlertsRpc.deleteSubscription, { id: sub.id });
    await stop(ks);
  });

  it('keeps the secret sealed, never shows it, and deleting a subscription deletes its consumer', async () => {
    const ks = await replica('ks-crud');
    const sub = await rpc.request(AlertsRpc.createSubscription, { url: 'https://hooks.example/certgate', secret: SECRET, sources: ['keystore'] });
    expect(sub).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      url: 'https://hooks.example/certgate',
      sources: ['keystore'],
      createdAt: expect.any(String),
      consumer: `webhook-${sub.id}`,
      deliveries: { delivered: 0, failedAttempts: 0, pending: 0 },
    });
    expect(JSON.stringify(sub)).not.toContain(SECRET);

    const listed = await rpc.request(AlertsRpc.listSubscriptions, {});
    expect(listed.subscriptions).toContainEqual(sub);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    const raw = await (await ensureKv(h.nc, h.tenant, Buckets.alertState)).get(AlertStateKv.subscription(sub.id));
    expect(raw?.string()).toBeDefined();
    expect(raw?.string()).not.toContain(SECRET);
    expect(raw?.json<{ secret: { alg: string } }>().secret.alg).toBe('A256GCM');

    const stream = tenantStream(h.tenant, 'ALERTS');
    const jsm = await h.nc.jetstreamManager();
    const consumer = await jsm.consumers.info(stream, sub.consumer);
    expect(consumer.config).toMatchObject({ durable_name: sub.consumer, max_ack_pending: 1, filter_subject: tenantSubject(h.tenant, AlertSubjects.all) });
    await until(async () => ks.get(DeliverySupervisor).activeSubscriptions.includes(sub.id));

    await rpc.request(AlertsRpc.deleteSubscription, { id: sub.id });
    expect(jetStreamErrorCode(await jsm.consumers.info(stream, sub.consumer).catch((e: unknown) => e))).toBe(10014);
    expect((await rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions.map((s) => s.id)).not.toContain(sub.id);
    await until(async () => !ks.get(DeliverySupervisor).activeSubscriptions.includes(sub.id));
    const again = await certgateFailure(rpc.request(AlertsRpc.deleteSubscription, { id: sub.id }));
    expect({ code: again.code, message: again.message }).toEqual({ code: 'subscription_not_found', message: `no alert subscription with id '${sub.id}'` });
    await stop(ks);
  });

  it('refuses a subscription without a usable URL or with a short secret, naming the problem', async () => {
    const ks = await replica('ks-validation');
    const short = await certgateFailure(rpc.request(AlertsRpc.createSubscription, { url: 'https://hooks.example/x', secret: 'short' }));
    expect(short.code).toBe('validation_failed');
    expect(short.message).toMatch(/secret must be at least 16 characters/);
    const ftp = await certgateFailure(rpc.request(AlertsRpc.createSubscription, { url: 'ftp://hooks.example/x', secret: SECRET }));
    expect(ftp.message).toMatch(/url must be http or https/);
    await stop(ks);
  });

  it('refuses, at create, URLs with credentials or control characters, and destinations the policy does not allow, naming why', async () => {
    const dns = new TableResolver();
    dns.table.set('intranet.acme.test', ['10.1.2.3']);
    dns.table.set('dual.acme.test', ['93.184.215.14', '::ffff:169.254.169.254']);
    // The default policy: nothing allowed but public addresses.
    const ks = await replica('ks-policy', { env: { CERTGATE_ALERT_WEBHOOK_ALLOW: '' }, dns });
    const refused = async (url: string) => {
      const err = await certgateFailure(rpc.request(AlertsRpc.createSubscription, { url, secret: SECRET }));
      return { code: err.code, field: err.details?.field, message: err.message };
    };
    const policy = (reason: string) => ({
      code: 'validation_failed',
      field: 'url',
      message: `invalid request: url: ${reason}: webhooks may not be sent there unless the keystore's CERTGATE_ALERT_WEBHOOK_ALLOW allows it`,
    });

    expect(await refused('https://intranet.acme.test/hooks')).toEqual(policy('intranet.acme.test resolves to 10.1.2.3, a private address'));
    expect(await refused('https://dual.acme.test/hooks')).toEqual(
      policy('dual.acme.test resolves to ::ffff:169.254.169.254, a cloud metadata address (IPv4-mapped 169.254.169.254)'),
    );
    // Resolved by the system (the hosts file): localhost is loopback.
    expect(await refused('http://localhost:8080/hooks')).toEqual({
      ...policy('localhost resolves to'),
      message: expect.stringMatching(/^invalid request: url: localhost resolves to (127\.0\.0\.1|::1), a loopback address: webhooks may not be sent there/),
    });
    expect(await refused('http://169.254.169.254/latest/meta-data/')).toEqual(policy('169.254.169.254 is a cloud metadata address'));
    expect(await refused('http://2852039166/')).toEqual(policy('169.254.169.254 is a cloud metadata address'));
    expect(await refused('http://0xA9FEA9FE/')).toEqual(policy('169.254.169.254 is a cloud metadata address'));
    expect(await refused('http://metadata.google.internal/computeMetadata/v1/')).toEqual(policy('metadata.google.internal is a cloud metadata host name'));
    expect(await refused('http://[fd00:ec2::254]/')).toEqual(policy('fd00:ec2::254 is a cloud metadata address'));
    expect(await refused('http://[::1]:9000/')).toEqual(policy('::1 is a loopback address'));
    expect(await refused('https://192.168.1.20/')).toEqual(policy('192.168.1.20 is a private address'));
    expect(await refused('https://100.64.0.1/')).toEqual(policy('100.64.0.1 is a shared (carrier-grade NAT) address'));
    expect(await refused('https://[fe80::1]/')).toEqual(policy('fe80::1 is a link-local address'));
    expect(await refused('http://0.0.0.0/')).toEqual(policy('0.0.0.0 is an unspecified address'));

    expect(await refused('https://user:pass@hooks.example/x')).toEqual({
      code: 'validation_failed',
      field: 'url',
      message:
        "invalid request: url: url must not contain credentials (user:password@): receivers authenticate deliveries by their X-Certgate-Signature, made with the subscription's secret",
    });
    expect(await refused('https://hooks.exa\r\nmple/x')).toEqual({
      code: 'validation_failed',
      field: 'url',
      message:
        'invalid request: url: url must not contain spaces, control or invisible characters (U+000D at position 17); they are not removed: percent-encode or delete them',
    });
    // Nothing was made: no record, no consumer.
    expect((await rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions).toEqual([]);
    expect((await (await h.nc.jetstreamManager()).consumers.list(tenantStream(h.tenant, 'ALERTS')).next()).map((c) => c.name)).toEqual([]);
    await stop(ks);
  });

  it('checks the destination again before each delivery and connects to the address it checked (DNS rebinding)', async () => {
    const dns = new TableResolver();
    const ks = await replica('ks-rebinding', { dns });
    const r = await receiver();
    // The name exists only in the simulated DNS: a delivery that arrives went to the address checked.
    dns.table.set('hooks.rebind.test', ['127.0.0.1']);
    const sub = await rpc.request(AlertsRpc.createSubscription, { url: `http://hooks.rebind.test:${r.port}/hook`, secret: SECRET });

    dns.table.set('hooks.rebind.test', ['10.0.0.7']);
    const first = alert();
    await publish(first);
    const deliveries = async () => (await rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions.find((s) => s.id === sub.id)?.deliveries;
    await until(async () => ((await deliveries())?.failedAttempts ?? 0) >= 2);
    expect(await deliveries()).toMatchObject({
      delivered: 0,
      lastError: 'refused to connect: hooks.rebind.test resolves to 10.0.0.7, a private address (not allowed for webhooks; see CERTGATE_ALERT_WEBHOOK_ALLOW)',
    });
    expect(r.calls).toEqual([]);

    // Back to the allowed address: the alert held back goes out, retried like any failed attempt.
    dns.table.set('hooks.rebind.test', ['127.0.0.1']);
    await r.until(() => r.delivered.length === 1);
    expect(r.delivered).toEqual([first]);
    expect(r.calls[0].headers.host).toBe(`hooks.rebind.test:${r.port}`);
    await rpc.request(AlertsRpc.deleteSubscription, { id: sub.id });
    await stop(ks);
  });
});
