import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import {
  ClassicKv,
  DEFAULT_SYSTEM_KEY_ALIAS,
  FlowsRpc,
  RuntimeRpc,
  type CertificateMapping,
  type FlowDefinition,
  type Group,
  type InvokeResponse,
  type StoredUser,
  type TlsClient,
} from '@certgate/contracts';
import { RpcClient, encodeJson } from '@certgate/messaging';
import { createTestPki, startNatsHarness, type NatsHarness, type TestLeaf } from '@certgate/testing';
import type { Certificate } from '@certgate/x509';
import { FlowCache } from './app/state/flow-cache';
import { PrincipalCache } from './app/state/principal-cache';
import { KvFixtures, verifiedTls } from './test-support/kv-fixtures';
import { startRuntimeReplica } from './test-support/runtime-replica';

/** Design §4: any change is in force on every replica within one second. */
const LIVE_MS = 1000;

async function eventually<T>(probe: () => T, accept: (value: T) => boolean, timeoutMs = LIVE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = probe();
  }
  return value;
}

const description = (res: InvokeResponse) => (JSON.parse(res.body.toString('utf8')) as { error_description: string }).error_description;
const T = () => new Date().toISOString();

describe('flow-runtime in classic mode: certificate → mapping → user → roles (real NATS, two replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let kv: KvFixtures;
  const replicas: INestMicroservice[] = [];
  let alice: TestLeaf; // mapped to 'alice', Role1 directly
  let bob: TestLeaf; // mapped to 'bob@acme.com', Role1 through group 'buyers'
  let carol: TestLeaf; // not mapped; listed by DN in flow 'dn'
  let dave: TestLeaf; // in a service key only

  const putMapping = (cert: Certificate, user: string) => {
    const mapping: CertificateMapping = { id: cert.fingerprint, user, certificate: cert.toInfo(), createdAt: T() };
    return kv.identity.put(ClassicKv.mapping(cert.fingerprint), encodeJson(mapping));
  };
  const putUser = (name: string, roles: string[]) =>
    kv.identity.put(ClassicKv.user(name), encodeJson({ name, roles, createdAt: T(), updatedAt: T() } satisfies StoredUser));
  const putGroup = (name: string, roles: string[], users: string[]) =>
    kv.identity.put(ClassicKv.group(name), encodeJson({ name, roles, users, createdAt: T(), updatedAt: T() } satisfies Group));

  const invoke = (address: string, tls: TlsClient) =>
    rpc.request(RuntimeRpc.invoke, {
      requestId: randomUUID(),
      nodeId: 'ingress-test',
      method: 'POST',
      address,
      headers: {},
      clientAddress: '127.0.0.1',
      tls,
    });

  async function deploy(definition: FlowDefinition): Promise<void> {
    await rpc.request(FlowsRpc.put, { id: definition.id, definition });
    for (const r of replicas) {
      const served = await eventually(
        () => r.get(FlowCache).byAddress(definition.sender.address)?.flow.definition.id,
        (id) => id === definition.id,
      );
      if (served !== definition.id) throw new Error(`flow '${definition.id}' is not served after ${LIVE_MS} ms`);
    }
  }

  /** Waits until every replica resolves the certificate as `accept` wants (the watch is asynchronous). */
  async function onEveryReplica(cert: Certificate, accept: (principal: { name: string; roles: ReadonlySet<string> } | undefined) => boolean): Promise<void> {
    for (const r of replicas) {
      const cache = r.get(PrincipalCache);
      expect(accept(await eventually(() => cache.byFingerprint(cert.fingerprint), accept))).toBe(true);
    }
  }

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'runtime-classic' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await KvFixtures.open(h.nc, h.tenant);
    const pki = await createTestPki();
    let system: TestLeaf;
    [alice, bob, carol, dave, system] = await Promise.all(['alice', 'bob', 'carol', 'dave', 'system'].map((cn) => pki.issueClient(cn)));
    await kv.putSystemKey(DEFAULT_SYSTEM_KEY_ALIAS, system.certificate);

    // Present before the replicas start: served from the first request on.
    await putUser('alice', ['Role1']);
    await putMapping(alice.certificate, 'alice');
    await putGroup('buyers', ['Role1'], ['bob@acme.com']);
    await putMapping(bob.certificate, 'bob@acme.com');
    await kv.putRole('Role1');
    await kv.putInstance('senders', ['Role1'], 'client_x509');
    await kv.putCertificateKey('senders', 'k1', dave.certificate);

    for (const node of ['rt-a', 'rt-b']) replicas.push(await startRuntimeReplica(h, node, { CERTGATE_MODE: 'classic' }));

    await deploy({
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
      steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
    });
    await deploy({
      id: 'dn',
      sender: {
        address: '/dn',
        authorization: { type: 'client-certificate', certificates: [{ subjectDN: carol.certificate.subjectDN, issuerDN: carol.certificate.issuerDN }] },
      },
      steps: [],
    });
  }, 60_000);

  afterAll(async () => {
    for (const r of replicas) await r.close();
    await h?.stop();
  });

  it('a mapped certificate whose user holds the role directly passes, as the user', async () => {
    const res = await invoke('/orders', verifiedTls(alice.certificate));
    expect(res).toMatchObject({ status: 200, principal: 'alice' });
    expect(res.body.toString()).toBe('ok alice');
  });

  it('a role through a group passes too', async () => {
    expect(await invoke('/orders', verifiedTls(bob.certificate))).toMatchObject({ status: 200, principal: 'bob@acme.com' });
  });

  it('a certificate without a mapping → 401 "not mapped", even when a service key holds it', async () => {
    for (const leaf of [carol, dave]) {
      const res = await invoke('/orders', verifiedTls(leaf.certificate));
      expect(res.status).toBe(401);
      expect(description(res)).toBe('client certificate is not mapped to any user (no certificate-to-user mapping)');
    }
  });

  it('a flow listing subject DN + issuer DN passes without any mapping or service key', async () => {
    expect((await invoke('/dn', verifiedTls(carol.certificate))).status).toBe(200);
    expect((await invoke('/dn', verifiedTls(alice.certificate))).status).toBe(403);
  });

  it('role, group and mapping changes reach every replica without a restart', async () => {
    await putUser('alice', []);
    await onEveryReplica(alice.certificate, (p) => p !== undefined && !p.roles.has('Role1'));
    expect(await invoke('/orders', verifiedTls(alice.certificate))).toMatchObject({ status: 403, principal: 'alice' });

    await putGroup('buyers', ['Role1'], ['bob@acme.com', 'alice']);
    await onEveryReplica(alice.certificate, (p) => p?.roles.has('Role1') === true);
    expect((await invoke('/orders', verifiedTls(alice.certificate))).status).toBe(200);

    await kv.identity.delete(ClassicKv.mapping(alice.certificate.fingerprint));
    await onEveryReplica(alice.certificate, (p) => p === undefined);
    for (let i = 0; i < 4; i++) expect((await invoke('/orders', verifiedTls(alice.certificate))).status).toBe(401);

    await putMapping(carol.certificate, 'alice');
    await onEveryReplica(carol.certificate, (p) => p?.name === 'alice');
    expect(await invoke('/orders', verifiedTls(carol.certificate))).toMatchObject({ status: 200, principal: 'alice' });
  });
});
