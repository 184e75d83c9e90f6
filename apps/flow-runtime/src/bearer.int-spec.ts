import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DEFAULT_SYSTEM_KEY_ALIAS, FlowsRpc, RuntimeRpc, type InvokeResponse, type TlsClient } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import { createTestPki, startNatsHarness, type NatsHarness, type TestLeaf } from '@certgate/testing';
import { thumbprintOf } from './app/invoke/credential';
import { FlowCache } from './app/state/flow-cache';
import { SigningKeyCache } from './app/state/signing-key-cache';
import { KvFixtures, verifiedTls } from './test-support/kv-fixtures';
import { startRuntimeReplica } from './test-support/runtime-replica';
import { testSigner, type TestSigner } from './test-support/token-signer';

/** Design §4: a change is in force on every replica within one second. */
const LIVE_MS = 1000;

async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = LIVE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = await probe();
  }
  return value;
}

const json = (res: InvokeResponse) => JSON.parse(res.body.toString('utf8')) as { error: string; error_description: string };

describe('flow-runtime: Bearer tokens verified from the keys watched in KV (real NATS, two replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let kv: KvFixtures;
  let signer: TestSigner;
  let alice: TestLeaf;
  let bob: TestLeaf;
  const replicas: INestMicroservice[] = [];

  const invoke = (token: string, tls: TlsClient = { status: 'none' }) =>
    rpc.request(RuntimeRpc.invoke, {
      requestId: randomUUID(),
      nodeId: 'ingress-test',
      method: 'POST',
      address: '/orders',
      headers: { authorization: `Bearer ${token}` },
      clientAddress: '127.0.0.1',
      tls,
    });

  /** Every replica must have seen the key change before the next request may count on it. */
  const everyReplicaKnows = (kid: string, known: boolean) =>
    eventually(
      () => replicas.every((r) => (r.get(SigningKeyCache).keyFor(kid) !== undefined) === known),
      (all) => all,
    );

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'runtime-bearer' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await KvFixtures.open(h.nc, h.tenant);
    signer = await testSigner(h.tenant);
    const pki = await createTestPki();
    [alice, bob] = await Promise.all([pki.issueClient('alice'), pki.issueClient('bob')]);
    await kv.putSystemKey(DEFAULT_SYSTEM_KEY_ALIAS, (await pki.issueClient('system')).certificate);
    await kv.putRole('Role1');
    await kv.putInstance('basic', ['Role1'], 'client_credentials');
    await kv.putSecretKey('basic', 'k2', 'the-secret-0123456789');
    await kv.putInstance('senders', ['Role1'], 'client_x509');
    await kv.putCertificateKey('senders', 'k1', alice.certificate);
    await kv.putSigningKey(signer.kid, signer.publicJwk);
    for (const node of ['rt-a', 'rt-b']) replicas.push(await startRuntimeReplica(h, node));
    await rpc.request(FlowsRpc.put, {
      id: 'orders',
      definition: {
        id: 'orders',
        sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
        steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
      },
    });
    for (const r of replicas)
      await eventually(
        () => r.get(FlowCache).byAddress('/orders') !== undefined,
        (ok) => ok,
      );
  }, 60_000);

  afterAll(async () => {
    for (const r of replicas) await r.close();
    await h?.stop();
  });

  it('a token signed by a published key passes a role flow on every replica, as its subject', async () => {
    const token = await signer.sign();
    for (let i = 0; i < 4; i++) expect(await invoke(token)).toMatchObject({ status: 200, principal: 'sb-basic!k2' });
  });

  it('a certificate-bound token passes over its certificate only, and says so otherwise', async () => {
    const token = await signer.sign({ sub: 'sb-senders!k1', cnf: { 'x5t#S256': thumbprintOf(verifiedTls(alice.certificate).fingerprint) } });
    expect(await invoke(token, verifiedTls(alice.certificate))).toMatchObject({ status: 200, principal: 'sb-senders!k1' });
    const other = await invoke(token, verifiedTls(bob.certificate));
    expect(other).toMatchObject({ status: 401, denial: { reason: 'token_binding_mismatch' } });
    expect(json(other)).toEqual({ error: 'invalid_token', error_description: 'token is bound to another certificate' });
  });

  it('a key that is unpublished stops its tokens on every replica within a second, also the ones remembered as verified', async () => {
    const token = await signer.sign();
    for (let i = 0; i < 4; i++) expect((await invoke(token)).status).toBe(200);
    await kv.dropSigningKey(signer.kid);
    expect(await everyReplicaKnows(signer.kid, false)).toBe(true);
    for (let i = 0; i < 4; i++) {
      const res = await invoke(token);
      expect(res.status).toBe(401);
      expect(json(res)).toEqual({ error: 'invalid_token', error_description: 'token was signed by an unknown key' });
    }
  });

  it('a key published later (a rotation) is used at once', async () => {
    const next = await testSigner(h.tenant);
    const token = await next.sign();
    expect((await invoke(token)).status).toBe(401);
    await kv.putSigningKey(next.kid, next.publicJwk);
    expect(await everyReplicaKnows(next.kid, true)).toBe(true);
    for (let i = 0; i < 4; i++) expect(await invoke(token)).toMatchObject({ status: 200, principal: 'sb-basic!k2' });
  });

  it("deleting the client's service key stops its tokens within a second", async () => {
    const next = await testSigner(h.tenant);
    await kv.putSigningKey(next.kid, next.publicJwk);
    expect(await everyReplicaKnows(next.kid, true)).toBe(true);
    const token = await next.sign();
    expect((await invoke(token)).status).toBe(200);
    await kv.deleteKey('basic', 'k2');
    const res = await eventually(
      () => Promise.all([invoke(token), invoke(token)]),
      (all) => all.every((r) => r.status === 401),
    );
    expect(res.map((r) => r.denial?.reason)).toEqual(['token_client_unknown', 'token_client_unknown']);
  });
});
