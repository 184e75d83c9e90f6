import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@certgate/contracts';
import {
  createTestPki,
  measurePropagation,
  type TestLeaf,
  type TestPki,
  type WatchedBucket,
  checkExchangesAndStop,
  startSystem,
  type RunningSystem,
} from '@certgate/testing';
import { consoleApi } from './clients';

/** Two identity and two flow-runtime replicas, as issue 4 asks. */
const REPLICATED: ServiceName[] = ['identity', 'identity', 'keystore', 'flow-runtime', 'flow-runtime', 'ingress', 'console'];
const RUNTIME_REPLICAS = 2;
const PROPAGATION_LIMIT_MS = 1000;

interface Sample {
  start: number;
  status: number;
}

/**
 * A sender calling one address in a loop over its own keep-alive connection, until
 * stopped; every response is kept with the time its request was sent.
 */
class SenderLoop {
  readonly samples: Sample[] = [];
  private running = true;
  private readonly agent: Agent;
  private loop?: Promise<void>;

  constructor(
    private readonly port: number,
    ca: string,
    private readonly address: string,
    leaf: TestLeaf,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, ca, cert: leaf.chainPem, key: leaf.keyPem });
  }

  start(): this {
    this.loop = (async () => {
      while (this.running) {
        const start = Date.now();
        this.samples.push({ start, status: await this.call() });
      }
    })();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.agent.destroy();
  }

  private call(): Promise<number> {
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: this.port, path: `/http${this.address}`, method: 'POST', agent: this.agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(-1));
      req.end();
    });
  }

  failuresSince(from = 0): Sample[] {
    return this.samples.filter((s) => s.start >= from && s.status !== 200);
  }

  /** Samples sent after `from` whose status is not `status`. */
  otherThan(status: number, from: number): Sample[] {
    return this.samples.filter((s) => s.start >= from && s.status !== status);
  }

  countSince(from: number): number {
    return this.samples.filter((s) => s.start >= from).length;
  }
}

/** Runs a change and measures until every runtime replica serves it (ms from the start of the API call). */
const timedChange = (sys: RunningSystem, bucket: WatchedBucket, change: () => Promise<void>) =>
  measurePropagation(sys.harness.nc, sys.harness.tenant, { bucket, replicas: RUNTIME_REPLICAS, timeoutMs: 5 * PROPAGATION_LIMIT_MS }, change);

const x509 = (roles: string[]) => ({ roles, 'grant-types': ['client_x509'], 'redirect-uris': [] });

describe('live changes under load: two identity and two runtime replicas, senders calling all along', () => {
  let sys: RunningSystem;
  let pki: TestPki;
  let api: ReturnType<typeof consoleApi>;
  let ca: string;
  const loops: SenderLoop[] = [];
  const propagation: Record<string, number> = {};

  const loop = (address: string, leaf: TestLeaf) => {
    const l = new SenderLoop(sys.ingressPort, ca, address, leaf).start();
    loops.push(l);
    return l;
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await api(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  };

  beforeAll(async () => {
    pki = await createTestPki();
    sys = await startSystem('live', {}, REPLICATED);
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    await ok('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
    await ok('POST', '/roles', { name: 'R1' });
    await ok('POST', '/roles', { name: 'R2' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(loops.map((l) => l.stop()));
    await checkExchangesAndStop(sys);
  });

  it('applies six kinds of change, each in force on every replica within a second, without failing one request of an unchanged sender', async () => {
    const [stable1, stable2, n1, n2, late, extra] = await Promise.all(
      ['stable-1', 'stable-2', 'new-1', 'new-2', 'late', 'extra'].map((cn) => pki.issueClient(cn)),
    );
    await ok('POST', '/service-instances', { name: 'stable', parameters: x509(['R1']) });
    await ok('POST', '/service-instances/stable/keys', { name: 's1', type: 'external-certificate', certificate: stable1.certPem });
    await ok('POST', '/service-instances/stable/keys', { name: 's2', type: 'external-certificate', certificate: stable2.certPem });
    await ok('POST', '/service-instances/stable/keys', { name: 'x1', type: 'external-certificate', certificate: extra.certPem });
    await ok('POST', '/service-instances', { name: 'rolling', parameters: x509(['R1']) });
    await ok('POST', '/service-instances', { name: 'late', parameters: x509(['R2']) });
    await ok('POST', '/service-instances/late/keys', { name: 'l1', type: 'external-certificate', certificate: late.certPem });
    await ok('PUT', '/flows/orders', {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'R1' } },
      steps: [{ type: 'respond', status: 200, body: 'ok' }],
    });
    const listed = (pems: string[]) => ({
      id: 'listed',
      sender: { address: '/listed', authorization: { type: 'client-certificate', certificates: pems.map((pem) => ({ pem })) } },
      steps: [{ type: 'respond', status: 200, body: 'in' }],
    });
    await ok('PUT', '/flows/listed', listed([stable1.certPem]));
    await timedChange(sys, 'flows', async () => undefined);

    // Unchanged senders: every one of their requests must succeed, from start to end.
    const steady = [loop('/orders', stable1), loop('/orders', stable2), loop('/listed', stable1)];
    const newcomer1 = loop('/orders', n1);
    const newcomer2 = loop('/orders', n2);
    const lateSender = loop('/orders', late);
    const extraSender = loop('/listed', extra);
    await new Promise((r) => setTimeout(r, 300));

    const c1 = await timedChange(sys, 'identity', () =>
      ok('POST', '/service-instances/rolling/keys', { name: 'k1', type: 'external-certificate', certificate: n1.certPem }),
    );
    propagation['key added'] = c1.ms;
    const c2 = await timedChange(sys, 'identity', () =>
      ok('POST', '/service-instances/rolling/keys', { name: 'k2', type: 'external-certificate', certificate: n2.certPem }),
    );
    propagation['second key (rollover)'] = c2.ms;
    await new Promise((r) => setTimeout(r, 200));
    const c3 = await timedChange(sys, 'identity', () => ok('DELETE', '/service-instances/rolling/keys/k1'));
    propagation['old key deleted'] = c3.ms;
    const c4 = await timedChange(sys, 'identity', () => ok('PUT', '/service-instances/late', { parameters: x509(['R2', 'R1']) }));
    propagation['role added to an instance'] = c4.ms;
    const c5 = await timedChange(sys, 'flows', () => ok('PUT', '/flows/listed', listed([stable1.certPem, extra.certPem])));
    propagation['flow redeployed with a new certificate list'] = c5.ms;
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(loops.map((l) => l.stop()));

    for (const s of steady) {
      expect(s.countSince(0)).toBeGreaterThan(20);
      expect(s.failuresSince(0)).toEqual([]);
    }
    // Each changed sender: from the moment the change was in force on every replica, only the new outcome.
    expect(newcomer1.otherThan(200, c1.inForceAt).filter((s) => s.start < c3.startedAt)).toEqual([]);
    expect(newcomer1.otherThan(401, c3.inForceAt)).toEqual([]);
    expect(newcomer1.countSince(c3.inForceAt)).toBeGreaterThan(0);
    expect(newcomer2.otherThan(200, c2.inForceAt)).toEqual([]);
    expect(lateSender.samples.filter((s) => s.start < c4.startedAt && s.status !== 403)).toEqual([]);
    expect(lateSender.otherThan(200, c4.inForceAt)).toEqual([]);
    expect(extraSender.otherThan(200, c5.inForceAt)).toEqual([]);
    expect(extraSender.countSince(c5.inForceAt)).toBeGreaterThan(0);

    expect(Object.entries(propagation).filter(([, ms]) => ms > PROPAGATION_LIMIT_MS)).toEqual([]);
    const worst = Math.max(...Object.values(propagation));
    const requests = loops.reduce((n, l) => n + l.samples.length, 0);
    process.stdout.write(
      `live changes: ${requests} requests from ${loops.length} senders; propagation to all ${RUNTIME_REPLICAS} runtime replicas (ms): ${JSON.stringify(propagation)}; worst ${worst} ms\n`,
    );
  }, 60_000);
});

describe('live mapping changes under load (classic mode, two identity and two runtime replicas)', () => {
  let sys: RunningSystem;
  const loops: SenderLoop[] = [];

  beforeAll(async () => {
    sys = await startSystem('live-classic', { CERTGATE_MODE: 'classic' }, REPLICATED);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(loops.map((l) => l.stop()));
    await checkExchangesAndStop(sys);
  });

  it('a mapping removed and another added are in force on every replica within a second; the unchanged user never fails', async () => {
    const pki = await createTestPki();
    const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    const ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    const ok = async (method: string, path: string, body?: unknown) => {
      const res = await api<{ id?: string }>(method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await ok('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
    await ok('POST', '/roles', { name: 'R1' });
    await ok('PUT', '/flows/orders', {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'R1' } },
      steps: [{ type: 'respond', status: 200, body: 'ok' }],
    });
    const [kept, removed, added] = await Promise.all(['kept', 'removed', 'added'].map((cn) => pki.issueClient(cn)));
    await ok('POST', '/certificate-user-mappings', { user: 'alice', certificate: kept.certPem });
    const gone = await ok('POST', '/certificate-user-mappings', { user: 'bob', certificate: removed.certPem });
    await ok('POST', '/groups', { name: 'senders', roles: ['R1'], users: ['alice', 'bob', 'carol'] });
    await timedChange(sys, 'flows', async () => undefined);
    await timedChange(sys, 'identity', async () => undefined);

    const start = (leaf: TestLeaf) => {
      const l = new SenderLoop(sys.ingressPort, ca, '/orders', leaf).start();
      loops.push(l);
      return l;
    };
    const steady = start(kept);
    const bob = start(removed);
    const carol = start(added);
    await new Promise((r) => setTimeout(r, 300));
    const del = await timedChange(sys, 'identity', async () => void (await ok('DELETE', `/certificate-user-mappings/${gone.id}`)));
    const add = await timedChange(
      sys,
      'identity',
      async () => void (await ok('POST', '/certificate-user-mappings', { user: 'carol', certificate: added.certPem })),
    );
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(loops.map((l) => l.stop()));

    expect(steady.countSince(0)).toBeGreaterThan(20);
    expect(steady.failuresSince(0)).toEqual([]);
    expect(bob.otherThan(401, del.inForceAt)).toEqual([]);
    expect(bob.countSince(del.inForceAt)).toBeGreaterThan(0);
    expect(carol.otherThan(200, add.inForceAt)).toEqual([]);
    expect(del.ms).toBeLessThanOrEqual(PROPAGATION_LIMIT_MS);
    expect(add.ms).toBeLessThanOrEqual(PROPAGATION_LIMIT_MS);
    process.stdout.write(
      `live mapping changes: propagation to all ${RUNTIME_REPLICAS} runtime replicas: mapping deleted ${del.ms} ms, mapping added ${add.ms} ms\n`,
    );
  }, 60_000);
});
