import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { Buckets, tenantBucket, tenantStream } from '@certgate/contracts';
import { connectNats } from '@certgate/messaging';
import {
  createTestPki,
  natsServerBinary,
  startNatsCluster,
  type NatsCluster,
  type TestLeaf,
  type TestPki,
  ALL_SERVICES,
  startSystem,
  type RunningSystem,
} from '@certgate/testing';
import { AdminWriter } from './admin-writer';
import { consoleApi, eventually, senderCall } from './clients';
import { moveStreamLeader, replicaLag, serviceConnectionsOn, tenantStreams } from './cluster-inspection';
import { describeResponses, RequestLoop, statusCounts, type TimedResponse } from './request-loop';

/** The issue's functional requirement for a plain setup: served again within 5 s after NATS is back. */
const RECOVERY_LIMIT_MS = 5_000;
/** The ingress' wait for the runtime in the plain setup: requests during the outage get their 503 this soon. */
const OUTAGE_REPLY_MS = 2_000;
/** How long the single NATS stays down. */
const OUTAGE_MS = 4_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const print = (text: string) => process.stdout.write(`${text}\n`);
const tls = (leaf: TestLeaf) => ({ cert: leaf.chainPem, key: leaf.keyPem });
const not200 = (r: TimedResponse) => r.status !== 200;

type Api = ReturnType<typeof consoleApi>;

interface Senders {
  /** Scenario 1 of the inbound suite: client_x509 instance with Role1, the flow needs Role1 → 200. */
  alice: TestLeaf;
  /** Trusted root, but in no service key → 401. */
  bob: TestLeaf;
  /** A key of an instance with Role2 only → 403. */
  carol: TestLeaf;
}

async function ok(api: Api, method: string, path: string, body?: unknown): Promise<void> {
  const res = await api(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
}

/** Service instances the writer spreads its keys over: 8 × the limit of 100 keys per instance is more than a run writes. */
const WRITER_INSTANCES = Array.from({ length: 8 }, (_, i) => `writer-${i}`);

/** Inbound scenario 1 plus two senders that must never get through, and instances for the writer's keys. */
async function configure(sys: RunningSystem, pki: TestPki): Promise<{ api: Api; ca: string; senders: Senders }> {
  const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
  const ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
  const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((cn) => pki.issueClient(cn)));
  const x509 = (roles: string[]) => ({ roles, 'grant-types': ['client_x509'], 'redirect-uris': [] });
  await ok(api, 'PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
  await ok(api, 'POST', '/roles', { name: 'Role1' });
  await ok(api, 'POST', '/roles', { name: 'Role2' });
  await ok(api, 'POST', '/service-instances', { name: 'sender-a', parameters: x509(['Role1']) });
  await ok(api, 'POST', '/service-instances/sender-a/keys', { name: 'k1', type: 'external-certificate', certificate: alice.certPem });
  await ok(api, 'POST', '/service-instances', { name: 'sender-c', parameters: x509(['Role2']) });
  await ok(api, 'POST', '/service-instances/sender-c/keys', { name: 'k1', type: 'external-certificate', certificate: carol.certPem });
  for (const name of WRITER_INSTANCES) await ok(api, 'POST', '/service-instances', { name, parameters: x509(['Role1']) });
  await ok(api, 'PUT', '/flows/orders', {
    id: 'orders',
    sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
    steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
  });
  const send = senderCall(sys.ingressPort, ca);
  await eventually(async () => (await send('/orders', tls(alice))).status === 200, 10_000, 100);
  expect((await send('/orders', tls(bob))).status).toBe(401);
  expect((await send('/orders', tls(carol))).status).toBe(403);
  return { api, ca, senders: { alice, bob, carol } };
}

/** What a describe block started, stopped in reverse order (traffic, services, then the NATS nodes they use). */
class Cleanups {
  private readonly steps: (() => Promise<unknown>)[] = [];

  push(...steps: (() => Promise<unknown>)[]): void {
    this.steps.push(...steps);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch((err: Error) => print(`clean-up failed: ${err.message}`));
  }
}

class Traffic {
  readonly authorized: RequestLoop;
  /** Loops whose every answer must be a refusal (or 503 while NATS is away), never 200. */
  readonly unauthorized: { loop: RequestLoop; refusal: number }[];

  constructor(sys: RunningSystem, ca: string, s: Senders) {
    const loop = (label: string, leaf: TestLeaf) => new RequestLoop(label, sys.ingressPort, '/orders', { ca, ...tls(leaf) }).start();
    this.authorized = loop('alice (authorized)', s.alice);
    this.unauthorized = [
      { loop: loop('bob (unknown certificate)', s.bob), refusal: 401 },
      { loop: loop('carol (role mismatch)', s.carol), refusal: 403 },
    ];
  }

  async stop(): Promise<void> {
    await Promise.all([this.authorized.stop(), ...this.unauthorized.map((u) => u.loop.stop())]);
  }

  /** Unauthorized answers other than their refusal or 503: each one fails the test. */
  unexpectedUnauthorized(): string[] {
    return this.unauthorized.flatMap(({ loop, refusal }) =>
      loop.responses.filter((r) => r.status !== refusal && r.status !== 503).map((r) => `${loop.label}: ${r.status} ${r.body}`),
    );
  }

  summary(): string {
    return [this.authorized, ...this.unauthorized.map((u) => u.loop)].map((l) => `  ${l.label}: ${JSON.stringify(statusCounts(l.responses))}`).join('\n');
  }
}

const hasNatsServer = natsServerBinary() !== undefined;
if (!hasNatsServer) print('nats-faults: SKIPPED, no nats-server binary on PATH or at /usr/sbin/nats-server (apt-get install nats-server)');

(hasNatsServer ? describe : describe.skip)('NATS faults (nats-server processes of this suite, services as processes, real TLS)', () => {
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
  });

  describe('a three-node cluster, streams and buckets R3: kill -9 one node under traffic and admin writes', () => {
    let cluster: NatsCluster;
    let sys: RunningSystem;
    const cleanups = new Cleanups();
    // Then every response the suite had from the console, against the OpenAPI document (a failed check fails the suite).
    afterAll(async () => {
      await cleanups.run();
      sys?.exchanges.verify();
    });

    beforeAll(async () => {
      cluster = await startNatsCluster({ nodes: 3 });
      cleanups.push(() => cluster.stop());
      sys = await startSystem('nats-r3', { CERTGATE_NATS_REPLICAS: '3' }, ALL_SERVICES, { natsUrl: cluster.url });
      cleanups.push(() => sys.stop());
    }, 180_000);

    it('loses no acknowledged write, serves every request once the clients reconnected, and the node rejoins and catches up', async () => {
      const { tenant } = sys.harness;
      const { api, ca, senders } = await configure(sys, pki);

      // Every stream and bucket the services created has three replicas.
      const streams = await tenantStreams(sys.harness.nc, tenant);
      const names = streams.map((s) => s.config.name);
      const identityStream = `KV_${tenantBucket(tenant, Buckets.identity)}`;
      expect(names).toEqual(
        expect.arrayContaining([
          identityStream,
          `KV_${tenantBucket(tenant, Buckets.flows)}`,
          `KV_${tenantBucket(tenant, Buckets.keystore)}`,
          tenantStream(tenant, 'ACCESS_LOG'),
          tenantStream(tenant, 'TRACE_LOG'),
        ]),
      );
      expect(streams.filter((s) => s.config.num_replicas !== 3).map((s) => `${s.config.name}: R${s.config.num_replicas}`)).toEqual([]);

      // The victim: the node holding most service connections, made leader of the identity bucket the writes go to.
      const connections = await Promise.all(cluster.nodes.map((n) => serviceConnectionsOn(n)));
      const victimIndex = connections.reduce((best, c, i) => (c.length > connections[best].length ? i : best), 0);
      const victim = cluster.nodes[victimIndex];
      const survivors = cluster.nodes.filter((n) => n !== victim);
      const leads = await moveStreamLeader(sys.harness.nc, identityStream, victim.name);
      print(
        `R3 cluster: ${names.length} streams/buckets, all R3; victim ${victim.name} (pid ${victim.pid}) holds ${connections[victimIndex].join(', ') || 'no service connection'}; leads the identity bucket: ${leads}`,
      );
      const observer: NatsConnection = await connectNats({ servers: survivors.map((n) => n.url), name: 'fault-observer', mode: 'test' });
      cleanups.push(() => observer.close());

      const traffic = new Traffic(sys, ca, senders);
      const writer = new AdminWriter(api, pki, WRITER_INSTANCES, 'r3').start();
      cleanups.push(() => Promise.all([traffic.stop(), writer.stop()]));
      await sleep(3_000);

      const killedAt = Date.now();
      await victim.kill('SIGKILL');
      const everyService = connections.flat();
      await eventually(
        async () => {
          const now = (await Promise.all(survivors.map((n) => serviceConnectionsOn(n)))).flat();
          return everyService.every((name) => now.includes(name));
        },
        30_000,
        100,
      );
      const reconnectedAt = Date.now();
      await sleep(8_000);

      const restartAt = Date.now();
      await victim.start();
      const rejoinedAt = Date.now();
      await sleep(3_000);
      await Promise.all([traffic.stop(), writer.stop()]);

      // Catch-up: the restarted node's own store has every stream up to the leader's last sequence.
      const streamNames = (await tenantStreams(observer, tenant)).map((s) => s.config.name);
      let lagging: string[] = [];
      const catchUpMs = await eventually(
        async () => {
          lagging = (await Promise.all(streamNames.map((s) => replicaLag(observer, victim, s)))).filter((x): x is string => x !== undefined);
          return lagging.length === 0;
        },
        30_000,
        200,
      ).catch(() => -1);

      // Every acknowledged write: read back through the console, and from the restarted node alone.
      const acknowledged = writer.acknowledged();
      const lost = await writer.lost();
      const alone = await connectNats({ servers: victim.url, name: 'fault-victim-reader', mode: 'test' });
      cleanups.push(() => alone.close());
      const kv = await alone.jetstream().views.kv(tenantBucket(tenant, Buckets.identity), { bindOnly: true });
      const missingOnVictim: string[] = [];
      for (const w of acknowledged) if ((await kv.get(w.kvKey))?.operation !== 'PUT') missingOnVictim.push(w.kvKey);

      const failedWrites = writer.writes.filter((w) => w.status >= 300 || w.status < 0);
      const writeOutage = failedWrites.length
        ? `failed from +${failedWrites[0].start - killedAt} ms to +${failedWrites[failedWrites.length - 1].end - killedAt} ms after the kill`
        : 'none failed';
      const auth = traffic.authorized;
      const beforeKill = auth.responses.filter((r) => r.end < killedAt);
      const outage = auth.responses.filter((r) => r.end >= killedAt && r.start < reconnectedAt);
      const afterReconnect = auth.sentBetween(reconnectedAt);
      print(
        [
          `kill -9 of ${victim.name}: every service connection back on the other nodes after ${reconnectedAt - killedAt} ms; restarted node healthy (JetStream current) ${rejoinedAt - restartAt} ms after its start; once the traffic stopped, its own store at every stream's last sequence after ${catchUpMs} ms`,
          `authorized requests: ${beforeKill.filter(not200).length}/${beforeKill.length} failed before the kill, ${outage.filter(not200).length}/${outage.length} during the reconnect, ${afterReconnect.filter(not200).length}/${afterReconnect.length} after it`,
          describeResponses([...outage, ...afterReconnect].filter(not200), killedAt),
          `admin writes: ${acknowledged.length} acknowledged of ${writer.writes.length} (${JSON.stringify(statusCounts(writer.writes))}); ${writeOutage}; found through the console: ${acknowledged.length - lost.length}, on the restarted node alone: ${acknowledged.length - missingOnVictim.length}`,
          ...[...new Set(writer.writes.filter((w) => w.error).map((w) => `  ${w.status} ${w.error}`))].slice(0, 5),
          traffic.summary(),
        ].join('\n'),
      );

      expect(lagging).toEqual([]);
      expect(traffic.unexpectedUnauthorized()).toEqual([]);
      expect(beforeKill.filter(not200)).toEqual([]);
      expect(afterReconnect.filter(not200)).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(10);
      expect(writer.writes.filter((w) => w.start > rejoinedAt && w.status >= 300)).toEqual([]);
      expect(lost).toEqual([]);
      expect(missingOnVictim).toEqual([]);
    }, 240_000);
  });

  describe('a plain setup with one NATS: restart it under traffic', () => {
    let nats: NatsCluster;
    let sys: RunningSystem;
    const cleanups = new Cleanups();
    // Then every response the suite had from the console, against the OpenAPI document (a failed check fails the suite).
    afterAll(async () => {
      await cleanups.run();
      sys?.exchanges.verify();
    });

    beforeAll(async () => {
      nats = await startNatsCluster({ nodes: 1 });
      cleanups.push(() => nats.stop());
      sys = await startSystem('nats-plain', { INGRESS_RUNTIME_TIMEOUT_MS: String(OUTAGE_REPLY_MS) }, ALL_SERVICES, { natsUrl: nats.url });
      cleanups.push(() => sys.stop());
    }, 180_000);

    it('fails closed while NATS is down (503, never 200 without authorization), serves again within 5 s after it is back, and keeps every setting', async () => {
      const { api, ca, senders } = await configure(sys, pki);
      const { alice, bob, carol } = senders;
      const send = senderCall(sys.ingressPort, ca);
      const node = nats.nodes[0];
      const traffic = new Traffic(sys, ca, senders);
      const writer = new AdminWriter(api, pki, WRITER_INSTANCES, 'plain').start();
      cleanups.push(() => Promise.all([traffic.stop(), writer.stop()]));
      await sleep(2_000);

      const downAt = Date.now();
      await node.kill('SIGTERM');
      await sleep(500);
      // One of each kind of sender while NATS is away: none may pass, the authorized one gets 503.
      const [bobDown, carolDown, anonymousDown, aliceDown] = await Promise.all([
        send('/orders', tls(bob)),
        send('/orders', tls(carol)),
        send('/orders'),
        send('/orders', tls(alice)),
      ]);
      await sleep(Math.max(0, downAt + OUTAGE_MS - Date.now()));

      const startedAt = Date.now();
      await node.start();
      const backAt = Date.now();
      const recoveryMs = await eventually(
        async () => (await send('/orders', tls(alice))).status === 200 && (await api('GET', '/roles/Role1')).status === 200,
        30_000,
        50,
      );
      const recoveredAt = Date.now();
      const [bobAfter, carolAfter, anonymousAfter] = await Promise.all([send('/orders', tls(bob)), send('/orders', tls(carol)), send('/orders')]);
      await sleep(3_000);
      await Promise.all([traffic.stop(), writer.stop()]);

      // A change made after the restart still reaches the runtime (its KV watches came back).
      const dave = await pki.issueClient('dave');
      await ok(api, 'POST', '/service-instances/sender-a/keys', { name: 'k2', type: 'external-certificate', certificate: dave.certPem });
      const propagationMs = await eventually(async () => (await send('/orders', tls(dave))).status === 200, 30_000, 50).catch(() => -1);

      const settings = await Promise.all(
        [
          '/roles/Role1',
          '/roles/Role2',
          '/service-instances/sender-a',
          '/service-instances/sender-a/keys/k1',
          '/service-instances/sender-c/keys/k1',
          '/flows/orders',
        ].map(async (path) => `${path} ${(await api('GET', path)).status}`),
      );
      const acknowledged = writer.acknowledged();
      const lost = await writer.lost();
      const auth = traffic.authorized;
      const outage = auth.responses.filter((r) => r.end >= downAt && r.start < recoveredAt);
      const afterRecovery = auth.sentBetween(recoveredAt);
      print(
        [
          `single NATS stopped (SIGTERM) for ${startedAt - downAt} ms; healthy ${backAt - startedAt} ms after its start; requests served again ${recoveryMs} ms after it was back (${recoveredAt - startedAt} ms after its start)`,
          `authorized requests: ${outage.filter(not200).length}/${outage.length} failed during the outage (${JSON.stringify(statusCounts(outage.filter(not200)))}), ${afterRecovery.filter(not200).length}/${afterRecovery.length} after the recovery`,
          `during the outage: bob ${bobDown.status}, carol ${carolDown.status}, no certificate ${anonymousDown.status}, alice ${aliceDown.status}; after: bob ${bobAfter.status}, carol ${carolAfter.status}, no certificate ${anonymousAfter.status}`,
          `admin writes: ${acknowledged.length} acknowledged of ${writer.writes.length} (${JSON.stringify(statusCounts(writer.writes))}); found after the restart: ${acknowledged.length - lost.length}`,
          ...[...new Set(writer.writes.filter((w) => w.error).map((w) => `  ${w.status} ${w.error}`))].slice(0, 5),
          `a key added after the restart let its sender in after ${propagationMs} ms`,
          traffic.summary(),
        ].join('\n'),
      );

      expect(traffic.unexpectedUnauthorized()).toEqual([]);
      expect([bobDown, carolDown, anonymousDown].map((r) => r.status).filter((s) => s !== 503 && s !== 401 && s !== 403)).toEqual([]);
      expect(aliceDown.status).toBe(503);
      expect(outage.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
      expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
      expect(afterRecovery.filter(not200)).toEqual([]);
      expect([bobAfter.status, carolAfter.status, anonymousAfter.status]).toEqual([401, 403, 401]);
      expect(settings).toEqual(settings.map((line) => line.replace(/\d+$/, '200')));
      expect(acknowledged.length).toBeGreaterThan(5);
      expect(lost).toEqual([]);
      expect(propagationMs).toBeGreaterThanOrEqual(0);
    }, 240_000);
  });
});
