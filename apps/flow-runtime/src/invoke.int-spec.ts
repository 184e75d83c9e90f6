import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import {
  Buckets,
  DEFAULT_SYSTEM_KEY_ALIAS,
  FlowsKv,
  FlowsRpc,
  RuntimeRpc,
  type DeployedFlow,
  type FlowDefinition,
  type InvokeRequest,
  type InvokeResponse,
  type MplRecord,
  type TlsClient,
} from '@certgate/contracts';
import { RpcClient, encodeJson, ensureKv, readStreamTail } from '@certgate/messaging';
import { createTestPki, freePort, startNatsHarness, type NatsHarness, type TestLeaf, type TestPki } from '@certgate/testing';
import { describeReason } from '@certgate/x509';
import { FlowCache } from './app/state/flow-cache';
import { PrincipalCache } from './app/state/principal-cache';
import { KvFixtures, verifiedTls } from './test-support/kv-fixtures';
import { startRuntimeReplica } from './test-support/runtime-replica';

/** Design §4: any change is in force on every replica within one second. */
const LIVE_MS = 1000;

/** Polls until `accept` holds or `timeoutMs` passed; returns the last value for the caller to assert on. */
async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = LIVE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = await probe();
  }
  return value;
}

const text = (res: InvokeResponse) => res.body.toString('utf8');
const json = (res: InvokeResponse) => JSON.parse(text(res)) as { error: string; error_description: string };
const basicAuth = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;

describe('flow-runtime: invoking flows end to end (real NATS, KV state in the contract layout, two replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let kv: KvFixtures;
  let pki: TestPki;
  const replicas: INestMicroservice[] = [];
  const sent: string[] = [];
  let alice: TestLeaf; // senders/k1, Role1
  let carol: TestLeaf; // senders/k2 (rollover key), Role1
  let dave: TestLeaf; // limited/k1, no Role1
  let erin: TestLeaf; // senders/k3, deleted during the run
  let bob: TestLeaf; // valid, but in no service key
  let systemCert: TestLeaf;
  const ids: Record<string, string> = {};
  const SECRET = 'the-client-secret-0123456789';
  /** A port nothing listens on: the relay flow's receiver (receiver calls proper: receiver.int-spec.ts). */
  let closedPort: number;
  const refused = () => `the receiver at 127.0.0.1:${closedPort} refused the connection: nothing listens there (ECONNREFUSED)`;

  function invoke(address: string, tls: TlsClient, opts: { headers?: InvokeRequest['headers']; body?: string; method?: string } = {}): Promise<InvokeResponse> {
    const requestId = randomUUID();
    sent.push(requestId);
    return rpc.request(RuntimeRpc.invoke, {
      requestId,
      nodeId: 'ingress-test',
      method: opts.method ?? 'POST',
      address,
      headers: opts.headers ?? {},
      body: Buffer.from(opts.body ?? '', 'utf8'),
      clientAddress: '127.0.0.1',
      tls,
    });
  }

  async function deploy(definition: FlowDefinition): Promise<void> {
    await rpc.request(FlowsRpc.put, { id: definition.id, definition });
    // Every replica must serve it before the tests use it.
    for (const r of replicas) {
      const flows = r.get(FlowCache);
      const served = await eventually(
        () => flows.byAddress(definition.sender.address)?.flow.definition.id,
        (id) => id === definition.id,
      );
      if (served !== definition.id) throw new Error(`flow '${definition.id}' is not served after ${LIVE_MS} ms`);
    }
  }

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'runtime-invoke' });
    closedPort = await freePort();
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await KvFixtures.open(h.nc, h.tenant);
    pki = await createTestPki();
    [alice, carol, dave, erin, bob, systemCert] = await Promise.all(['alice', 'carol', 'dave', 'erin', 'bob', 'system'].map((cn) => pki.issueClient(cn)));

    // State present before the replicas start: it must be served from their first request on.
    await kv.putSystemKey(DEFAULT_SYSTEM_KEY_ALIAS, systemCert.certificate);
    await kv.putRole('Role1');
    await kv.putInstance('senders', ['Role1'], 'client_x509');
    await kv.putInstance('limited', ['Other'], 'client_x509');
    await kv.putInstance('basic', ['Role1'], 'client_credentials');
    ids.alice = await kv.putCertificateKey('senders', 'k1', alice.certificate);
    ids.carol = await kv.putCertificateKey('senders', 'k2', carol.certificate);
    ids.erin = await kv.putCertificateKey('senders', 'k3', erin.certificate);
    ids.dave = await kv.putCertificateKey('limited', 'k1', dave.certificate);
    ids.basic = await kv.putSecretKey('basic', 'k1', SECRET);

    for (const node of ['rt-a', 'rt-b']) replicas.push(await startRuntimeReplica(h, node));

    await deploy({
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
      steps: [
        { type: 'set-header', name: 'X-Order', value: '${header.x-order}' },
        { type: 'respond', status: 201, body: 'ok ${principal} ${method} ${address}' },
      ],
    });
    await deploy({ id: 'echo', sender: { address: '/echo', authorization: { type: 'role', role: 'Role1' } }, steps: [{ type: 'echo' }] });
    await deploy({ id: 'pem', sender: { address: '/pem', authorization: { type: 'client-certificate', certificates: [{ pem: alice.certPem }] } }, steps: [] });
    // Carol's DNs as a person might type them: other case, other spacing.
    const shout = (dn: string) => dn.toUpperCase().replace(/,\s*/g, ' ,  ').replace(/=/g, ' = ');
    await deploy({
      id: 'dn',
      sender: {
        address: '/dn',
        authorization: {
          type: 'client-certificate',
          certificates: [{ subjectDN: shout(carol.certificate.subjectDN), issuerDN: shout(carol.certificate.issuerDN) }],
        },
      },
      steps: [{ type: 'respond', status: 200, body: 'dn ok ${principal}' }],
    });
    await deploy({
      id: 'relay',
      sender: { address: '/relay', authorization: { type: 'role', role: 'Role1' } },
      steps: [],
      receiver: { url: `https://127.0.0.1:${closedPort}/in`, authentication: { type: 'none' } },
    });
  }, 60_000);

  afterAll(async () => {
    for (const r of replicas) await r.close();
    await h?.stop();
  });

  describe('role channel', () => {
    it('a certificate of a key whose instance holds the role passes; the steps answer', async () => {
      const res = await invoke('/orders', verifiedTls(alice.certificate), { headers: { 'x-order': '42' } });
      expect(res).toMatchObject({ status: 201, principal: ids.alice, headers: { 'x-order': '42', 'content-type': 'text/plain; charset=utf-8' } });
      expect(text(res)).toBe(`ok ${ids.alice} POST /orders`);
      expect(res.denial).toBeUndefined();
    });

    it('a known certificate without the role: 403 naming the role', async () => {
      const res = await invoke('/orders', verifiedTls(dave.certificate));
      expect(res.status).toBe(403);
      expect(json(res)).toEqual({ error: 'forbidden', error_description: `'${ids.dave}' does not have role 'Role1'` });
      expect(res.denial).toEqual({ reason: 'missing_role', description: `'${ids.dave}' does not have role 'Role1'` });
      expect(res.principal).toBe(ids.dave);
    });

    it('an unknown certificate: 401 invalid_client saying no service key holds it', async () => {
      const res = await invoke('/orders', verifiedTls(bob.certificate));
      expect(res.status).toBe(401);
      expect(json(res)).toEqual({
        error: 'invalid_client',
        error_description: 'client certificate is not configured in any service key of a client_x509 service instance',
      });
      expect(res.principal).toBeUndefined();
    });

    it('a certificate the ingress rejected: 401 with the ingress reason, even for a known key', async () => {
      const message = `${describeReason('chain_incomplete')} (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`;
      const tls = { ...verifiedTls(alice.certificate), status: 'rejected' as const, reason: 'chain_incomplete', message };
      const res = await invoke('/orders', tls);
      expect(res.status).toBe(401);
      expect(json(res)).toEqual({ error: 'invalid_client', error_description: `certificate was not verified by ingress: ${message}` });
      expect(res.denial?.reason).toBe('certificate_not_verified');
    });

    it('no certificate and no credentials: 401', async () => {
      const res = await invoke('/orders', { status: 'none' });
      expect(res.status).toBe(401);
      expect(json(res).error_description).toBe('no client certificate and no credentials were sent');
    });

    it('basic auth of a client_credentials key passes; a wrong secret is 401', async () => {
      const ok = await invoke('/orders', { status: 'none' }, { headers: { authorization: basicAuth(ids.basic, SECRET) } });
      expect(ok).toMatchObject({ status: 201, principal: ids.basic });
      const wrong = await invoke('/orders', { status: 'none' }, { headers: { authorization: basicAuth(ids.basic, `${SECRET}x`) } });
      expect(wrong.status).toBe(401);
      expect(json(wrong)).toEqual({ error: 'invalid_client', error_description: 'client id or client secret is wrong' });
    });

    it('echo answers the request body with its content type', async () => {
      const res = await invoke('/echo', verifiedTls(alice.certificate), { headers: { 'content-type': 'application/json' }, body: '{"order":7}' });
      expect(res).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' } });
      expect(text(res)).toBe('{"order":7}');
    });

    it('binary bodies go through as bytes; the v1 envelope (base64 in JSON) of the release before is still answered', async () => {
      const binary = Buffer.from([0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x7b]);
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      sent.push(a, b, c);
      const base = { nodeId: 'ingress-test', method: 'POST', address: '/echo', headers: {}, clientAddress: '127.0.0.1' };
      const v2 = await rpc.request(RuntimeRpc.invoke, { ...base, requestId: a, body: binary, tls: verifiedTls(alice.certificate) });
      expect(v2.body).toEqual(binary);
      const v1 = await rpc.request(RuntimeRpc.invokeV1, { ...base, requestId: b, bodyBase64: binary.toString('base64'), tls: verifiedTls(alice.certificate) });
      expect(v1).toMatchObject({ status: 200, principal: ids.alice, bodyBase64: binary.toString('base64') });
      const refused = await rpc.request(RuntimeRpc.invokeV1, { ...base, requestId: c, tls: verifiedTls(dave.certificate) });
      expect(refused.status).toBe(403);
      expect(JSON.parse(Buffer.from(refused.bodyBase64, 'base64').toString()).error).toBe('forbidden');
    });
  });

  describe('client-certificate channel', () => {
    it('the listed certificate (PEM) passes', async () => {
      const res = await invoke('/pem', verifiedTls(alice.certificate));
      expect(res).toMatchObject({ status: 200, principal: ids.alice });
    });

    it('another valid, known certificate gets 403', async () => {
      const res = await invoke('/pem', verifiedTls(carol.certificate));
      expect(res.status).toBe(403);
      expect(res.denial?.reason).toBe('certificate_not_allowed');
      expect(json(res).error).toBe('forbidden');
    });

    it('the DN form matches a certificate whose DNs are written with other case and spacing', async () => {
      const res = await invoke('/dn', verifiedTls(carol.certificate));
      expect(res).toMatchObject({ status: 200, principal: ids.carol });
      expect(text(res)).toBe(`dn ok ${ids.carol}`);
      expect((await invoke('/dn', verifiedTls(alice.certificate))).status).toBe(403);
    });

    it('outside classic mode the certificate must also be in a service key: 401 otherwise', async () => {
      const res = await invoke('/pem', verifiedTls(bob.certificate));
      expect(res.status).toBe(401);
      expect(json(res).error_description).toBe('client certificate is not configured in any service key of a client_x509 service instance');
    });
  });

  it('an unknown address: 404 in the OAuth error shape', async () => {
    const res = await invoke('/nowhere', verifiedTls(alice.certificate));
    expect(res.status).toBe(404);
    expect(json(res)).toEqual({ error: 'not_found', error_description: "no flow is deployed at address '/nowhere'" });
  });

  it('a flow whose receiver cannot be reached answers 502 naming the cause', async () => {
    const res = await invoke('/relay', verifiedTls(alice.certificate));
    expect(res.status).toBe(502);
    expect(json(res)).toEqual({ error: 'receiver_failed', error_description: refused() });
  });

  describe('changes take effect live, on every replica, without a restart', () => {
    it('a deleted key is refused within a second; the other key of the instance still passes (rollover)', async () => {
      expect((await invoke('/orders', verifiedTls(erin.certificate))).status).toBe(201);
      await kv.deleteKey('senders', 'k3', erin.certificate.fingerprint);
      const res = await eventually(
        () => invoke('/orders', verifiedTls(erin.certificate)),
        (r) => r.status === 401,
      );
      expect(res.status).toBe(401);
      expect(json(res).error_description).toBe('client certificate is not configured in any service key of a client_x509 service instance');
      expect((await invoke('/orders', verifiedTls(alice.certificate))).status).toBe(201);
    });

    it("an instance's new role is in force within a second", async () => {
      await kv.putInstance('limited', ['Other', 'Role1'], 'client_x509');
      const res = await eventually(
        () => invoke('/orders', verifiedTls(dave.certificate)),
        (r) => r.status === 201,
      );
      expect(res).toMatchObject({ status: 201, principal: ids.dave });
      await kv.putInstance('limited', ['Other'], 'client_x509');
      expect(
        (
          await eventually(
            () => invoke('/orders', verifiedTls(dave.certificate)),
            (r) => r.status === 403,
          )
        ).status,
      ).toBe(403);
    });

    it('without the system key pair certificate authentication is refused naming the alias; basic auth still works', async () => {
      await kv.deleteSystemKey(DEFAULT_SYSTEM_KEY_ALIAS);
      try {
        const res = await eventually(
          () => invoke('/orders', verifiedTls(alice.certificate)),
          (r) => r.status === 401,
        );
        expect(res.status).toBe(401);
        expect(json(res)).toEqual({
          error: 'invalid_client',
          error_description: `client certificate authentication is not enabled: key pair with alias '${DEFAULT_SYSTEM_KEY_ALIAS}' does not exist in the keystore`,
        });
        const basic = await invoke('/orders', { status: 'none' }, { headers: { authorization: basicAuth(ids.basic, SECRET) } });
        expect(basic).toMatchObject({ status: 201, principal: ids.basic });
      } finally {
        await kv.putSystemKey(DEFAULT_SYSTEM_KEY_ALIAS, systemCert.certificate);
      }
      expect(
        (
          await eventually(
            () => invoke('/orders', verifiedTls(alice.certificate)),
            (r) => r.status === 201,
          )
        ).status,
      ).toBe(201);
    });

    it('an expired system key pair refuses certificate authentication too', async () => {
      const past = Date.now() - 86_400_000;
      await kv.putSystemKey(DEFAULT_SYSTEM_KEY_ALIAS, systemCert.certificate, { notBefore: new Date(past - 86_400_000), notAfter: new Date(past) });
      try {
        const res = await eventually(
          () => invoke('/orders', verifiedTls(alice.certificate)),
          (r) => r.status === 401,
        );
        expect(json(res).error_description).toBe(
          `client certificate authentication is not enabled: key pair with alias '${DEFAULT_SYSTEM_KEY_ALIAS}' has expired`,
        );
      } finally {
        await kv.putSystemKey(DEFAULT_SYSTEM_KEY_ALIAS, systemCert.certificate);
      }
      expect(
        (
          await eventually(
            () => invoke('/orders', verifiedTls(alice.certificate)),
            (r) => r.status === 201,
          )
        ).status,
      ).toBe(201);
    });

    it('a flow written to the flows bucket in the contract layout is served within a second', async () => {
      const flows = await ensureKv(h.nc, h.tenant, Buckets.flows);
      const direct: DeployedFlow = {
        definition: {
          id: 'direct',
          sender: { address: '/direct', authorization: { type: 'role', role: 'Role1' } },
          steps: [{ type: 'respond', status: 200, body: 'direct ${principal}' }],
        },
        certificateMatchers: [],
        deployedAt: new Date().toISOString(),
      };
      await flows.put(FlowsKv.flow('direct'), encodeJson(direct));
      const res = await eventually(
        () => invoke('/direct', verifiedTls(alice.certificate)),
        (r) => r.status === 200,
      );
      expect(text(res)).toBe(`direct ${ids.alice}`);
      await flows.delete(FlowsKv.flow('direct'));
      expect(
        (
          await eventually(
            () => invoke('/direct', verifiedTls(alice.certificate)),
            (r) => r.status === 404,
          )
        ).status,
      ).toBe(404);
    });

    it('a redeployed flow is served by every replica within a second', async () => {
      await rpc.request(FlowsRpc.put, {
        id: 'echo',
        definition: {
          id: 'echo',
          sender: { address: '/echo', authorization: { type: 'role', role: 'Role1' } },
          steps: [{ type: 'respond', status: 202, body: 'v2' }],
        },
      });
      const res = await eventually(
        () => invoke('/echo', verifiedTls(alice.certificate)),
        (r) => r.status === 202,
      );
      expect(text(res)).toBe('v2');
    });
  });

  describe('two replicas', () => {
    it('each request is answered exactly once, and both replicas answer', async () => {
      const batch = Array.from({ length: 40 }, () => randomUUID());
      const responses = await Promise.all(
        batch.map((requestId) =>
          rpc.request(RuntimeRpc.invoke, {
            requestId,
            nodeId: 'ingress-test',
            method: 'GET',
            address: '/orders',
            headers: {},
            clientAddress: '127.0.0.1',
            tls: verifiedTls(alice.certificate),
          }),
        ),
      );
      expect(responses.every((r) => r.status === 201)).toBe(true);
      const wanted = new Set<string>(batch);
      const records = await eventually(
        () => readStreamTail<MplRecord>(h.nc, h.tenant, 'MPL', 1000, (r) => wanted.has(r.messageId)),
        (r) => r.length >= batch.length,
      );
      expect(records).toHaveLength(batch.length);
      expect(new Set(records.map((r) => r.messageId)).size).toBe(batch.length);
      expect(new Set(records.map((r) => r.nodeId))).toEqual(new Set(['rt-a', 'rt-b']));
    });

    it('a change is seen by both replicas within a second', async () => {
      const fresh = await pki.issueClient('frank');
      const clientid = await kv.putCertificateKey('senders', 'k4', fresh.certificate);
      const caches = replicas.map((r) => r.get(PrincipalCache));
      const seen = await eventually(
        () => caches.map((c) => c.byFingerprint(fresh.certificate.fingerprint)?.name),
        (names) => names.every((n) => n === clientid),
      );
      expect(seen).toEqual([clientid, clientid]);

      await kv.deleteKey('senders', 'k4', fresh.certificate.fingerprint);
      const gone = await eventually(
        () => caches.map((c) => c.byFingerprint(fresh.certificate.fingerprint)),
        (p) => p.every((x) => x === undefined),
      );
      expect(gone).toEqual([undefined, undefined]);
      const after = await Promise.all(Array.from({ length: 20 }, () => invoke('/orders', verifiedTls(fresh.certificate))));
      expect(after.map((r) => r.status)).toEqual(Array(20).fill(401));
    });
  });

  it('every message wrote one MPL record: outcome, flow, principal, status, error', async () => {
    const requestIds = {
      completed: randomUUID(),
      denied: randomUUID(),
      notFound: randomUUID(),
      failed: randomUUID(),
    };
    const call = (requestId: string, address: string, tls: TlsClient) =>
      rpc.request(RuntimeRpc.invoke, { requestId, nodeId: 'ingress-test', method: 'POST', address, headers: {}, clientAddress: '127.0.0.1', tls });
    await call(requestIds.completed, '/orders', verifiedTls(alice.certificate));
    await call(requestIds.denied, '/orders', verifiedTls(dave.certificate));
    await call(requestIds.notFound, '/missing', verifiedTls(alice.certificate));
    await call(requestIds.failed, '/relay', verifiedTls(alice.certificate));

    const wanted = new Set<string>(Object.values(requestIds));
    const records = await eventually(
      () => readStreamTail<MplRecord>(h.nc, h.tenant, 'MPL', 100, (r) => wanted.has(r.messageId)),
      (r) => r.length >= wanted.size,
    );
    const byId = new Map(records.map((r) => [r.messageId, r]));
    expect(records).toHaveLength(4);
    expect(byId.get(requestIds.completed)).toMatchObject({ flowId: 'orders', address: '/orders', principal: ids.alice, status: 201, outcome: 'completed' });
    expect(byId.get(requestIds.completed)?.error).toBeUndefined();
    expect(byId.get(requestIds.denied)).toMatchObject({
      flowId: 'orders',
      principal: ids.dave,
      status: 403,
      outcome: 'denied',
      error: `'${ids.dave}' does not have role 'Role1'`,
    });
    expect(byId.get(requestIds.notFound)).toMatchObject({ address: '/missing', status: 404, outcome: 'not_found' });
    expect(byId.get(requestIds.notFound)?.flowId).toBeUndefined();
    expect(byId.get(requestIds.failed)).toMatchObject({ flowId: 'relay', status: 502, outcome: 'failed', error: refused() });
    for (const r of records) {
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
      expect(['rt-a', 'rt-b']).toContain(r.nodeId);
      expect(Number.isNaN(Date.parse(r.time))).toBe(false);
    }
  });

  it('every request of this suite is in the MPL exactly once', async () => {
    const wanted = new Set(sent);
    const records = await eventually(
      () => readStreamTail<MplRecord>(h.nc, h.tenant, 'MPL', 10_000, (r) => wanted.has(r.messageId)),
      (r) => r.length >= wanted.size,
    );
    expect(records.length).toBe(wanted.size);
    expect(new Set(records.map((r) => r.messageId)).size).toBe(wanted.size);
  });
});
