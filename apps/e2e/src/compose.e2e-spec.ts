import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import type { AccessLogRecord, MplRecord } from '@certgate/contracts';
import { composeAvailability, createTestPki, natsServerBinary, REPO_ROOT, type TestLeaf, type TestPki } from '@certgate/testing';
import { eventually } from './clients';
import { COMPOSE_USERS, startComposeNats, upComposeStack, type ComposeNats, type ComposeStack, type ComposeUser } from './compose-stack';

type Outcome = 'allowed' | 'denied';

/** `denied` when the server refuses the publish; a request nobody answers did get through. */
async function outcome(op: () => Promise<unknown>): Promise<Outcome> {
  try {
    await op();
    return 'allowed';
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'PERMISSIONS_VIOLATION' || /permissions violation/i.test(e.message ?? '')) return 'denied';
    if (e.code === '503' || e.code === 'TIMEOUT') return 'allowed';
    throw err;
  }
}

const only = (allowed: ComposeUser[]): Record<ComposeUser, Outcome> =>
  Object.fromEntries(COMPOSE_USERS.map((u) => [u, allowed.includes(u) ? 'allowed' : 'denied'])) as Record<ComposeUser, Outcome>;

const BUCKET_OWNERS: Record<string, ComposeUser> = {
  identity: 'identity',
  keystore: 'keystore',
  'alert-state': 'keystore',
  flows: 'flow-runtime',
  ingress: 'ingress',
};

(natsServerBinary() ? describe : describe.skip)('NATS users of docker-compose.yml (its nats.conf on a nats-server process)', () => {
  let nats: ComposeNats;
  const conns = {} as Record<ComposeUser, NatsConnection>;

  beforeAll(async () => {
    nats = await startComposeNats();
    for (const user of COMPOSE_USERS) conns[user] = await nats.connectAs(user);
  });

  afterAll(async () => {
    await Promise.all(Object.values(conns).map((nc) => nc.close()));
    await nats?.stop();
  });

  const requestAs = (subject: string) => async (user: ComposeUser) => [
    user,
    await outcome(() => conns[user].request(`certgate.default.${subject}`, new Uint8Array(), { timeout: 2000 })),
  ];
  const byUser = async (probe: (user: ComposeUser) => Promise<(string | Outcome)[]>) => Object.fromEntries(await Promise.all(COMPOSE_USERS.map(probe)));

  it('only flow-runtime may request key material', async () => {
    expect(await byUser(requestAs('keystore.runtime.key-material.v1'))).toEqual(only(['flow-runtime']));
  });

  it.each(['runtime.invoke.v2', 'runtime.invoke.v1'])('only the ingress may invoke a flow (%s)', async (subject) => {
    expect(await byUser(requestAs(subject))).toEqual(only(['ingress']));
  });

  it.each(['identity.roles.create.v1', 'keystore.key-pairs.generate.v1', 'runtime.flows.put.v1', 'ingress.trusted-roots.put.v1'])(
    'only console may send the admin command %s',
    async (subject) => {
      expect(await byUser(requestAs(subject))).toEqual(only(['console']));
    },
  );

  it('each service writes only its own buckets; nobody deletes a stream', async () => {
    const name = (bucket: string) => `certgate_default_${bucket}`;
    for (const [bucket, owner] of Object.entries(BUCKET_OWNERS)) await conns[owner].jetstream().views.kv(name(bucket));
    for (const [bucket, owner] of Object.entries(BUCKET_OWNERS)) {
      const writes = await byUser(async (user) => [
        user,
        await outcome(async () => (await conns[user].jetstream().views.kv(name(bucket))).put('probe', new Uint8Array([1]))),
      ]);
      expect({ bucket, writes }).toEqual({ bucket, writes: only([owner]) });
    }
    const deletes = await byUser(async (user) => [
      user,
      await outcome(() => conns[user].request('$JS.API.STREAM.DELETE.KV_certgate_default_identity', new Uint8Array(), { timeout: 2000 })),
    ]);
    expect(deletes).toEqual(only([]));
  });

  it('a service cannot listen on another service subjects (e.g. to catch key-material requests)', async () => {
    const subscribed = async (user: ComposeUser, subject: string) => {
      const sub = conns[user].subscribe(subject);
      // The server answers SUB before the PING of flush: a refusal has closed it by then.
      await conns[user].flush();
      const open = !sub.isClosed();
      sub.unsubscribe();
      return open;
    };
    expect(await subscribed('identity', 'certgate.default.keystore.runtime.key-material.v1')).toBe(false);
    expect(await subscribed('ingress', 'certgate.default.keystore.>')).toBe(false);
    expect(await subscribed('keystore', 'certgate.default.keystore.runtime.key-material.v1')).toBe(true);
  });
});

const compose = composeAvailability();
if (!compose.ok) process.stdout.write(`compose suites skipped: ${compose.reason}\n`);
const standalone = compose.ok && compose.standalone;
const project = (name: string) => `certgate-e2e-${name}-${randomBytes(3).toString('hex')}`;
const tls = (leaf: TestLeaf) => ({ cert: leaf.chainPem, key: leaf.keyPem });

interface Health {
  status: string;
  services: Record<string, { replicas: { nodeId: string }[] }>;
}

/** Issue 3's inbound scenario 1 set up through the console: trusted root, Role1, instance sender-a with key k1, flow /orders. */
async function setUpScenario1(stack: ComposeStack, pki: TestPki, alice: TestLeaf): Promise<void> {
  const { api } = stack;
  expect((await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(200);
  expect((await api('POST', '/roles', { name: 'Role1', description: 'orders' })).status).toBe(201);
  expect(
    (await api('POST', '/service-instances', { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } }))
      .status,
  ).toBe(201);
  expect((await api('POST', '/service-instances/sender-a/keys', { name: 'k1', type: 'external-certificate', certificate: alice.certPem })).status).toBe(201);
  const flow = {
    id: 'orders',
    sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
    steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
  };
  expect((await api('PUT', '/flows/orders', flow)).status).toBe(200);
}

/** Sends until one call is answered 200 (changes reach every replica through KV watches), at most ~2 s of retries. */
async function firstOk(stack: ComposeStack, leaf: TestLeaf) {
  let res = await stack.send('/orders', tls(leaf));
  for (let i = 0; res.status !== 200 && i < 40; i++) res = await new Promise((r) => setTimeout(r, 50)).then(() => stack.send('/orders', tls(leaf)));
  return res;
}

function natsViolations(stack: ComposeStack, ...services: string[]): string[] {
  return services.flatMap((service) => {
    const logs = spawnSync('docker', ['logs', stack.container(service).getId()], { encoding: 'utf8' });
    return `${logs.stdout}${logs.stderr}`.split('\n').filter((l) => /violation/i.test(l));
  });
}

(compose.ok ? describe : describe.skip)('docker compose: the whole stack from docker-compose.yml, flow-runtime ×3 and identity ×2', () => {
  let stack: ComposeStack;
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
    stack = await upComposeStack({ project: project('scaled'), standalone, scale: { 'flow-runtime': 3, identity: 2 } });
  }, 360_000);

  afterAll(async () => {
    await stack?.down();
  }, 120_000);

  it('the console sees every replica: 3 flow-runtime, 2 identity, one of each other service', async () => {
    const health = await stack.api<Health>('GET', '/health');
    expect(health.status).toBe(200);
    const counts = Object.fromEntries(Object.entries(health.body.services).map(([s, v]) => [s, v.replicas.length]));
    expect(counts).toEqual({ ingress: 1, identity: 2, keystore: 1, 'flow-runtime': 3, console: 1 });
  });

  it('the console image serves the web console at / with its Content-Security-Policy', async () => {
    const res = await fetch(`http://127.0.0.1:${stack.container('console').getMappedPort(8080)}/roles`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'; style-src 'self' 'nonce-/);
    expect(await res.text()).toContain('<div id="root"></div>');
  });

  it('inbound scenario 1 through the published ingress port: role → client_x509 instance → external-certificate key → role flow → 200, the access log names the client id', async () => {
    const alice = await pki.issueClient('alice');
    await setUpScenario1(stack, pki, alice);
    const res = await firstOk(stack, alice);
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok sb-sender-a!k1');
    const requestId = String(res.headers['x-request-id']);
    const lines = async () => (await stack.api<AccessLogRecord[]>('GET', '/logs/access?limit=1000')).body;
    await eventually(async () => (await lines()).some((r) => r.requestId === requestId), 5000);
    // The client address is Docker's port proxy on the bridge, not 127.0.0.1.
    expect((await lines()).find((r) => r.requestId === requestId)?.line).toMatch(
      /^\S+ - sb-sender-a!k1 \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] POST \/http\/orders HTTP\/1\.1 200$/,
    );
  });

  it('spreads requests over the three flow-runtime replicas (message processing log per replica)', async () => {
    const { api, send } = stack;
    const alice = await pki.issueClient('alice-load');
    expect((await api('POST', '/service-instances/sender-a/keys', { name: 'k2', type: 'external-certificate', certificate: alice.certPem })).status).toBe(201);
    expect((await firstOk(stack, alice)).status).toBe(200);
    const runtimes = (await api<Health>('GET', '/health')).body.services['flow-runtime'].replicas.map((r) => r.nodeId);
    const records = async () => (await api<MplRecord[]>('GET', '/message-logs?flowId=orders&limit=1000')).body;
    const before = (await records()).length;
    const total = 60;
    let ok = 0;
    for (let i = 0; i < total; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => send('/orders', tls(alice))));
      ok += batch.filter((r) => r.status === 200).length;
    }
    expect(ok).toBe(total);
    await eventually(async () => (await records()).length >= before + total, 10_000);
    const perReplica: Record<string, number> = {};
    for (const r of (await records()).slice(before)) perReplica[r.nodeId] = (perReplica[r.nodeId] ?? 0) + 1;
    process.stdout.write(`compose: ${total} requests over the flow-runtime replicas, MPL records per nodeId: ${JSON.stringify(perReplica)}\n`);
    expect(Object.keys(perReplica).sort()).toEqual([...runtimes].sort());
    expect(Object.values(perReplica).every((n) => n > 0)).toBe(true);
  });

  it('a crashed replica is restarted by its restart policy and becomes healthy again while the others serve', async () => {
    const victim = stack.container('flow-runtime', 2);
    const inspect = () =>
      JSON.parse(spawnSync('docker', ['inspect', victim.getId()], { encoding: 'utf8' }).stdout)[0] as {
        RestartCount: number;
        State: { Status: string; Health?: { Status: string } };
      };
    const alice = await pki.issueClient('alice-crash');
    expect((await stack.api('POST', '/service-instances/sender-a/keys', { name: 'k3', type: 'external-certificate', certificate: alice.certPem })).status).toBe(
      201,
    );
    expect((await firstOk(stack, alice)).status).toBe(200);
    // kill(-1) as the service user: the node process, not docker-init (PID 1) — a crash, not a `docker stop`.
    await victim.exec(['sh', '-c', 'kill -9 -1']);
    await eventually(async () => inspect().RestartCount >= 1, 60_000, 250);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => stack.send('/orders', tls(alice)).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await eventually(async () => inspect().State.Health?.Status === 'healthy', 120_000, 500);
    expect(inspect().State.Status).toBe('running');
  }, 200_000);

  it('NATS refused nothing the services did: no permission violation in its log', () => {
    expect(natsViolations(stack, 'nats')).toEqual([]);
  });
});

(compose.ok ? describe : describe.skip)('docker compose, profile cluster (tools/docker/cluster.env): three NATS nodes, R3 streams and buckets', () => {
  let stack: ComposeStack;
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
    stack = await upComposeStack({ project: project('cluster'), standalone, envFile: join(REPO_ROOT, 'tools/docker/cluster.env') });
  }, 360_000);

  afterAll(async () => {
    await stack?.down();
  }, 120_000);

  it('every stream and bucket the services made has three replicas, one per node', async () => {
    const jsz = await stack.container('nats').exec(['wget', '-qO-', 'http://127.0.0.1:8222/jsz?accounts=true&streams=true&config=true']);
    const details =
      (
        JSON.parse(jsz.output) as {
          account_details?: {
            stream_detail?: { name: string; config?: { num_replicas: number }; cluster?: { leader?: string; replicas?: { name: string }[] } }[];
          }[];
        }
      ).account_details ?? [];
    const streams = details.flatMap((a) => a.stream_detail ?? []).filter((s) => s.name.includes('certgate_default_'));
    // Seen from node `nats`: it holds the stream itself, `replicas` lists the other peers.
    const nodes = (s: (typeof streams)[number]) => [...new Set(['nats', s.cluster?.leader, ...(s.cluster?.replicas ?? []).map((r) => r.name)])].sort();
    expect(streams.length).toBeGreaterThanOrEqual(9);
    expect(streams.map((s) => [s.name, s.config?.num_replicas, nodes(s)])).toEqual(streams.map((s) => [s.name, 3, ['nats', 'nats-2', 'nats-3']]));
  });

  it('serves inbound scenario 1, and keeps serving it and taking admin writes with one NATS node stopped', async () => {
    const alice = await pki.issueClient('alice');
    await setUpScenario1(stack, pki, alice);
    expect((await firstOk(stack, alice)).text).toBe('ok sb-sender-a!k1');
    await stack.container('nats-3').stop({ remove: false, timeout: 10_000 });
    // Clients of the stopped node reconnect to the others (reconnect wait 1 s): the first answer may take that long.
    await eventually(async () => (await stack.send('/orders', tls(alice))).status === 200, 30_000, 250);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => stack.send('/orders', tls(alice)).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // A write needs a quorum of the R3 bucket: 2 of 3 nodes. 409: an earlier attempt did land.
    await eventually(async () => [201, 409].includes((await stack.api('POST', '/roles', { name: 'Role2' })).status), 30_000, 250);
    expect((await stack.api('GET', '/roles/Role2')).status).toBe(200);
  }, 120_000);

  it('NATS refused nothing the services did: no permission violation in the logs of the nodes', () => {
    expect(natsViolations(stack, 'nats', 'nats-2')).toEqual([]);
  });
});
