import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { FlowsRpc, RuntimeRpc, healthContract, type InvokeResponse } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import {
  REPO_ROOT,
  createTestPki,
  launchServices,
  serviceCommand,
  startNatsHarness,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
} from '@certgate/testing';
import { KvFixtures, verifiedTls } from './test-support/kv-fixtures';

const ALIAS = 'custom_system_key';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = await probe();
  }
  return value;
}

describe('flow-runtime as a process (main.ts, env from the environment)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let system: LaunchedSystem | undefined;
  let alice: TestLeaf;
  let systemCert: TestLeaf;
  let kv: KvFixtures;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'runtime-process' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await KvFixtures.open(h.nc, h.tenant);
    const pki = await createTestPki();
    [alice, systemCert] = await Promise.all([pki.issueClient('alice'), pki.issueClient('system')]);
    await kv.putRole('Role1');
    await kv.putInstance('senders', ['Role1'], 'client_x509');
    await kv.putCertificateKey('senders', 'k1', alice.certificate);
    system = await launchServices({ services: ['flow-runtime'], nc: h.nc, env: { ...h.env, CERTGATE_SYSTEM_KEY_ALIAS: ALIAS } });
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
    await h?.stop();
  });

  const invoke = (): Promise<InvokeResponse> =>
    rpc.request(RuntimeRpc.invoke, {
      requestId: randomUUID(),
      nodeId: 'ingress-test',
      method: 'GET',
      address: '/p',
      headers: {},
      clientAddress: '127.0.0.1',
      tls: verifiedTls(alice.certificate),
    });

  it('reports a health check per cache', async () => {
    const health = await rpc.request(healthContract('flow-runtime'), {});
    expect(health.status).toBe('up');
    expect(health.checks).toMatchObject({
      'cache.identity': { status: 'up', message: '1 instances, 1 keys' },
      'cache.flows': { status: 'up' },
      'cache.system-key': { status: 'up', message: `key pair '${ALIAS}' absent` },
    });
  });

  it('uses CERTGATE_SYSTEM_KEY_ALIAS: certificates are refused naming that alias until its key pair exists', async () => {
    await rpc.request(FlowsRpc.put, { id: 'p', definition: { id: 'p', sender: { address: '/p', authorization: { type: 'role', role: 'Role1' } }, steps: [] } });
    const refused = await eventually(invoke, (r) => r.status === 401);
    expect(JSON.parse(refused.body.toString()).error_description).toBe(
      `client certificate authentication is not enabled: key pair with alias '${ALIAS}' does not exist in the keystore`,
    );
    await kv.putSystemKey(ALIAS, systemCert.certificate);
    const allowed = await eventually(invoke, (r) => r.status === 200);
    expect(allowed).toMatchObject({ status: 200, principal: 'sb-senders!k1' });
  });

  it('refuses to start with an invalid CERTGATE_MODE, naming the variable', async () => {
    // Spawned directly: launchServices names nodes by the test's pid, so the replica above would answer for this one.
    const child = spawn(process.execPath, serviceCommand('flow-runtime'), {
      cwd: REPO_ROOT,
      env: { ...process.env, ...h.env, METRICS_PORT: '0', CERTGATE_MODE: 'legacy' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid configuration: CERTGATE_MODE/);
  }, 30_000);
});
