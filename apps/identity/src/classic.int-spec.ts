import type { INestMicroservice } from '@nestjs/common';
import type { KV } from 'nats';
import {
  Buckets,
  ClassicKv,
  ClassicRpc,
  FlowsKv,
  IdentityKv,
  IdentityRpc,
  PREDEFINED_ROLE,
  certificateMappingSchema,
  groupSchema,
  type CertgateError,
  type DeployedFlow,
} from '@certgate/contracts';
import { encodeJson, ensureKv, RpcClient } from '@certgate/messaging';
import { certgateFailure as failure, createTestPki, startNatsHarness, type NatsHarness, type TestPki } from '@certgate/testing';
import { MappingsService } from './app/classic/mappings/mappings.service';
import { UsersService } from './app/classic/users/users.service';
import { startIdentityReplica } from './test-support/identity-replica';

async function liveKeys(kv: KV, filter = '>'): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of await kv.keys(filter)) keys.push(k);
  return keys.sort();
}

describe('identity, classic mode records: certificate-user mappings, users, groups (real NATS, two replicas)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let pki: TestPki;
  let identityKv: KV;
  let flowsKv: KV;
  const replicas: INestMicroservice[] = [];

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'identity-classic' });
    rpc = new RpcClient(h.nc, h.tenant);
    pki = await createTestPki();
    replicas.push(...(await Promise.all([startIdentityReplica(h, 'i1'), startIdentityReplica(h, 'i2')])));
    identityKv = await ensureKv(h.nc, h.tenant, Buckets.identity);
    flowsKv = await ensureKv(h.nc, h.tenant, Buckets.flows);
    for (const name of ['Role1', 'Role2', 'Role3']) await rpc.request(IdentityRpc.createRole, { name });
  }, 60_000);

  afterAll(async () => {
    for (const app of replicas) await app.close().catch(() => undefined);
    await h?.stop();
  });

  const map = (user: string, certificate: string) => rpc.request(ClassicRpc.createMapping, { user, certificate });
  const userNames = async () => (await rpc.request(ClassicRpc.listUsers, {})).users.map((u) => u.name);

  describe('certificate-user mappings', () => {
    it('map a certificate to a user name that exists nowhere else: {id, user, certificate}; nothing else is created', async () => {
      const leaf = await pki.issueClient('m-alice');
      const before = await liveKeys(identityKv);
      const mapping = await map('m-alice', leaf.certPem);
      expect(mapping).toEqual({
        id: leaf.certificate.fingerprint,
        user: 'm-alice',
        certificate: {
          pem: leaf.certificate.pem,
          fingerprint: leaf.certificate.fingerprint,
          subjectDN: leaf.certificate.subjectDN,
          issuerDN: leaf.certificate.issuerDN,
          serialNumber: leaf.certificate.serialNumber,
          notBefore: leaf.certificate.notBefore.toISOString(),
          notAfter: leaf.certificate.notAfter.toISOString(),
        },
        createdAt: expect.any(String),
      });
      // One key, under the certificate's fingerprint: no user record, no role, no service-key index entry.
      expect((await liveKeys(identityKv)).filter((k) => !before.includes(k))).toEqual([ClassicKv.mapping(leaf.certificate.fingerprint)]);
      expect(certificateMappingSchema.parse((await identityKv.get(ClassicKv.mapping(mapping.id)))?.json())).toEqual(mapping);

      await expect(rpc.request(ClassicRpc.getMapping, { id: mapping.id })).resolves.toEqual(mapping);
      await expect(rpc.request(ClassicRpc.getMapping, { id: mapping.id.toUpperCase() })).resolves.toEqual(mapping);
      expect((await rpc.request(ClassicRpc.listMappings, {})).mappings.map((m) => m.id)).toContain(mapping.id);
      expect(await userNames()).toContain('m-alice');
    });

    it('list by user; delete by id; 404 for an unknown id; a malformed id → 400', async () => {
      const [a, b, c] = await Promise.all(['m-list-1', 'm-list-2', 'm-list-3'].map((cn) => pki.issueClient(cn)));
      await map('m-lister', a.certPem);
      await map('m-lister', b.certPem);
      await map('m-other', c.certPem);
      const mine = (await rpc.request(ClassicRpc.listMappings, { user: 'm-lister' })).mappings;
      expect(mine.map((m) => m.id).sort()).toEqual([a.certificate.fingerprint, b.certificate.fingerprint].sort());

      await rpc.request(ClassicRpc.deleteMapping, { id: a.certificate.fingerprint });
      expect((await rpc.request(ClassicRpc.listMappings, { user: 'm-lister' })).mappings.map((m) => m.id)).toEqual([b.certificate.fingerprint]);
      expect(await liveKeys(identityKv, ClassicKv.mapping(a.certificate.fingerprint))).toEqual([]);
      const gone = await failure(rpc.request(ClassicRpc.getMapping, { id: a.certificate.fingerprint }));
      expect(gone).toMatchObject({ code: 'mapping_not_found', message: expect.stringContaining(a.certificate.fingerprint) });
      expect((await failure(rpc.request(ClassicRpc.deleteMapping, { id: a.certificate.fingerprint }))).code).toBe('mapping_not_found');
      expect((await failure(rpc.request(ClassicRpc.getMapping, { id: 'not-a-fingerprint' }))).code).toBe('validation_failed');
      // the certificate is free again
      await expect(map('m-new-owner', a.certPem)).resolves.toMatchObject({ user: 'm-new-owner' });
    });

    it('the same certificate mapped again → 409 naming the user that has it (to another user: certificate_in_use; the same one: mapping_exists)', async () => {
      const leaf = await pki.issueClient('m-dup');
      await map('m-first', leaf.certPem);
      for (const [user, code] of [
        ['m-second', 'certificate_in_use'],
        ['m-first', 'mapping_exists'],
      ]) {
        const err = await failure(map(user, leaf.certPem));
        expect(err.code).toBe(code);
        expect(err.message).toContain("already mapped to user 'm-first'");
        expect(err.details).toEqual({ user: 'm-first', id: leaf.certificate.fingerprint });
      }
      expect((await rpc.request(ClassicRpc.getMapping, { id: leaf.certificate.fingerprint })).user).toBe('m-first');
    });

    it.each([
      ['over NATS (the queue group spreads the calls)', 'rpc'],
      ['straight into each replica', 'direct'],
    ])('10 concurrent mappings of one certificate to 10 users, %s: exactly one wins, the others get 409 naming it', async (_how, how) => {
      const leaf = await pki.issueClient(`m-race-${how}`);
      const users = Array.from({ length: 10 }, (_, i) => `m-race-${how}-${i}`);
      const results = await Promise.allSettled(
        users.map((u, i) => (how === 'rpc' ? map(u, leaf.certPem) : replicas[i % 2].get(MappingsService).create(u, leaf.certPem))),
      );
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.user] : []));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as CertgateError] : []));
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(9);
      for (const err of refused) expect(err).toMatchObject({ code: 'certificate_in_use', details: { user: won[0] } });
      expect((await rpc.request(ClassicRpc.getMapping, { id: leaf.certificate.fingerprint })).user).toBe(won[0]);
    });

    it('the PEM must be one leaf, valid now, for client authentication (the service-key checks); nothing is written otherwise', async () => {
      const leaf = await pki.issueClient('m-chain');
      const expired = await pki.issueClient('m-expired', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
      const server = await pki.issueServer('m-server.example');
      const before = await liveKeys(identityKv, `${ClassicKv.prefixes.mapping}>`);
      const cases: [string, string, RegExp][] = [
        [leaf.chainPem, 'certificate_is_chain', /send only the leaf certificate, not a chain/],
        [pki.intermediate.certPem, 'certificate_is_ca', /is a CA certificate/],
        [expired.certPem, 'certificate_expired', /has expired/],
        [server.certPem, 'certificate_wrong_usage', /not allowed for client authentication/],
        ['not a certificate', 'certificate_invalid', /^certificate: /],
      ];
      for (const [pem, code, message] of cases)
        expect(await failure(map('m-bad', pem))).toMatchObject({ code, message: expect.stringMatching(message), details: { field: 'certificate' } });
      expect(await liveKeys(identityKv, `${ClassicKv.prefixes.mapping}>`)).toEqual(before);
      expect(await userNames()).not.toContain('m-bad');
    });

    it('user names that would break a KV key or the access log are refused; an e-mail address works', async () => {
      const leaf = await pki.issueClient('m-names');
      for (const user of ['john doe', 'a..b', 'x=40y', '']) expect((await failure(map(user, leaf.certPem))).code).toBe('validation_failed');
      await expect(map('john.doe@acme.com', leaf.certPem)).resolves.toMatchObject({ user: 'john.doe@acme.com' });
      await rpc.request(ClassicRpc.setUserRoles, { name: 'john.doe@acme.com', roles: ['Role1'] });
      expect(await liveKeys(identityKv, ClassicKv.user('john.doe@acme.com'))).toEqual(['user.john.doe=40acme.com']);
      await expect(rpc.request(ClassicRpc.getUser, { name: 'john.doe@acme.com' })).resolves.toMatchObject({
        roles: ['Role1'],
        mappings: [leaf.certificate.fingerprint],
      });
    });
  });

  describe('users', () => {
    it('GET /users lists every user with a mapping, direct roles or group membership, with what each holds', async () => {
      const leaf = await pki.issueClient('u-mapped');
      await map('u-mapped', leaf.certPem);
      await rpc.request(ClassicRpc.setUserRoles, { name: 'u-direct', roles: ['Role1'] });
      await rpc.request(ClassicRpc.createGroup, { name: 'u-group', roles: ['Role2'], users: ['u-member', 'u-direct'] });
      const users = (await rpc.request(ClassicRpc.listUsers, {})).users;
      expect(users.find((u) => u.name === 'u-mapped')).toEqual({
        name: 'u-mapped',
        roles: [],
        groups: [],
        effectiveRoles: [],
        mappings: [leaf.certificate.fingerprint],
      });
      expect(users.find((u) => u.name === 'u-direct')).toEqual({
        name: 'u-direct',
        roles: ['Role1'],
        groups: ['u-group'],
        effectiveRoles: ['Role1', 'Role2'],
        mappings: [],
      });
      expect(users.find((u) => u.name === 'u-member')).toEqual({ name: 'u-member', roles: [], groups: ['u-group'], effectiveRoles: ['Role2'], mappings: [] });
      const names = users.map((u) => u.name);
      expect(names).toEqual([...names].sort());
      expect(names).not.toContain('u-group');
    });

    it('POST /users writes an empty record; a second time → 409; GET of an unknown user → 404', async () => {
      await expect(rpc.request(ClassicRpc.createUser, { name: 'u-new' })).resolves.toEqual({
        name: 'u-new',
        roles: [],
        groups: [],
        effectiveRoles: [],
        mappings: [],
      });
      expect(await userNames()).toContain('u-new');
      expect(await failure(rpc.request(ClassicRpc.createUser, { name: 'u-new' }))).toMatchObject({
        code: 'user_exists',
        message: "user 'u-new' already exists",
      });
      expect((await failure(rpc.request(ClassicRpc.getUser, { name: 'u-nobody' }))).code).toBe('user_not_found');
    });

    it('PUT roles replaces the direct roles (creating the record); unknown roles → 400 naming them, nothing written', async () => {
      const set = (roles: string[]) => rpc.request(ClassicRpc.setUserRoles, { name: 'u-roles', roles });
      await expect(set(['Role1', 'Role2', 'Role1'])).resolves.toMatchObject({ roles: ['Role1', 'Role2'] });
      await expect(set(['Role3'])).resolves.toMatchObject({ roles: ['Role3'], effectiveRoles: ['Role3'] });
      const err = await failure(set(['Role1', 'Ghost', 'Phantom']));
      expect(err).toMatchObject({
        code: 'role_unknown',
        message: expect.stringContaining("unknown roles 'Ghost', 'Phantom'"),
        details: { field: 'roles[1]', role: 'Ghost', roles: ['Ghost', 'Phantom'] },
      });
      expect(err.message).not.toContain('Role1');
      expect((await rpc.request(ClassicRpc.getUser, { name: 'u-roles' })).roles).toEqual(['Role3']);
      expect((await failure(rpc.request(ClassicRpc.setUserRoles, { name: 'u-ghost', roles: ['Ghost'] }))).code).toBe('role_unknown');
      expect(await userNames()).not.toContain('u-ghost');
      await expect(set([])).resolves.toMatchObject({ roles: [] });
    });

    it('concurrent role changes on two replicas all succeed (a lost race is retried) and the record holds one of them', async () => {
      const choices = [['Role1'], ['Role2'], ['Role3'], ['Role1', 'Role2'], ['Role2', 'Role3'], []];
      await Promise.all(choices.map((roles, i) => replicas[i % 2].get(UsersService).setRoles('u-race', roles)));
      const { roles } = await rpc.request(ClassicRpc.getUser, { name: 'u-race' });
      expect(choices).toContainEqual(roles);
    });

    it('DELETE removes the record; refused (409 naming them) while mappings or groups name the user', async () => {
      const leaf = await pki.issueClient('u-del');
      await rpc.request(ClassicRpc.setUserRoles, { name: 'u-del', roles: ['Role1'] });
      await map('u-del', leaf.certPem);
      await rpc.request(ClassicRpc.createGroup, { name: 'u-del-group', users: ['u-del'] });
      const busy = await failure(rpc.request(ClassicRpc.deleteUser, { name: 'u-del' }));
      expect(busy).toMatchObject({ code: 'user_in_use', details: { user: 'u-del', mappings: [leaf.certificate.fingerprint], groups: ['u-del-group'] } });
      expect(busy.message).toContain("'u-del-group'");

      await rpc.request(ClassicRpc.deleteMapping, { id: leaf.certificate.fingerprint });
      await rpc.request(ClassicRpc.updateGroup, { name: 'u-del-group', roles: [], users: [] });
      await rpc.request(ClassicRpc.deleteUser, { name: 'u-del' });
      expect(await userNames()).not.toContain('u-del');
      expect((await failure(rpc.request(ClassicRpc.deleteUser, { name: 'u-del' }))).code).toBe('user_not_found');
    });
  });

  describe('groups', () => {
    it('created with roles and users (deduplicated), listed, read; a duplicate name → 409; unknown → 404', async () => {
      const group = await rpc.request(ClassicRpc.createGroup, { name: 'g-buyers', roles: ['Role1', 'Role1'], users: ['g-ann', 'g-ben', 'g-ann'] });
      expect(group).toMatchObject({ name: 'g-buyers', roles: ['Role1'], users: ['g-ann', 'g-ben'] });
      expect(groupSchema.parse((await identityKv.get(ClassicKv.group('g-buyers')))?.json())).toEqual(group);
      expect((await rpc.request(ClassicRpc.listGroups, {})).groups.map((g) => g.name)).toContain('g-buyers');
      await expect(rpc.request(ClassicRpc.getGroup, { name: 'g-buyers' })).resolves.toEqual(group);
      expect(await failure(rpc.request(ClassicRpc.createGroup, { name: 'g-buyers' }))).toMatchObject({
        code: 'group_exists',
        message: "group 'g-buyers' already exists",
      });
      for (const call of [
        rpc.request(ClassicRpc.getGroup, { name: 'g-none' }),
        rpc.request(ClassicRpc.updateGroup, { name: 'g-none', roles: [], users: [] }),
        rpc.request(ClassicRpc.deleteGroup, { name: 'g-none' }),
      ]) {
        expect((await failure(call)).code).toBe('group_not_found');
      }
      expect(await liveKeys(identityKv, ClassicKv.group('g-none'))).toEqual([]);
    });

    it('unknown roles → 400 naming them, on create and on update; nothing written', async () => {
      const err = await failure(rpc.request(ClassicRpc.createGroup, { name: 'g-ghost', roles: ['Role1', 'Ghost'] }));
      expect(err).toMatchObject({
        code: 'role_unknown',
        message: expect.stringContaining("unknown role 'Ghost'"),
        details: { field: 'roles[1]', role: 'Ghost', roles: ['Ghost'] },
      });
      expect(await liveKeys(identityKv, ClassicKv.group('g-ghost'))).toEqual([]);
      await rpc.request(ClassicRpc.createGroup, { name: 'g-upd', roles: ['Role1'], users: ['g-x'] });
      expect((await failure(rpc.request(ClassicRpc.updateGroup, { name: 'g-upd', roles: ['Phantom'], users: [] }))).details).toEqual({
        field: 'roles[0]',
        role: 'Phantom',
        roles: ['Phantom'],
      });
      await expect(rpc.request(ClassicRpc.getGroup, { name: 'g-upd' })).resolves.toMatchObject({ roles: ['Role1'], users: ['g-x'] });
    });

    it('PUT replaces roles and members, keeping createdAt; DELETE removes the group, its members lose its roles, the users stay', async () => {
      const created = await rpc.request(ClassicRpc.createGroup, { name: 'g-swap', roles: ['Role1'], users: ['g-old'] });
      await rpc.request(ClassicRpc.setUserRoles, { name: 'g-new', roles: ['Role3'] });
      const updated = await rpc.request(ClassicRpc.updateGroup, { name: 'g-swap', roles: ['Role2'], users: ['g-new'] });
      expect(updated).toMatchObject({ name: 'g-swap', roles: ['Role2'], users: ['g-new'], createdAt: created.createdAt });
      expect(await userNames()).not.toContain('g-old');
      await expect(rpc.request(ClassicRpc.getUser, { name: 'g-new' })).resolves.toMatchObject({ groups: ['g-swap'], effectiveRoles: ['Role2', 'Role3'] });

      await rpc.request(ClassicRpc.deleteGroup, { name: 'g-swap' });
      expect((await failure(rpc.request(ClassicRpc.getGroup, { name: 'g-swap' }))).code).toBe('group_not_found');
      await expect(rpc.request(ClassicRpc.getUser, { name: 'g-new' })).resolves.toMatchObject({ groups: [], effectiveRoles: ['Role3'] });
    });
  });

  describe('roles in use by users and groups', () => {
    it('a role held by a user or granted by a group cannot be deleted (409 naming them); once free it can', async () => {
      await rpc.request(IdentityRpc.createRole, { name: 'Classic.busy' });
      await rpc.request(ClassicRpc.setUserRoles, { name: 'r-user', roles: ['Classic.busy'] });
      await rpc.request(ClassicRpc.createGroup, { name: 'r-group', roles: ['Classic.busy'], users: ['r-member'] });
      const flow: DeployedFlow = {
        definition: { id: 'r-flow', sender: { address: '/r-flow', authorization: { type: 'role', role: 'Role3' } }, steps: [] },
        certificateMatchers: [],
        deployedAt: new Date().toISOString(),
      };
      await flowsKv.put(FlowsKv.flow('r-flow'), encodeJson(flow));

      const both = await failure(rpc.request(IdentityRpc.deleteRole, { name: 'Classic.busy' }));
      expect(both.code).toBe('role_in_use');
      expect(both.message).toContain("user(s) 'r-user' hold it directly");
      expect(both.message).toContain("group(s) 'r-group' grant it");
      expect(both.details).toMatchObject({ role: 'Classic.busy', users: ['r-user'], groups: ['r-group'], instances: [], flows: [] });

      await rpc.request(ClassicRpc.setUserRoles, { name: 'r-user', roles: [] });
      expect((await failure(rpc.request(IdentityRpc.deleteRole, { name: 'Classic.busy' }))).details).toMatchObject({ users: [], groups: ['r-group'] });
      await rpc.request(ClassicRpc.updateGroup, { name: 'r-group', roles: [PREDEFINED_ROLE], users: ['r-member'] });
      await rpc.request(IdentityRpc.deleteRole, { name: 'Classic.busy' });
      expect((await failure(rpc.request(IdentityRpc.getRole, { name: 'Classic.busy' }))).code).toBe('role_not_found');
    });

    it('mappings, users and groups live next to the service-key layout without touching it', async () => {
      const keys = await liveKeys(identityKv);
      const classic = Object.values(ClassicKv.prefixes);
      const standard = Object.values(IdentityKv.prefixes);
      for (const k of keys) expect([...classic, ...standard].some((p) => k.startsWith(p))).toBe(true);
      expect(keys.some((k) => k.startsWith(IdentityKv.prefixes.certIndex))).toBe(false);
    });
  });
});
