import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { DockerComposeEnvironment, Wait, type StartedDockerComposeEnvironment, type StartedTestContainer } from 'testcontainers';
import type { AccessLogRecord, MplRecord } from '@certgate/contracts';
import { composeAvailability, createTestPki, natsServerBinary, REPO_ROOT, useLocalTestcontainers, type TestPki } from '@certgate/testing';
import { consoleApi, eventually, senderCall } from './clients';
import { COMPOSE_USERS, makeComposeSecrets, startComposeNats, type ComposeNats, type ComposeUser } from './compose-stack';

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

const BUCKET_OWNERS: Record<string, ComposeUser> = { identity: 'identity', keystore: 'keystore', 'alert-state': 'keystore', flows: 'flow-runtime', ingress: 'ingress' };

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

  const requestAs = (subject: string) => async (user: ComposeUser) => [user, await outcome(() => conns[user].request(`certgate.default.${subject}`, new Uint8Array(), { timeout: 2000 }))];
  const byUser = async (probe: (user: ComposeUser) => Promise<(string | Outcome)[]>) => Object.fromEntries(await Promise.all(COMPOSE_USERS.map(probe)));

  it('only flow-runtime may request key material', async () => {
    expect(await byUser(requestAs('keystore.runtime.key-material.v1'))).toEqual(only(['flow-runtime']));
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
      const writes = await byUser(async (user) => [user, await outcome(async () => (await conns[user].jetstream().views.kv(name(bucket))).put('probe', new Uint8Array([1])))]);
      expect({ bucket, writes }).toEqual({ bucket, writes: only([owner]) });
    }
    const deletes = await byUser(async (user) => [user, await outcome(() => conns[user].request('$JS.API.STREAM.DELETE.KV_certgate_default_identity', new Uint8Array(), { timeout: 2000 }))]);
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
if (!compose.ok) process.stdout.write(`compose suite skipped: ${compose.reason}\n`);

/** A container of the stack by service and replica number, whether Compose v1 (`_1`) or v2 (`-1`) named it. */
function container(env: StartedDockerComposeEnvironment, service: string, n = 1): StartedTestContainer {
  try {
    return env.getContainer(`${service}_${n}`);
  } catch {
    return env.getContainer(`${service}-${n}`);
  }
}

(compose.ok ? describe : describe.skip)('docker compose: the whole stack from docker-compose.yml, flow-runtime ×3 and identity ×2', () => {
  let env: StartedDockerComposeEnvironment;
  let secrets: string;
  let pki: TestPki;
  let api: ReturnType<typeof consoleApi>;
  let send: ReturnType<typeof senderCall>;
  const project = `certgate-e2e-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    if (!compose.ok) return;
    useLocalTestcontainers();
    secrets = makeComposeSecrets();
    pki = await createTestPki();
    const started = Date.now();
    env = await new DockerComposeEnvironment(REPO_ROOT, 'docker-compose.yml')
      .withProjectName(project)
      // Published on loopback ports Docker picks, so the suite never collides with a running stack.
      .withEnvironment({ CERTGATE_SECRETS_DIR: secrets, INGRESS_PUBLISH: '127.0.0.1:', CONSOLE_PUBLISH: '127.0.0.1:' })
      .withClientOptions({
        commandOptions: ['--scale', 'flow-runtime=3', '--scale', 'identity=2'],
        ...(compose.standalone ? { executable: { standalone: true as const } } : {}),
      })
      .withDefaultWaitStrategy(Wait.forHealthCheck())
      .withStartupTimeout(240_000)
      .up();
    process.stdout.write(`compose: ${project} up and healthy in ${Date.now() - started} ms (${compose.standalone ? 'docker-compose v1' : 'docker compose'})\n`);
    const ingress = container(env, 'ingress');
    const ca = (await ingress.exec(['cat', '/data/ingress/dev-root-ca.pem'])).output;
    api = consoleApi(`http://127.0.0.1:${container(env, 'console').getMappedPort(8080)}/api/v1`, readFileSync(join(secrets, 'admin-token'), 'utf8').trim());
    send = senderCall(ingress.getMappedPort(8443), ca);
  }, 360_000);

  afterAll(async () => {
    await env?.down({ removeVolumes: true, timeout: 10_000 });
    if (secrets) rmSync(join(secrets, '..'), { recursive: true, force: true });
  }, 120_000);

  it('the console sees every replica: 3 flow-runtime, 2 identity, one of each other service', async () => {
    const health = await api<{ status: string; services: Record<string, { replicas: unknown[] }> }>('GET', '/health');
    expect(health.status).toBe(200);
    const counts = Object.fromEntries(Object.entries(health.body.services).map(([s, v]) => [s, v.replicas.length]));
    expect(counts).toEqual({ ingress: 1, identity: 2, keystore: 1, 'flow-runtime': 3, console: 1 });
  });

  it('inbound scenario 1 through the published ingress port: role → client_x509 instance → external-certificate key → role flow → 200, the access log names the client id', async () => {
    const alice = await pki.issueClient('alice');
    expect((await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(200);
    expect((await api('POST', '/roles', { name: 'Role1', description: 'orders' })).status).toBe(201);
    expect((await api('POST', '/service-instances', { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } })).status).toBe(201);
    expect((await api('POST', '/service-instances/sender-a/keys', { name: 'k1', type: 'external-certificate', certificate: alice.certPem })).status).toBe(201);
    const flow = { id: 'orders', sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } }, steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }] };
    expect((await api('PUT', '/flows/orders', flow)).status).toBe(200);
    // Every runtime replica must have the trusted root, key and flow before the first call.
    let res = await send('/orders', { cert: alice.chainPem, key: alice.keyPem });
    for (let i = 0; res.status !== 200 && i < 40; i++) res = await new Promise((r) => setTimeout(r, 50)).then(() => send('/orders', { cert: alice.chainPem, key: alice.keyPem }));
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok sb-sender-a!k1');
    const requestId = String(res.headers['x-request-id']);
    const lines = async () => (await api<AccessLogRecord[]>('GET', '/logs/access?limit=1000')).body;
    await eventually(async () => (await lines()).some((r) => r.requestId === requestId), 5000);
    // The client address is Docker's port proxy on the bridge, not 127.0.0.1.
    expect((await lines()).find((r) => r.requestId === requestId)?.line).toMatch(/^\S+ - sb-sender-a!k1 \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] POST \/http\/orders HTTP\/1\.1 200$/);
  });

  it('spreads requests over the three flow-runtime replicas (message processing log per replica)', async () => {
    const alice = await pki.issueClient('alice-load');
    expect((await api('POST', '/service-instances/sender-a/keys', { name: 'k2', type: 'external-certificate', certificate: alice.certPem })).status).toBe(201);
    const runtimes = (await api<{ services: Record<string, { replicas: { nodeId: string }[] }> }>('GET', '/health')).body.services['flow-runtime'].replicas.map((r) => r.nodeId);
    const before = (await api<MplRecord[]>('GET', '/message-logs?flowId=orders&limit=1000')).body.length;
    const total = 60;
    let ok = 0;
    for (let i = 0; i < total; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => send('/orders', { cert: alice.chainPem, key: alice.keyPem })));
      ok += batch.filter((r) => r.status === 200).length;
    }
    expect(ok).toBe(total);
    const records = async () => (await api<MplRecord[]>('GET', '/message-logs?flowId=orders&limit=1000')).body;
    await eventually(async () => (await records()).length >= before + total, 10_000);
    const perReplica: Record<string, number> = {};
    for (const r of (await records()).slice(before)) perReplica[r.nodeId] = (perReplica[r.nodeId] ?? 0) + 1;
    process.stdout.write(`compose: ${total} requests over flow-runtime replicas (MPL records per nodeId): ${JSON.stringify(perReplica)}\n`);
    expect(Object.keys(perReplica).sort()).toEqual([...runtimes].sort());
    expect(Object.values(perReplica).every((n) => n > 0)).toBe(true);
  });

  it('a crashed replica is restarted by its restart policy and becomes healthy again while the others serve', async () => {
    const victim = container(env, 'flow-runtime', 2);
    const inspect = () => JSON.parse(spawnSync('docker', ['inspect', victim.getId()], { encoding: 'utf8' }).stdout)[0] as { RestartCount: number; State: { Status: string; Health?: { Status: string } } };
    const alice = await pki.issueClient('alice-crash');
    expect((await api('POST', '/service-instances/sender-a/keys', { name: 'k3', type: 'external-certificate', certificate: alice.certPem })).status).toBe(201);
    // kill(-1) as the service user: the node process, not docker-init (PID 1) — a crash, not a `docker stop`.
    await victim.exec(['sh', '-c', 'kill -9 -1']);
    await eventually(async () => inspect().RestartCount >= 1, 60_000, 250);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => send('/orders', { cert: alice.chainPem, key: alice.keyPem }).then((r) => r.status)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await eventually(async () => inspect().State.Health?.Status === 'healthy', 120_000, 500);
    expect(inspect().State.Status).toBe('running');
  }, 200_000);

  it('NATS refused nothing the services did: no permission violation in its log', async () => {
    const nats = container(env, 'nats');
    const logs = spawnSync('docker', ['logs', nats.getId()], { encoding: 'utf8' });
    const violations = `${logs.stdout}${logs.stderr}`.split('\n').filter((l) => /violation/i.test(l));
    expect(violations).toEqual([]);
  });
});
