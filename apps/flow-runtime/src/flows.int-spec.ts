import type { INestMicroservice } from '@nestjs/common';
import { z } from 'zod';
import { Buckets, CertgateError, FlowsKv, FlowsRpc, rpcContract, type FlowDefinition } from '@certgate/contracts';
import { RpcClient, encodeJson, ensureKv } from '@certgate/messaging';
import { createTestPki, startNatsHarness, type NatsHarness, type TestLeaf } from '@certgate/testing';
import { KvFixtures } from './test-support/kv-fixtures';
import { startRuntimeReplica } from './test-support/runtime-replica';

async function refusal(p: Promise<unknown>): Promise<CertgateError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CertgateError) return err;
    throw err;
  }
  throw new Error('expected the request to be refused');
}

const roleFlow = (id: string, address: string, extra: Partial<FlowDefinition> = {}): FlowDefinition => ({
  id,
  sender: { address, authorization: { type: 'role', role: 'Role1' } },
  steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
  ...extra,
});

describe('flow-runtime: deploying flows (FlowsRpc over real NATS, two replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  const replicas: INestMicroservice[] = [];
  let alice: TestLeaf;
  let bob: TestLeaf;
  let kv: KvFixtures;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'runtime-flows' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await KvFixtures.open(h.nc, h.tenant);
    for (const node of ['rt-1', 'rt-2']) replicas.push(await startRuntimeReplica(h, node));
    const pki = await createTestPki();
    [alice, bob] = await Promise.all([pki.issueClient('alice'), pki.issueClient('bob')]);
    // What the deployments below refer to, as identity writes it: the role, and alice's certificate in a service key.
    await kv.putRole('Role1');
    await kv.putInstance('senders', ['Role1'], 'client_x509');
    await kv.putCertificateKey('senders', 'alice', alice.certificate);
  });

  afterAll(async () => {
    for (const r of replicas) await r.close();
    await h?.stop();
  });

  it('deploys, reads, lists and redeploys a flow (revision goes up)', async () => {
    const first = await rpc.request(FlowsRpc.put, { id: 'orders', definition: roleFlow('orders', '/orders') });
    expect(first).toMatchObject({ definition: roleFlow('orders', '/orders'), certificateMatchers: [], revision: 1 });
    expect(Number.isNaN(Date.parse(first.deployedAt))).toBe(false);

    await expect(rpc.request(FlowsRpc.get, { id: 'orders' })).resolves.toEqual(first);
    expect((await rpc.request(FlowsRpc.list, {})).flows.map((f) => f.definition.id)).toContain('orders');

    const changed = roleFlow('orders', '/orders', { steps: [{ type: 'echo' }] });
    const second = await rpc.request(FlowsRpc.put, { id: 'orders', definition: changed });
    expect(second).toMatchObject({ definition: changed, revision: 2 });
    await expect(rpc.request(FlowsRpc.get, { id: 'orders' })).resolves.toEqual(second);
  });

  it('a client-certificate channel is resolved at deployment: PEM → fingerprint, DN → normalized', async () => {
    const definition: FlowDefinition = {
      id: 'certs',
      sender: {
        address: '/certs',
        authorization: { type: 'client-certificate', certificates: [{ pem: alice.certPem }, { subjectDN: 'CN = Bob , O=Acme', issuerDN: 'cn=CA,o=acme' }] },
      },
      steps: [],
    };
    const deployed = await rpc.request(FlowsRpc.put, { id: 'certs', definition });
    expect(deployed.certificateMatchers).toEqual([
      {
        fingerprint: alice.certificate.fingerprint,
        subjectDN: alice.certificate.subjectDN,
        issuerDN: alice.certificate.issuerDN,
        notAfter: alice.certificate.notAfter.toISOString(),
      },
      {
        normalizedSubjectDN: 'cn=bob,o=acme',
        normalizedIssuerDN: 'cn=ca,o=acme',
        normalizedSubjectDNReversed: 'o=acme,cn=bob',
        normalizedIssuerDNReversed: 'o=acme,cn=ca',
        subjectDN: 'CN = Bob , O=Acme',
        issuerDN: 'cn=CA,o=acme',
      },
    ]);
  });

  describe('refusals', () => {
    it('400 when the id differs from the definition id', async () => {
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'a', definition: roleFlow('b', '/b') }));
      expect(err).toMatchObject({
        code: 'flow_id_mismatch',
        message: "the flow id in the path ('a') differs from the id in the definition ('b')",
        details: { field: 'id' },
      });
    });

    it('400 naming the entry index for a PEM that is not a certificate', async () => {
      const definition: FlowDefinition = {
        id: 'badpem',
        sender: { address: '/badpem', authorization: { type: 'client-certificate', certificates: [{ pem: alice.certPem }, { pem: 'not a certificate' }] } },
        steps: [],
      };
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'badpem', definition }));
      expect(err.code).toBe('certificate_invalid');
      expect(err.details).toMatchObject({ field: 'sender.authorization.certificates[1]' });
      expect(err.message).toMatch(/^sender\.authorization\.certificates\[1\]: /);
    });

    it('400 for a DN that does not parse', async () => {
      const definition: FlowDefinition = {
        id: 'baddn',
        sender: { address: '/baddn', authorization: { type: 'client-certificate', certificates: [{ subjectDN: 'just text', issuerDN: 'CN=ca' }] } },
        steps: [],
      };
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'baddn', definition }));
      expect(err.code).toBe('validation_failed');
      expect(err.message).toMatch(/^sender\.authorization\.certificates\[0\]\.subjectDN: /);
    });

    it('400 for an unknown placeholder or a hop-by-hop header', async () => {
      const placeholder = await refusal(
        rpc.request(FlowsRpc.put, { id: 'tpl', definition: roleFlow('tpl', '/tpl', { steps: [{ type: 'respond', status: 200, body: '${nope}' }] }) }),
      );
      expect(placeholder).toMatchObject({ code: 'validation_failed', message: expect.stringContaining("steps[0].body: unknown placeholder '${nope}'") });
      const header = await refusal(
        rpc.request(FlowsRpc.put, { id: 'hdr', definition: roleFlow('hdr', '/hdr', { steps: [{ type: 'set-header', name: 'Connection', value: 'close' }] }) }),
      );
      expect(header).toMatchObject({ code: 'validation_failed', message: expect.stringContaining("steps[0].name: 'Connection'") });
    });

    it('400 from the contract schema for a malformed definition', async () => {
      // A contract that lets anything through on the client side, so the runtime's own validation answers.
      const lax = rpcContract(FlowsRpc.put.subject, z.any(), z.any());
      const err = await refusal(
        rpc.request(lax, { id: 'x', definition: { id: 'x', sender: { address: 'no-slash', authorization: { type: 'role', role: 'R' } } } }),
      );
      expect(err.code).toBe('validation_failed');
      expect(err.message).toContain('definition.sender.address');
    });

    it('400 role_unknown naming the field and the role when the channel asks for a role that does not exist', async () => {
      const definition: FlowDefinition = { ...roleFlow('norole', '/norole'), sender: { address: '/norole', authorization: { type: 'role', role: 'Ghost' } } };
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'norole', definition }));
      expect(err).toMatchObject({
        code: 'role_unknown',
        message: "sender.authorization.role: role 'Ghost' does not exist: create it first (POST /roles)",
        details: { field: 'sender.authorization.role', role: 'Ghost' },
      });
    });

    it('a role written just before the deployment is seen (the bucket is read, not a watched copy)', async () => {
      for (let i = 0; i < 5; i++) {
        await kv.putRole(`Fresh${i}`);
        const definition: FlowDefinition = {
          ...roleFlow(`fresh${i}`, `/fresh${i}`),
          sender: { address: `/fresh${i}`, authorization: { type: 'role', role: `Fresh${i}` } },
        };
        await expect(rpc.request(FlowsRpc.put, { id: `fresh${i}`, definition })).resolves.toMatchObject({ revision: 1 });
      }
    });

    it('400 certificate_unknown naming the entry for a PEM that is in no service key (standard mode)', async () => {
      const definition: FlowDefinition = {
        id: 'stranger',
        sender: {
          address: '/stranger',
          authorization: { type: 'client-certificate', certificates: [{ pem: alice.certPem }, { subjectDN: 'CN=x', issuerDN: 'CN=y' }, { pem: bob.certPem }] },
        },
        steps: [],
      };
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'stranger', definition }));
      expect(err).toMatchObject({
        code: 'certificate_unknown',
        message: expect.stringMatching(
          /^sender\.authorization\.certificates\[2\]: the certificate '.*CN=bob.*' is in no service key of a client_x509 service instance/,
        ),
        details: { field: 'sender.authorization.certificates[2]', fingerprint: bob.certificate.fingerprint },
      });
      // Once bob's certificate is in a key, the same flow deploys.
      await kv.putCertificateKey('senders', 'bob', bob.certificate);
      await expect(rpc.request(FlowsRpc.put, { id: 'stranger', definition })).resolves.toMatchObject({ revision: 1 });
    });

    it('nothing refused was stored', async () => {
      const ids = (await rpc.request(FlowsRpc.list, {})).flows.map((f) => f.definition.id);
      for (const id of ['a', 'b', 'badpem', 'baddn', 'tpl', 'hdr', 'x', 'norole']) expect(ids).not.toContain(id);
    });
  });

  describe('addresses', () => {
    it('409 naming the flow that already uses the address', async () => {
      await rpc.request(FlowsRpc.put, { id: 'owner', definition: roleFlow('owner', '/taken') });
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'intruder', definition: roleFlow('intruder', '/taken') }));
      expect(err).toMatchObject({
        code: 'address_in_use',
        message: "address '/taken' is already used by flow 'owner'",
        details: { field: 'sender.address', address: '/taken', flow: 'owner' },
      });
      await expect(rpc.request(FlowsRpc.get, { id: 'intruder' })).rejects.toMatchObject({ code: 'flow_not_found' });
    });

    it('a flow moved to another address frees the old one', async () => {
      await rpc.request(FlowsRpc.put, { id: 'mover', definition: roleFlow('mover', '/before') });
      await rpc.request(FlowsRpc.put, { id: 'mover', definition: roleFlow('mover', '/after') });
      await expect(rpc.request(FlowsRpc.put, { id: 'newcomer', definition: roleFlow('newcomer', '/before') })).resolves.toMatchObject({ revision: 1 });
      const err = await refusal(rpc.request(FlowsRpc.put, { id: 'newcomer2', definition: roleFlow('newcomer2', '/after') }));
      expect(err.message).toBe("address '/after' is already used by flow 'mover'");
    });

    it('an undeployed flow frees its address', async () => {
      await rpc.request(FlowsRpc.put, { id: 'leaver', definition: roleFlow('leaver', '/vacated') });
      await rpc.request(FlowsRpc.delete, { id: 'leaver' });
      await expect(rpc.request(FlowsRpc.put, { id: 'heir', definition: roleFlow('heir', '/vacated') })).resolves.toMatchObject({ revision: 1 });
    });

    it('two flows deployed at one address at the same moment: exactly one wins', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => rpc.request(FlowsRpc.put, { id: `racer-${i}`, definition: roleFlow(`racer-${i}`, '/contested') })),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const l of lost) expect(['address_in_use', 'concurrent_change']).toContain((l.reason as CertgateError).code);
      const holders = (await rpc.request(FlowsRpc.list, {})).flows.filter((f) => f.definition.sender.address === '/contested');
      expect(holders).toHaveLength(1);
    });
  });

  describe('undeploy', () => {
    it('removes the flow; get and delete then answer 404', async () => {
      await rpc.request(FlowsRpc.put, { id: 'gone', definition: roleFlow('gone', '/gone') });
      await rpc.request(FlowsRpc.delete, { id: 'gone' });
      await expect(rpc.request(FlowsRpc.get, { id: 'gone' })).rejects.toMatchObject({ code: 'flow_not_found', message: "no flow with id 'gone' is deployed" });
      await expect(rpc.request(FlowsRpc.delete, { id: 'gone' })).rejects.toMatchObject({ code: 'flow_not_found' });
      expect((await rpc.request(FlowsRpc.list, {})).flows.map((f) => f.definition.id)).not.toContain('gone');
    });

    it('a stored flow that breaks the contract: left out of the list, 500 on get, and it can be redeployed or undeployed', async () => {
      const flows = await ensureKv(h.nc, h.tenant, Buckets.flows);
      await flows.put(FlowsKv.flow('broken'), encodeJson({ definition: { id: 'broken' } }));
      expect((await rpc.request(FlowsRpc.list, {})).flows.map((f) => f.definition.id)).not.toContain('broken');
      await expect(rpc.request(FlowsRpc.get, { id: 'broken' })).rejects.toMatchObject({
        code: 'internal_error',
        message: expect.stringContaining("flow 'broken' is unreadable"),
      });
      await expect(rpc.request(FlowsRpc.put, { id: 'broken', definition: roleFlow('broken', '/broken') })).resolves.toMatchObject({ revision: 1 });
      await flows.put(FlowsKv.flow('broken'), encodeJson({ definition: { id: 'broken' } }));
      await rpc.request(FlowsRpc.delete, { id: 'broken' });
      await expect(rpc.request(FlowsRpc.get, { id: 'broken' })).rejects.toMatchObject({ code: 'flow_not_found' });
      // Its address claim was left behind by the unreadable value; it is stale and taken over.
      await expect(rpc.request(FlowsRpc.put, { id: 'successor', definition: roleFlow('successor', '/broken') })).resolves.toMatchObject({ revision: 1 });
    });

    it('get of a flow never deployed is 404', async () => {
      await expect(rpc.request(FlowsRpc.get, { id: 'never' })).rejects.toMatchObject({ code: 'flow_not_found' });
    });
  });
});
