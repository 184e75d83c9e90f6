import { createHash, randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { KV } from 'nats';
import {
  Buckets,
  CertgateError,
  certIndexSchema,
  CLIENT_CA_ALIAS,
  clientIdOf,
  FlowsKv,
  IdentityKv,
  IdentityRpc,
  KeystoreRpc,
  PREDEFINED_ROLE,
  storedServiceKeySchema,
  type DeployedFlow,
  LIMITS,
} from '@certgate/contracts';
import { encodeJson, ensureKv, RpcClient } from '@certgate/messaging';
import {
  createTestPki,
  launchServices,
  startNatsHarness,
  type LaunchedSystem,
  type NatsHarness,
  type TestPki,
  certgateFailure as failure,
  defined,
} from '@certgate/testing';
import { commonName, importPrivateKeyPem, keyMatchesCertificate, parseCertificate, parseCertificates, verifyChain } from '@certgate/x509';
import { KeysService } from './app/keys/keys.service';
import { startIdentityReplica } from './test-support/identity-replica';

async function liveKeys(kv: KV, filter = '>'): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of await kv.keys(filter)) keys.push(k);
  return keys.sort();
}

async function rawText(kv: KV): Promise<string> {
  const parts: string[] = [];
  for (const k of await liveKeys(kv)) parts.push((await kv.get(k))?.string() ?? '');
  return parts.join('\n');
}

const x509Params = (roles: string[] = []) => ({ roles, 'grant-types': ['client_x509'], 'redirect-uris': [] });
const secretParams = (roles: string[] = []) => ({ roles, 'grant-types': ['client_credentials'], 'redirect-uris': [] });

describe('identity (real NATS, two replicas, a real keystore process)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let pki: TestPki;
  let identityKv: KV;
  let flowsKv: KV;
  let keystore: LaunchedSystem | undefined;
  const replicas: INestMicroservice[] = [];

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'identity' });
    rpc = new RpcClient(h.nc, h.tenant);
    pki = await createTestPki();
    const [k] = await Promise.all([
      launchServices({ services: ['keystore'], nc: h.nc, env: { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url') } }),
      (async () => replicas.push(...(await Promise.all([startIdentityReplica(h, 'i1'), startIdentityReplica(h, 'i2')]))))(),
    ]);
    keystore = k;
    identityKv = await ensureKv(h.nc, h.tenant, Buckets.identity);
    flowsKv = await ensureKv(h.nc, h.tenant, Buckets.flows);
  }, 60_000);

  afterAll(async () => {
    for (const app of replicas) await app.close().catch(() => undefined);
    await keystore?.stop();
    await h?.stop();
  });

  async function instance(name: string, params = x509Params()) {
    return rpc.request(IdentityRpc.createInstance, { name, parameters: params });
  }

  async function externalKey(inst: string, key: string, certificate: string) {
    return rpc.request(IdentityRpc.createKey, { instance: inst, body: { name: key, type: 'external-certificate', certificate } });
  }

  async function deployFlow(id: string, role: string): Promise<void> {
    const flow: DeployedFlow = {
      definition: { id, sender: { address: `/${id}`, authorization: { type: 'role', role } }, steps: [] },
      certificateMatchers: [],
      deployedAt: new Date().toISOString(),
    };
    await flowsKv.put(FlowsKv.flow(id), encodeJson(flow));
  }

  describe('roles', () => {
    it(`${PREDEFINED_ROLE} exists from the start and cannot be deleted`, async () => {
      await expect(rpc.request(IdentityRpc.getRole, { name: PREDEFINED_ROLE })).resolves.toMatchObject({ name: PREDEFINED_ROLE, predefined: true });
      const err = await failure(rpc.request(IdentityRpc.deleteRole, { name: PREDEFINED_ROLE }));
      expect(err).toMatchObject({ code: 'role_predefined', message: expect.stringContaining('predefined role') });
      await expect(rpc.request(IdentityRpc.getRole, { name: PREDEFINED_ROLE })).resolves.toBeDefined();
    });

    it('custom roles: created by name, listed, 409 when the name exists, 404 when unknown', async () => {
      await expect(rpc.request(IdentityRpc.createRole, { name: 'Orders.send', description: 'may send orders' })).resolves.toMatchObject({
        name: 'Orders.send',
        description: 'may send orders',
        predefined: false,
      });
      const dup = await failure(rpc.request(IdentityRpc.createRole, { name: 'Orders.send' }));
      expect(dup).toMatchObject({ code: 'role_exists', message: "role 'Orders.send' already exists" });
      expect((await failure(rpc.request(IdentityRpc.createRole, { name: PREDEFINED_ROLE }))).code).toBe('role_exists');
      const { roles } = await rpc.request(IdentityRpc.listRoles, {});
      expect(roles.map((r) => r.name)).toEqual(expect.arrayContaining([PREDEFINED_ROLE, 'Orders.send']));
      expect((await failure(rpc.request(IdentityRpc.getRole, { name: 'Nope' }))).code).toBe('role_not_found');
      expect((await failure(rpc.request(IdentityRpc.deleteRole, { name: 'Nope' }))).code).toBe('role_not_found');
    });

    it('a role held by an instance or asked for by a flow cannot be deleted (409 naming them); once free it can', async () => {
      await rpc.request(IdentityRpc.createRole, { name: 'Busy' });
      await instance('busy-holder', x509Params(['Busy']));
      await deployFlow('busy-flow', 'Busy');
      await deployFlow('other-flow', 'Orders.send');

      const both = await failure(rpc.request(IdentityRpc.deleteRole, { name: 'Busy' }));
      expect(both.code).toBe('role_in_use');
      expect(both.message).toContain("'busy-holder'");
      expect(both.message).toContain("'busy-flow'");
      expect(both.message).not.toContain('other-flow');
      expect(both.details).toMatchObject({ role: 'Busy', instances: ['busy-holder'], flows: ['busy-flow'] });

      await rpc.request(IdentityRpc.deleteInstance, { instance: 'busy-holder' });
      const flowOnly = await failure(rpc.request(IdentityRpc.deleteRole, { name: 'Busy' }));
      expect(flowOnly.details).toMatchObject({ instances: [], flows: ['busy-flow'] });

      await flowsKv.delete(FlowsKv.flow('busy-flow'));
      await rpc.request(IdentityRpc.deleteRole, { name: 'Busy' });
      expect((await failure(rpc.request(IdentityRpc.getRole, { name: 'Busy' }))).code).toBe('role_not_found');
      // the name is free again
      await expect(rpc.request(IdentityRpc.createRole, { name: 'Busy' })).resolves.toMatchObject({ name: 'Busy' });
    });
  });

  describe('service instances', () => {
    it('unknown roles → 400 naming them', async () => {
      const err = await failure(instance('bad-roles', x509Params(['Orders.send', 'Ghost', 'Phantom'])));
      expect(err.code).toBe('role_unknown');
      expect(err.message).toContain("'Ghost', 'Phantom'");
      expect(err.message).not.toContain('Orders.send');
      expect(err.details).toEqual({ field: 'parameters.roles[1]', role: 'Ghost', roles: ['Ghost', 'Phantom'] });
      expect((await failure(rpc.request(IdentityRpc.getInstance, { instance: 'bad-roles' }))).code).toBe('instance_not_found');
    });

    it('unknown or combined grant types → 400 saying which', async () => {
      const unknown = await failure(instance('bad-grant', { roles: [], 'grant-types': ['password'], 'redirect-uris': [] }));
      expect(unknown).toMatchObject({ code: 'validation_failed', message: expect.stringContaining("unknown grant type 'password'") });
      const combined = await failure(instance('bad-grant', { roles: [], 'grant-types': ['client_x509', 'client_credentials'], 'redirect-uris': [] }));
      expect(combined.message).toContain('exactly one grant type');
    });

    it('created, listed and read back with its keys; a duplicate name → 409; unknown → 404', async () => {
      const created = await instance('sender-a', x509Params(['Orders.send', PREDEFINED_ROLE]));
      expect(created).toMatchObject({ name: 'sender-a', parameters: { roles: ['Orders.send', PREDEFINED_ROLE], 'grant-types': ['client_x509'] } });
      expect((await failure(instance('sender-a'))).code).toBe('instance_exists');
      expect((await rpc.request(IdentityRpc.listInstances, {})).instances.map((i) => i.name)).toContain('sender-a');
      await expect(rpc.request(IdentityRpc.getInstance, { instance: 'sender-a' })).resolves.toMatchObject({ name: 'sender-a', keys: [] });
      expect((await failure(rpc.request(IdentityRpc.getInstance, { instance: 'nobody' }))).code).toBe('instance_not_found');
      expect((await failure(rpc.request(IdentityRpc.deleteInstance, { instance: 'nobody' }))).code).toBe('instance_not_found');
      expect((await failure(rpc.request(IdentityRpc.listKeys, { instance: 'nobody' }))).code).toBe('instance_not_found');
    });

    it('an update replaces roles (unknown → 400), keeps the grant type (a change → 409), and 404s for an unknown instance', async () => {
      await instance('sender-upd', x509Params([PREDEFINED_ROLE]));
      const updated = await rpc.request(IdentityRpc.updateInstance, { instance: 'sender-upd', parameters: x509Params(['Orders.send', PREDEFINED_ROLE]) });
      expect(updated.parameters.roles).toEqual(['Orders.send', PREDEFINED_ROLE]);
      await expect(rpc.request(IdentityRpc.getInstance, { instance: 'sender-upd' })).resolves.toMatchObject({
        parameters: { roles: ['Orders.send', PREDEFINED_ROLE] },
      });
      const unknown = await failure(rpc.request(IdentityRpc.updateInstance, { instance: 'sender-upd', parameters: x509Params(['No.such.role']) }));
      expect(unknown).toMatchObject({ code: 'role_unknown', message: expect.stringContaining("'No.such.role'"), details: { role: 'No.such.role' } });
      const grant = await failure(
        rpc.request(IdentityRpc.updateInstance, {
          instance: 'sender-upd',
          parameters: { roles: [], 'grant-types': ['client_credentials'], 'redirect-uris': [] },
        }),
      );
      expect(grant).toMatchObject({ code: 'grant_type_immutable', message: expect.stringContaining('cannot change') });
      expect((await failure(rpc.request(IdentityRpc.updateInstance, { instance: 'nobody', parameters: x509Params([]) }))).code).toBe('instance_not_found');
    });

    it('deleting an instance deletes its keys and their index entries, so the certificates can be used again', async () => {
      await instance('doomed');
      const a = await pki.issueClient('doomed-a');
      const b = await pki.issueClient('doomed-b');
      await externalKey('doomed', 'k1', a.certPem);
      await externalKey('doomed', 'k2', b.certPem);
      await rpc.request(IdentityRpc.createKey, { instance: 'doomed', body: { name: 'k3', type: 'certificate' } });
      expect(await liveKeys(identityKv, IdentityKv.keysOf('doomed'))).toHaveLength(3);

      await rpc.request(IdentityRpc.deleteInstance, { instance: 'doomed' });
      expect(await liveKeys(identityKv, IdentityKv.keysOf('doomed'))).toEqual([]);
      expect(await liveKeys(identityKv, IdentityKv.certIndex(a.certificate.fingerprint))).toEqual([]);
      expect(await liveKeys(identityKv, IdentityKv.certIndex(b.certificate.fingerprint))).toEqual([]);
      expect((await failure(rpc.request(IdentityRpc.getInstance, { instance: 'doomed' }))).code).toBe('instance_not_found');

      await instance('heir');
      await expect(externalKey('heir', 'k1', a.certPem)).resolves.toMatchObject({ certificate: { fingerprint: a.certificate.fingerprint } });
    });
  });

  describe('external-certificate keys', () => {
    beforeAll(async () => {
      await instance('ext-a');
      await instance('ext-b');
      await instance('ext-secret', secretParams());
    });

    it('holds one leaf: client id, certificate facts, and the cert.<sha256> index pointing at it', async () => {
      const leaf = await pki.issueClient('ext-a-sender');
      const key = await externalKey('ext-a', 'k1', leaf.certPem);
      expect(key).toMatchObject({
        instance: 'ext-a',
        name: 'k1',
        type: 'external-certificate',
        clientid: clientIdOf('ext-a', 'k1'),
        certificate: { fingerprint: leaf.certificate.fingerprint, subjectDN: leaf.certificate.subjectDN, issuerDN: leaf.certificate.issuerDN },
      });
      expect(key).not.toHaveProperty('key');
      expect(key).not.toHaveProperty('clientsecret');
      const index = await identityKv.get(IdentityKv.certIndex(leaf.certificate.fingerprint));
      expect(certIndexSchema.parse(index?.json())).toEqual({ instance: 'ext-a', key: 'k1' });
      await expect(rpc.request(IdentityRpc.getKey, { instance: 'ext-a', key: 'k1' })).resolves.toMatchObject({ clientid: 'sb-ext-a!k1' });
    });

    it('the same certificate in any other key → 409 naming the instance and key that hold it', async () => {
      const leaf = await pki.issueClient('shared');
      await externalKey('ext-a', 'k-shared', leaf.certPem);
      const other = await failure(externalKey('ext-b', 'k1', leaf.certPem));
      expect(other.code).toBe('certificate_in_use');
      expect(other.message).toContain("key 'k-shared' of service instance 'ext-a'");
      expect(other.details).toEqual({ instance: 'ext-a', key: 'k-shared' });
      const sameInstance = await failure(externalKey('ext-a', 'k-again', leaf.certPem));
      expect(sameInstance.details).toEqual({ instance: 'ext-a', key: 'k-shared' });
      expect((await failure(rpc.request(IdentityRpc.getKey, { instance: 'ext-b', key: 'k1' }))).code).toBe('key_not_found');
    });

    it('refuses a chain, a CA, an expired, a not-yet-valid and an unparsable certificate with the reason', async () => {
      const leaf = await pki.issueClient('chained');
      const chain = await failure(externalKey('ext-b', 'k-chain', leaf.chainPem));
      expect(chain).toMatchObject({ code: 'certificate_is_chain', message: expect.stringContaining('send only the leaf certificate, not a chain') });
      expect(await failure(externalKey('ext-b', 'k-ca', pki.intermediate.certPem))).toMatchObject({
        code: 'certificate_is_ca',
        message: expect.stringContaining('is a CA certificate'),
      });
      const expired = await pki.issueClient('expired', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
      expect(await failure(externalKey('ext-b', 'k-old', expired.certPem))).toMatchObject({
        code: 'certificate_expired',
        message: expect.stringContaining(expired.certificate.notAfter.toISOString()),
      });
      const future = await pki.issueClient('future', { notBefore: new Date(Date.now() + 86_400_000) });
      expect(await failure(externalKey('ext-b', 'k-future', future.certPem))).toMatchObject({
        code: 'certificate_not_yet_valid',
        message: expect.stringContaining(future.certificate.notBefore.toISOString()),
      });
      const garbage = await failure(externalKey('ext-b', 'k-garbage', 'not a certificate'));
      expect(garbage).toMatchObject({ code: 'certificate_invalid', message: expect.stringMatching(/^certificate: /), details: { field: 'certificate' } });
      expect((await rpc.request(IdentityRpc.listKeys, { instance: 'ext-b' })).keys).toEqual([]);
      expect(await liveKeys(identityKv, IdentityKv.certIndex(leaf.certificate.fingerprint))).toEqual([]);
    });

    it('only for a client_x509 instance', async () => {
      const leaf = await pki.issueClient('wrong-instance');
      const err = await failure(externalKey('ext-secret', 'k1', leaf.certPem));
      expect(err).toMatchObject({ code: 'grant_type_invalid', message: expect.stringContaining('needs a service instance with grant type client_x509') });
      expect(await liveKeys(identityKv, IdentityKv.certIndex(leaf.certificate.fingerprint))).toEqual([]);
    });

    it('several keys per instance (rollover); a duplicate key name → 409; a deleted key frees its certificate', async () => {
      await instance('rollover');
      const oldCert = await pki.issueClient('rollover-2024');
      const newCert = await pki.issueClient('rollover-2025');
      await externalKey('rollover', 'k2024', oldCert.certPem);
      await externalKey('rollover', 'k2025', newCert.certPem);
      const dupName = await failure(externalKey('rollover', 'k2025', (await pki.issueClient('another')).certPem));
      expect(dupName).toMatchObject({ code: 'key_exists', details: { instance: 'rollover', key: 'k2025' } });
      const got = await rpc.request(IdentityRpc.getInstance, { instance: 'rollover' });
      expect(got.keys.map((k) => [k.name, k.certificate?.fingerprint])).toEqual([
        ['k2024', oldCert.certificate.fingerprint],
        ['k2025', newCert.certificate.fingerprint],
      ]);

      await rpc.request(IdentityRpc.deleteKey, { instance: 'rollover', key: 'k2024' });
      expect((await failure(rpc.request(IdentityRpc.getKey, { instance: 'rollover', key: 'k2024' }))).code).toBe('key_not_found');
      expect((await failure(rpc.request(IdentityRpc.deleteKey, { instance: 'rollover', key: 'k2024' }))).code).toBe('key_not_found');
      expect(await liveKeys(identityKv, IdentityKv.certIndex(oldCert.certificate.fingerprint))).toEqual([]);
      expect((await rpc.request(IdentityRpc.listKeys, { instance: 'rollover' })).keys.map((k) => k.name)).toEqual(['k2025']);
      await expect(externalKey('ext-b', 'k-reused', oldCert.certPem)).resolves.toMatchObject({ instance: 'ext-b' });
    });

    it('racing creates of one key name with different certificates: one wins and no index entry of the losers is left behind', async () => {
      await instance('name-race');
      const certs = await Promise.all(Array.from({ length: 6 }, (_, i) => pki.issueClient(`name-race-${i}`)));
      const results = await Promise.allSettled(certs.map((c) => externalKey('name-race', 'same', c.certPem)));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [certs[i]] : []));
      expect(won).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'key_exists', details: { instance: 'name-race', key: 'same' } });
      const indexed = (await Promise.all(certs.map((c) => liveKeys(identityKv, IdentityKv.certIndex(c.certificate.fingerprint))))).flat();
      expect(indexed).toEqual([IdentityKv.certIndex(won[0].certificate.fingerprint)]);
    });
  });

  describe('the uniqueness race across two identity replicas', () => {
    it.each([
      ['over NATS (queue group spreads the calls)', 'rpc'],
      ['straight into each replica', 'direct'],
    ])('10 concurrent creates of one certificate on 10 instances, %s: exactly one succeeds, the others get 409', async (_how, how) => {
      const tag = how === 'rpc' ? 'ra' : 'rb';
      const names = Array.from({ length: 10 }, (_, i) => `${tag}-${i}`);
      await Promise.all(names.map((n) => instance(n)));
      const leaf = await pki.issueClient(`race-${tag}`);
      const calls = names.map((n, i) =>
        how === 'rpc'
          ? externalKey(n, 'k', leaf.certPem)
          : replicas[i % 2].get(KeysService).create(n, { name: 'k', type: 'external-certificate', certificate: leaf.certPem }),
      );
      const results = await Promise.allSettled(calls);
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as CertgateError] : []));
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(9);
      for (const err of refused) expect(err).toMatchObject({ code: 'certificate_in_use' });
      const winner = (ok[0] as PromiseFulfilledResult<{ instance: string }>).value.instance;
      for (const err of refused) expect(err.details).toEqual({ instance: winner, key: 'k' });

      const holding = [];
      for (const n of names) holding.push(...(await liveKeys(identityKv, IdentityKv.keysOf(n))));
      expect(holding).toEqual([IdentityKv.key(winner, 'k')]);
      expect(certIndexSchema.parse((await identityKv.get(IdentityKv.certIndex(leaf.certificate.fingerprint)))?.json())).toEqual({ instance: winner, key: 'k' });
    });
  });

  describe('client-secret keys', () => {
    it(`stop at ${LIMITS.keysPerInstance} keys per instance, saying so, and take one again after a delete`, async () => {
      await instance('many-keys', secretParams([PREDEFINED_ROLE]));
      for (let i = 0; i < LIMITS.keysPerInstance; i++)
        await rpc.request(IdentityRpc.createKey, { instance: 'many-keys', body: { name: `s${i}`, type: 'client-secret' } });
      const refused = await failure(rpc.request(IdentityRpc.createKey, { instance: 'many-keys', body: { name: 'one-more', type: 'client-secret' } }));
      expect(refused).toMatchObject({ code: 'validation_failed', details: { limit: LIMITS.keysPerInstance } });
      expect(refused.message).toBe(
        `service instance 'many-keys' has ${LIMITS.keysPerInstance} keys, the most one instance may have (${LIMITS.keysPerInstance}): delete one first`,
      );
      await rpc.request(IdentityRpc.deleteKey, { instance: 'many-keys', key: 's0' });
      await rpc.request(IdentityRpc.createKey, { instance: 'many-keys', body: { name: 'one-more', type: 'client-secret' } });
    });

    it('return the secret once, keep only its SHA-256, and only for client_credentials instances', async () => {
      await instance('basic-a', secretParams([PREDEFINED_ROLE]));
      const created = await rpc.request(IdentityRpc.createKey, { instance: 'basic-a', body: { name: 's1', type: 'client-secret' } });
      expect(created).toMatchObject({ instance: 'basic-a', name: 's1', type: 'client-secret', clientid: 'sb-basic-a!s1' });
      expect(created.clientsecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(created).not.toHaveProperty('secretHash');

      const stored = storedServiceKeySchema.parse((await identityKv.get(IdentityKv.key('basic-a', 's1')))?.json());
      expect(stored.secretHash).toBe(createHash('sha256').update(defined(created.clientsecret, 'a client secret')).digest('hex'));
      expect(await rawText(identityKv)).not.toContain(created.clientsecret);

      const read = await rpc.request(IdentityRpc.getKey, { instance: 'basic-a', key: 's1' });
      expect(read).not.toHaveProperty('secretHash');
      expect(read).not.toHaveProperty('clientsecret');
      const listed = await rpc.request(IdentityRpc.listKeys, { instance: 'basic-a' });
      expect(JSON.stringify(listed)).not.toContain(defined(stored.secretHash, 'a secret hash'));

      const second = await rpc.request(IdentityRpc.createKey, { instance: 'basic-a', body: { name: 's2', type: 'client-secret' } });
      expect(second.clientsecret).not.toBe(created.clientsecret);

      await instance('x509-only');
      const wrong = await failure(rpc.request(IdentityRpc.createKey, { instance: 'x509-only', body: { name: 's1', type: 'client-secret' } }));
      expect(wrong).toMatchObject({
        code: 'grant_type_invalid',
        message: expect.stringContaining('needs a service instance with grant type client_credentials'),
        details: { field: 'type' },
      });
    });
  });

  describe('certificate keys (issued by the keystore client CA)', () => {
    it.each(['EC', 'RSA'] as const)(
      '%s: certificate and private key returned once, chaining to the client CA for clientAuth; the key is never stored',
      async (keyType) => {
        const inst = `gen-${keyType.toLowerCase()}`;
        await instance(inst);
        const created = await rpc.request(IdentityRpc.createKey, { instance: inst, body: { name: 'k1', type: 'certificate', keyType, validityDays: 90 } });
        expect(created).toMatchObject({ type: 'certificate', clientid: clientIdOf(inst, 'k1') });
        expect(created.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);

        const info = defined(created.certificate, 'the certificate');
        const cert = parseCertificate(info.pem);
        expect(cert.fingerprint).toBe(info.fingerprint);
        expect(commonName(cert.subjectDN)).toBe(clientIdOf(inst, 'k1'));
        expect(Math.round((cert.notAfter.getTime() - Date.now()) / 86_400_000)).toBe(90);
        const privateKey = await importPrivateKeyPem(defined(created.key, 'the private key'));
        expect(privateKey.algorithm.name).toBe(keyType === 'EC' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5');
        expect(await keyMatchesCertificate(privateKey, cert)).toBe(true);

        const ca = parseCertificates((await rpc.request(KeystoreRpc.getEntry, { alias: CLIENT_CA_ALIAS })).chainPem)[0];
        expect(await verifyChain({ leaf: cert, anchors: [ca], purpose: 'clientAuth' })).toMatchObject({ ok: true });

        expect(certIndexSchema.parse((await identityKv.get(IdentityKv.certIndex(cert.fingerprint)))?.json())).toEqual({ instance: inst, key: 'k1' });
        expect(await rawText(identityKv)).not.toContain('PRIVATE KEY');
        const read = await rpc.request(IdentityRpc.getKey, { instance: inst, key: 'k1' });
        expect(read).not.toHaveProperty('key');
        expect(read.certificate?.fingerprint).toBe(cert.fingerprint);
      },
    );

    it('only for a client_x509 instance', async () => {
      await instance('gen-basic', secretParams());
      const err = await failure(rpc.request(IdentityRpc.createKey, { instance: 'gen-basic', body: { name: 'k1', type: 'certificate' } }));
      expect(err).toMatchObject({ code: 'grant_type_invalid', message: expect.stringContaining('client_x509') });
    });

    it('with the keystore down: 503 and nothing written', async () => {
      await instance('gen-down');
      await defined(keystore, 'the keystore process').stop();
      keystore = undefined;
      const err = await failure(rpc.request(IdentityRpc.createKey, { instance: 'gen-down', body: { name: 'k1', type: 'certificate' } }, { timeoutMs: 10_000 }));
      expect(err.code).toBe('service_unavailable');
      expect(await liveKeys(identityKv, IdentityKv.keysOf('gen-down'))).toEqual([]);
    });
  });

  describe('as a process (main.ts)', () => {
    it('starts and answers with the predefined role', async () => {
      const system = await launchServices({ services: ['identity'], nc: h.nc, env: h.env });
      try {
        const replies = await Promise.all(Array.from({ length: 6 }, () => rpc.request(IdentityRpc.getRole, { name: PREDEFINED_ROLE })));
        for (const r of replies) expect(r.predefined).toBe(true);
      } finally {
        await system.stop();
      }
    }, 40_000);
  });
});
