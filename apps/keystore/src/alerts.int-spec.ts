import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestMicroservice } from '@nestjs/common';
import {
  AlertsRpc,
  ClassicRpc,
  FlowsRpc,
  IdentityRpc,
  IngressRpc,
  KeystoreRpc,
  certificateAlertSchema,
  tenantStream,
  type CertificateAlert,
  type CertificateSource,
} from '@certgate/contracts';
import { readStreamTail, RpcClient } from '@certgate/messaging';
import { OpsServer } from '@certgate/platform';
import { createTestPki, freePort, launchServices, startNatsHarness, type LaunchedSystem, type NatsHarness, type TestPki } from '@certgate/testing';
import { generateKeyPair, issueCertificate } from '@certgate/x509';
import { CertificateInventory } from './app/alerts/inventory/certificate-inventory';
import { AlertScanner } from './app/alerts/raising/alert-scanner';
import { AlertMutes } from './app/alerts/raising/alert-mutes';
import { startKeystoreReplica } from './test-support/keystore-replica';

/*
 * The expiry monitor against a real NATS, with the real identity, flow runtime and
 * ingress (child processes) writing their buckets, and three keystore replicas in this
 * process sharing one fake clock. Every source holds certificates expiring in 40, 29,
 * 13, 6 and 0 days; each step moves the clock and counts the messages of stream ALERTS.
 */

const DAY = 86_400_000;
const MASTER = randomBytes(32).toString('base64url');
const LABELS = ['d40', 'd29', 'd13', 'd6', 'd0'] as const;
type Label = (typeof LABELS)[number];
/** "0 days": expires six hours after the start. */
const DAYS_LEFT: Record<Label, number> = { d40: 40, d29: 29, d13: 13, d6: 6, d0: 0.25 };

/** A whole second: certificates carry notAfter in seconds, so days left come out whole. */
const T0 = Math.floor(Date.now() / 1000) * 1000;
const clock = { now: T0 };
const setDay = (day: number) => (clock.now = T0 + day * DAY);

async function selfSignedRoot(cn: string, notAfter: Date): Promise<string> {
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  const cert = await issueCertificate({
    subjectDN: `CN=${cn}, O=certgate alerts test`,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    ca: true,
    notBefore: new Date(T0 - DAY),
    notAfter,
  });
  return cert.pem;
}

const startReplica = (h: NatsHarness, nodeId: string): Promise<INestMicroservice> =>
  startKeystoreReplica(h, nodeId, { masterKey: MASTER, clock: () => clock.now });

/** One source's five certificates (40, 29, 13, 6 and 0 days), by label. */
interface CertificateSet {
  source: CertificateSource;
  refs: Partial<Record<Label, string>>;
}

const keyOf = (a: Pick<CertificateAlert, 'source' | 'ref' | 'type' | 'threshold'>) => `${a.source} ${a.ref} ${a.type} ${a.threshold}`;

describe('certificate expiry monitor (real NATS; real identity, flow runtime and ingress; three keystore replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let pki: TestPki;
  let system: LaunchedSystem | undefined;
  let dir = '';
  let replicas: INestMicroservice[] = [];

  const sets = {
    keystore: { source: 'keystore', refs: {} },
    serviceKey: { source: 'service-key', refs: {} },
    mapping: { source: 'user-mapping', refs: {} },
    flow: { source: 'flow', refs: {} },
    envRoots: { source: 'ingress-trusted-root', refs: { d40: 'env#0', d29: 'env#1', d13: 'env#2', d6: 'env#3', d0: 'env#4' } },
    apiRoots: { source: 'ingress-trusted-root', refs: { d40: 'api#0', d29: 'api#1', d13: 'api#2', d6: 'api#3', d0: 'api#4' } },
  } satisfies Record<string, CertificateSet>;
  const ALL_SETS: CertificateSet[] = Object.values(sets);
  const SERVER = { source: 'ingress-server-chain', ref: 'server#0' } as const;

  const ref = (set: CertificateSet, label: Label) => {
    const r = set.refs[label];
    if (!r) throw new Error(`no ${set.source} certificate ${label}`);
    return r;
  };
  /** `(label, threshold)` pairs of `sets` as event keys; threshold 0 = expired. */
  const events = (of: CertificateSet[], pairs: [Label, number][]) =>
    of.flatMap((set) => pairs.map(([label, t]) => keyOf({ source: set.source, ref: ref(set, label), type: t === 0 ? 'expired' : 'expiring', threshold: t })));
  const serverEvent = (t: number) => keyOf({ ...SERVER, type: t === 0 ? 'expired' : 'expiring', threshold: t });

  const notAfter = (label: Label) => new Date(T0 + DAYS_LEFT[label] * DAY);
  const leaf = (cn: string, until: Date) => pki.issueClient(cn, { notBefore: new Date(T0 - 3_600_000), notAfter: until });

  async function streamAlerts(): Promise<CertificateAlert[]> {
    const info = await (await h.nc.jetstreamManager()).streams.info(tenantStream(h.tenant, 'ALERTS'));
    const alerts = (await readStreamTail<unknown>(h.nc, h.tenant, 'ALERTS', 10_000)).map((r) => certificateAlertSchema.parse(r));
    expect(alerts).toHaveLength(info.state.messages);
    return alerts;
  }

  /** The events in the stream (as sorted keys), after checking that no alert id is there twice. */
  async function raised(): Promise<string[]> {
    const alerts = await streamAlerts();
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    return alerts.map(keyOf).sort();
  }

  const sorted = (keys: string[]) => [...keys].sort();

  async function idle(): Promise<void> {
    await Promise.all(replicas.map((r) => r.get(AlertScanner).whenIdle()));
  }

  /** All three replicas scan at the same moment: a real race for every alert. */
  async function scanEverywhere(refreshIngress = false): Promise<void> {
    await Promise.all(replicas.map((r) => r.get(AlertScanner).scanNow({ refreshIngress })));
    await idle();
  }

  /** Waits until every replica's watched state satisfies `ready`, then for the scans those changes started. */
  async function untilEveryReplica(what: string, ready: (replica: INestMicroservice) => boolean): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!replicas.every(ready)) {
      if (Date.now() > deadline) throw new Error(`the replicas did not see ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await idle();
  }

  const holds = (replica: INestMicroservice, source: CertificateSource, refOf: string, fingerprint?: string) =>
    [...replica.get(CertificateInventory).certificates()].some(
      (c) => c.source === source && c.ref === refOf && (fingerprint === undefined || c.fingerprint === fingerprint),
    );

  async function startReplicas(): Promise<void> {
    replicas = await Promise.all(['ka', 'kb', 'kc'].map((n) => startReplica(h, `${n}-${randomBytes(2).toString('hex')}`)));
  }

  async function stopReplicas(): Promise<void> {
    await Promise.all(replicas.map((r) => r.close()));
    replicas = [];
  }

  /** certgate_alerts_raised_total of every running replica, added up. */
  async function raisedTotals(): Promise<number> {
    const texts = await Promise.all(replicas.map(async (r) => (await fetch(`http://127.0.0.1:${r.get(OpsServer).port}/metrics`)).text()));
    return texts
      .flatMap((t) => t.split('\n'))
      .filter((l) => l.startsWith('certgate_alerts_raised_total{'))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  }

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'alerts' });
    rpc = new RpcClient(h.nc, h.tenant);
    pki = await createTestPki({ at: new Date(T0) });
    dir = mkdtempSync(join(tmpdir(), 'certgate-alerts-'));
    // What only the ingress knows: its server chain (the leaf expires in 13 days) and INGRESS_CLIENT_ROOTS.
    const server = await pki.issueServer(['localhost', '127.0.0.1'], { notBefore: new Date(T0 - 3_600_000), notAfter: notAfter('d13') });
    const envRoots = await Promise.all(LABELS.map((label) => selfSignedRoot(`env root ${label}`, notAfter(label))));
    system = await launchServices({
      services: ['identity', 'flow-runtime', 'ingress'],
      nc: h.nc,
      env: {
        ...h.env,
        LOG_LEVEL: 'warn',
        CERTGATE_MASTER_KEY: MASTER,
        CERTGATE_DATA_DIR: join(dir, 'data'),
        CERTGATE_LOG_DIR: join(dir, 'logs'),
        INGRESS_PORT: String(await freePort()),
        INGRESS_SERVER_KEY: server.keyPem,
        INGRESS_SERVER_CHAIN: server.chainPem,
        INGRESS_CLIENT_ROOTS: envRoots.join(''),
      },
      // Classic mode: the flow below lists sender certificates that are in no service key (standard mode refuses that at deployment).
      envOf: { 'flow-runtime': { CERTGATE_MODE: 'classic' } },
    });
  }, 120_000);

  afterAll(async () => {
    await stopReplicas().catch(() => undefined);
    await system?.stop();
    await h?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const DUE_AT_START: [Label, number][] = [
    ['d29', 30],
    ['d13', 14],
    ['d6', 7],
    ['d0', 1],
  ];
  let expected: string[] = [];

  it('three replicas starting at once raise the ingress certificates, once each', async () => {
    await startReplicas();
    await idle();
    expected = [...events([sets.envRoots], DUE_AT_START), serverEvent(14)];
    expect(await raised()).toEqual(sorted(expected));
  }, 60_000);

  it('certificates added through every service: the scans their changes start raise the tightest threshold of each, once', async () => {
    for (const label of LABELS) {
      const cert = await leaf(`keystore ${label}`, notAfter(label));
      await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: `ks-${label}`, certificatePem: cert.certPem });
      sets.keystore.refs = { ...sets.keystore.refs, [label]: `ks-${label}#0` };
    }
    await rpc.request(IdentityRpc.createInstance, { name: 'alerts', parameters: { roles: [], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
    for (const label of LABELS) {
      const cert = await leaf(`service key ${label}`, notAfter(label));
      await rpc.request(IdentityRpc.createKey, { instance: 'alerts', body: { name: `k-${label}`, type: 'external-certificate', certificate: cert.certPem } });
      sets.serviceKey.refs = { ...sets.serviceKey.refs, [label]: `alerts/k-${label}` };
      const user = await leaf(`user ${label}`, notAfter(label));
      const mapping = await rpc.request(ClassicRpc.createMapping, { user: `user-${label}@example.com`, certificate: user.certPem });
      sets.mapping.refs = { ...sets.mapping.refs, [label]: mapping.id };
    }
    const senders = await Promise.all(LABELS.map((label) => leaf(`flow sender ${label}`, notAfter(label))));
    await rpc.request(FlowsRpc.put, {
      id: 'alerts-flow',
      definition: {
        id: 'alerts-flow',
        sender: { address: '/alerts-flow', authorization: { type: 'client-certificate', certificates: senders.map((c) => ({ pem: c.certPem })) } },
        steps: [],
      },
    });
    LABELS.forEach((label, i) => (sets.flow.refs = { ...sets.flow.refs, [label]: `alerts-flow#${i}` }));
    const apiRoots = await Promise.all(LABELS.map((label) => selfSignedRoot(`api root ${label}`, notAfter(label))));
    await rpc.request(IngressRpc.putTrustedRoots, { certificates: apiRoots.join('') });

    await untilEveryReplica('every certificate', (r) => ALL_SETS.every((set) => LABELS.every((l) => holds(r, set.source, ref(set, l)))));
    expected.push(...events([sets.keystore, sets.serviceKey, sets.mapping, sets.flow, sets.apiRoots], DUE_AT_START));
    expect(expected).toHaveLength(6 * 4 + 1);
    expect(await raised()).toEqual(sorted(expected));
    // Each replica counts only what the stream stored from it: together, every alert once.
    expect(await raisedTotals()).toBe(expected.length);
  }, 120_000);

  it('three replicas scanning at the same moment raise nothing more; the inventory shows status and days left, soonest first', async () => {
    await scanEverywhere(true);
    expect(await raised()).toEqual(sorted(expected));

    const viaRpc = await rpc.request(AlertsRpc.scan, {});
    expect(viaRpc).toMatchObject({ raised: 0, certificates: expect.any(Number) });
    expect(viaRpc.certificates).toBeGreaterThanOrEqual(6 * 5 + 2);

    const { certificates } = await rpc.request(AlertsRpc.inventory, { source: 'service-key' });
    expect(certificates.map((c) => [c.ref, c.status, c.daysLeft, c.muted])).toEqual([
      ['alerts/k-d0', 'expiring', 0, false],
      ['alerts/k-d6', 'expiring', 6, false],
      ['alerts/k-d13', 'expiring', 13, false],
      ['alerts/k-d29', 'expiring', 29, false],
      ['alerts/k-d40', 'valid', 40, false],
    ]);
    const latestFirst = await rpc.request(AlertsRpc.inventory, { sort: '-expiry', status: 'expiring' });
    expect(latestFirst.certificates.map((c) => Date.parse(c.notAfter))).toEqual(
      [...latestFirst.certificates.map((c) => Date.parse(c.notAfter))].sort((a, b) => b - a),
    );

    const server = await rpc.request(AlertsRpc.inventory, { source: 'ingress-server-chain' });
    expect(server.certificates.map((c) => [c.ref, c.status])).toEqual([
      ['server#0', 'expiring'],
      ['server#1', 'valid'],
    ]);
  }, 60_000);

  it('moving the clock across thresholds raises each next event once', async () => {
    setDay(1);
    await scanEverywhere();
    expected.push(...events(ALL_SETS, [['d0', 0]]));
    expect(await raised()).toEqual(sorted(expected));

    setDay(11);
    await scanEverywhere();
    await scanEverywhere();
    expected.push(
      ...events(ALL_SETS, [
        ['d40', 30],
        ['d13', 7],
        ['d6', 0],
      ]),
      serverEvent(7),
    );
    expect(expected).toHaveLength(25 + 6 + 19);
    expect(await raised()).toEqual(sorted(expected));
    expect(await raisedTotals()).toBe(expected.length);
    // Only the tightest threshold got an event: d40 → 30 only, d13 (2 days left) → 7 and not 1.
    const d6 = (await streamAlerts()).filter((a) => a.ref === ref(sets.keystore, 'd6')).map((a) => [a.type, a.threshold, a.daysLeft]);
    expect(d6).toEqual([
      ['expiring', 7, expect.any(Number)],
      ['expired', 0, -5],
    ]);
  }, 60_000);

  it('restarting every replica raises nothing twice; the counters of the replicas add up to what they stored', async () => {
    await stopReplicas();
    await startReplicas();
    await idle();
    await scanEverywhere(true);
    expect(await raised()).toEqual(sorted(expected));
    expect(await raisedTotals()).toBe(0);
  }, 60_000);

  it('renewing a certificate (same ref, new certificate) starts its thresholds over', async () => {
    const renewedKs = await leaf('keystore d6 renewed', new Date(T0 + 31 * DAY));
    await rpc.request(KeystoreRpc.deleteEntry, { alias: 'ks-d6' });
    await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 'ks-d6', certificatePem: renewedKs.certPem });
    const renewedKey = await leaf('service key d13 renewed', new Date(T0 + 16 * DAY));
    await rpc.request(IdentityRpc.deleteKey, { instance: 'alerts', key: 'k-d13' });
    await rpc.request(IdentityRpc.createKey, { instance: 'alerts', body: { name: 'k-d13', type: 'external-certificate', certificate: renewedKey.certPem } });

    await untilEveryReplica(
      'the renewed certificates',
      (r) => holds(r, 'keystore', 'ks-d6#0', renewedKs.certificate.fingerprint) && holds(r, 'service-key', 'alerts/k-d13', renewedKey.certificate.fingerprint),
    );
    // 20 days left → 30; 5 days left → 7 (the tightest due), each once.
    expected.push(
      keyOf({ source: 'keystore', ref: 'ks-d6#0', type: 'expiring', threshold: 30 }),
      keyOf({ source: 'service-key', ref: 'alerts/k-d13', type: 'expiring', threshold: 7 }),
    );
    expect(await raised()).toEqual(sorted(expected));
    const newest = (await streamAlerts()).slice(-2);
    expect(newest.map((a) => a.fingerprint).sort()).toEqual([renewedKs.certificate.fingerprint, renewedKey.certificate.fingerprint].sort());
    expect(await raisedTotals()).toBe(2);
  }, 60_000);

  it('a muted source raises nothing; unmuted, what is due by then is raised once', async () => {
    const mute = await rpc.request(AlertsRpc.mute, { source: 'flow', reason: 'senders renew themselves' });
    expect(mute).toEqual({ source: 'flow', reason: 'senders renew themselves', mutedAt: new Date(clock.now).toISOString() });
    await untilEveryReplica('the mute', (r) => r.get(AlertMutes).isMuted('flow'));
    expect((await rpc.request(AlertsRpc.listMutes, {})).mutes).toEqual([mute]);

    setDay(27);
    await scanEverywhere(true);
    const unmuted = [sets.keystore, sets.serviceKey, sets.mapping, sets.envRoots, sets.apiRoots];
    expected.push(
      ...events(unmuted, [
        ['d40', 14],
        ['d29', 7],
      ]),
      ...events([sets.keystore, sets.mapping, sets.envRoots, sets.apiRoots], [['d13', 0]]),
      // The renewed ones: ks-d6 now 4 days left → 7; k-d13 expired.
      keyOf({ source: 'keystore', ref: 'ks-d6#0', type: 'expiring', threshold: 7 }),
      keyOf({ source: 'service-key', ref: 'alerts/k-d13', type: 'expired', threshold: 0 }),
      serverEvent(0),
    );
    expect(await raised()).toEqual(sorted(expected));
    const flow = await rpc.request(AlertsRpc.inventory, { source: 'flow' });
    expect(flow.certificates.every((c) => c.muted)).toBe(true);
    expect((await rpc.request(AlertsRpc.inventory, { source: 'keystore' })).certificates.some((c) => c.muted)).toBe(false);

    await rpc.request(AlertsRpc.unmute, { source: 'flow' });
    await untilEveryReplica('the unmute', (r) => !r.get(AlertMutes).isMuted('flow'));
    expected.push(
      ...events(
        [sets.flow],
        [
          ['d40', 14],
          ['d29', 7],
          ['d13', 0],
        ],
      ),
    );
    expect(await raised()).toEqual(sorted(expected));
    expect((await rpc.request(AlertsRpc.listMutes, {})).mutes).toEqual([]);
  }, 60_000);

  it('AlertsRpc.list: the newest alerts, oldest first; /metrics: a gauge per certificate', async () => {
    const all = await streamAlerts();
    const { alerts } = await rpc.request(AlertsRpc.list, { limit: 3 });
    expect(alerts).toEqual(all.slice(-3));

    const port = replicas[0].get(OpsServer).port;
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = (name: string, refOf: string) => text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`ref="${refOf}"`));
    const d40 = line('certgate_certificate_expires_in_seconds', 'alerts-flow#0');
    expect(d40).toMatch(/source="flow"/);
    expect(d40).toMatch(/subject_cn="flow sender d40"/);
    // 40 days from T0, read at day 27: 13 days.
    expect(Number(d40?.split(' ').pop())).toBe(13 * 86_400);
    expect(Number(line('certgate_certificate_not_after_seconds', 'alerts-flow#0')?.split(' ').pop())).toBe(notAfter('d40').getTime() / 1000);
  }, 60_000);
});
