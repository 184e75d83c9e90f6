import {
  ClassicKv,
  clientIdOf,
  IdentityKv,
  type CertificateMapping,
  type Group,
  type ServiceInstance,
  type StoredServiceKey,
  type StoredUser,
} from '@certgate/contracts';
import { PrincipalDirectory } from './principal-directory';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);
const FP_C = 'c'.repeat(64);
const T = '2025-01-01T00:00:00.000Z';

const certInfo = (fingerprint: string) => ({
  pem: 'PEM',
  fingerprint,
  subjectDN: 'CN=x',
  issuerDN: 'CN=ca',
  serialNumber: '01',
  notBefore: T,
  notAfter: '2035-01-01T00:00:00.000Z',
});
const mapping = (fingerprint: string, user: string): CertificateMapping => ({ id: fingerprint, user, certificate: certInfo(fingerprint), createdAt: T });
const user = (name: string, roles: string[]): StoredUser => ({ name, roles, createdAt: T, updatedAt: T });
const group = (name: string, roles: string[], users: string[]): Group => ({ name, roles, users, createdAt: T, updatedAt: T });

/** Writes values the way identity lays them out in its bucket. */
const map = (dir: PrincipalDirectory, fp: string, name: string) => dir.apply(ClassicKv.mapping(fp), mapping(fp, name));
const unmap = (dir: PrincipalDirectory, fp: string) => dir.apply(ClassicKv.mapping(fp), undefined);
const putUser = (dir: PrincipalDirectory, name: string, roles: string[]) => dir.apply(ClassicKv.user(name), user(name, roles));
const putGroup = (dir: PrincipalDirectory, name: string, roles: string[], users: string[]) => dir.apply(ClassicKv.group(name), group(name, roles, users));
const rolesOf = (dir: PrincipalDirectory, fp: string) => [...(dir.byFingerprint(fp)?.roles ?? [])].sort();

describe('PrincipalDirectory in classic mode: certificate → mapping → user → roles', () => {
  let dir: PrincipalDirectory;

  beforeEach(() => {
    dir = new PrincipalDirectory({ mode: 'classic' });
  });

  it('a mapped certificate is the user, holding its direct roles', () => {
    expect(putUser(dir, 'alice', ['Role1'])).toBe('applied');
    expect(map(dir, FP_A, 'alice')).toBe('applied');
    expect(dir.byFingerprint(FP_A)).toEqual({ name: 'alice', kind: 'user', roles: new Set(['Role1']) });
    expect(dir.byFingerprint(FP_B)).toBeUndefined();
  });

  it('a mapped user with no record and no group is authenticated but holds no roles', () => {
    map(dir, FP_A, 'nobody-else-knows');
    expect(dir.byFingerprint(FP_A)).toEqual({ name: 'nobody-else-knows', kind: 'user', roles: new Set() });
  });

  it('roles through groups add to the direct ones', () => {
    putUser(dir, 'alice', ['Role1']);
    putGroup(dir, 'buyers', ['Role2'], ['alice', 'bob']);
    putGroup(dir, 'auditors', ['Role3', 'Role1'], ['alice']);
    map(dir, FP_A, 'alice');
    map(dir, FP_B, 'bob');
    expect(rolesOf(dir, FP_A)).toEqual(['Role1', 'Role2', 'Role3']);
    expect(rolesOf(dir, FP_B)).toEqual(['Role2']);
  });

  it('changes reach the principal at once: direct roles, group roles, membership, deletions', () => {
    map(dir, FP_A, 'alice');
    expect(rolesOf(dir, FP_A)).toEqual([]);
    putUser(dir, 'alice', ['Role1']);
    expect(rolesOf(dir, FP_A)).toEqual(['Role1']);
    putGroup(dir, 'buyers', ['Role2'], ['alice']);
    expect(rolesOf(dir, FP_A)).toEqual(['Role1', 'Role2']);
    putGroup(dir, 'buyers', ['Role4'], ['alice']);
    expect(rolesOf(dir, FP_A)).toEqual(['Role1', 'Role4']);
    putGroup(dir, 'buyers', ['Role4'], ['bob']);
    expect(rolesOf(dir, FP_A)).toEqual(['Role1']);
    putGroup(dir, 'buyers', ['Role4'], ['alice']);
    dir.apply(ClassicKv.group('buyers'), undefined);
    expect(rolesOf(dir, FP_A)).toEqual(['Role1']);
    dir.apply(ClassicKv.user('alice'), undefined);
    expect(dir.byFingerprint(FP_A)).toEqual({ name: 'alice', kind: 'user', roles: new Set() });
  });

  it('a deleted mapping is gone at once; the other certificate of the user stays (rollover)', () => {
    putUser(dir, 'alice', ['Role1']);
    map(dir, FP_A, 'alice');
    map(dir, FP_B, 'alice');
    expect(unmap(dir, FP_A)).toBe('applied');
    expect(dir.byFingerprint(FP_A)).toBeUndefined();
    expect(dir.byFingerprint(FP_B)?.name).toBe('alice');
  });

  it('a mapping rewritten to another user moves the certificate', () => {
    putUser(dir, 'alice', ['Role1']);
    putUser(dir, 'bob', ['Role2']);
    map(dir, FP_A, 'alice');
    map(dir, FP_A, 'bob');
    expect(dir.byFingerprint(FP_A)).toMatchObject({ name: 'bob', roles: new Set(['Role2']) });
  });

  it('user names with @ and dots work through their encoded KV key', () => {
    putUser(dir, 'john.doe@acme.com', ['Role1']);
    map(dir, FP_A, 'john.doe@acme.com');
    expect(dir.byFingerprint(FP_A)).toMatchObject({ name: 'john.doe@acme.com', roles: new Set(['Role1']) });
    dir.apply(ClassicKv.user('john.doe@acme.com'), undefined);
    expect(rolesOf(dir, FP_A)).toEqual([]);
  });

  it('forgets users nothing refers to any more, and applying a change twice changes nothing', () => {
    putUser(dir, 'alice', ['Role1']);
    putUser(dir, 'alice', ['Role1']);
    putGroup(dir, 'g', ['Role2'], ['bob']);
    putGroup(dir, 'g', ['Role2'], ['bob']);
    map(dir, FP_C, 'carol');
    map(dir, FP_C, 'carol');
    expect(dir.classicSize).toEqual({ mappings: 1, users: 3, groups: 1 });
    dir.apply(ClassicKv.user('alice'), undefined);
    dir.apply(ClassicKv.group('g'), undefined);
    unmap(dir, FP_C);
    expect(dir.classicSize).toEqual({ mappings: 0, users: 0, groups: 0 });
  });

  describe('a certificate resolves only through its mapping', () => {
    const instance: ServiceInstance = { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] }, createdAt: T };
    const key: StoredServiceKey = {
      instance: 'sender-a',
      name: 'k1',
      type: 'external-certificate',
      clientid: clientIdOf('sender-a', 'k1'),
      certificate: certInfo(FP_A),
      createdAt: T,
    };

    it('a certificate held by a service key but not mapped is nobody (deleting a mapping always locks it out)', () => {
      dir.apply(IdentityKv.instance('sender-a'), instance);
      dir.apply(IdentityKv.key('sender-a', 'k1'), key);
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
      map(dir, FP_A, 'alice');
      expect(dir.byFingerprint(FP_A)?.kind).toBe('user');
      unmap(dir, FP_A);
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
    });

    it('client ids (basic auth) still resolve to service keys', () => {
      dir.apply(IdentityKv.instance('sender-a'), instance);
      dir.apply(IdentityKv.key('sender-a', 'k1'), key);
      expect(dir.byClientId('sb-sender-a!k1')?.principal?.name).toBe('sb-sender-a!k1');
    });

    it('in standard mode mappings, users and groups are ignored', () => {
      const standard = new PrincipalDirectory();
      expect(map(standard, FP_B, 'alice')).toBe('ignored');
      expect(putUser(standard, 'alice', ['Role1'])).toBe('ignored');
      expect(putGroup(standard, 'g', ['Role1'], ['alice'])).toBe('ignored');
      expect(standard.byFingerprint(FP_B)).toBeUndefined();
      expect(standard.classicSize).toBeUndefined();
    });
  });

  describe('fails closed', () => {
    it('a malformed mapping maps nothing and removes the mapping it replaces', () => {
      map(dir, FP_A, 'alice');
      expect(dir.apply(ClassicKv.mapping(FP_A), { id: FP_A, user: 'alice' })).toBe('invalid');
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
    });

    it('a mapping stored under another fingerprint is refused', () => {
      expect(dir.apply(ClassicKv.mapping(FP_B), mapping(FP_A, 'alice'))).toBe('invalid');
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
      expect(dir.byFingerprint(FP_B)).toBeUndefined();
      expect(dir.apply(ClassicKv.mapping(FP_B), { ...mapping(FP_A, 'alice'), id: FP_B })).toBe('invalid');
      expect(dir.byFingerprint(FP_B)).toBeUndefined();
    });

    it('a malformed user record grants nothing', () => {
      putUser(dir, 'alice', ['Role1']);
      map(dir, FP_A, 'alice');
      expect(dir.apply(ClassicKv.user('alice'), { name: 'alice', roles: 'Role1' })).toBe('invalid');
      expect(rolesOf(dir, FP_A)).toEqual([]);
    });

    it('a user record stored under another user key is refused', () => {
      map(dir, FP_A, 'alice');
      expect(dir.apply(ClassicKv.user('mallory'), user('alice', ['Admin']))).toBe('invalid');
      expect(rolesOf(dir, FP_A)).toEqual([]);
    });

    it('a malformed or misplaced group grants nothing to its former members', () => {
      putGroup(dir, 'buyers', ['Role2'], ['alice']);
      map(dir, FP_A, 'alice');
      expect(rolesOf(dir, FP_A)).toEqual(['Role2']);
      expect(dir.apply(ClassicKv.group('buyers'), { name: 'buyers', roles: ['Role2'] })).toBe('invalid');
      expect(rolesOf(dir, FP_A)).toEqual([]);
      expect(dir.apply(ClassicKv.group('other'), group('buyers', ['Role2'], ['alice']))).toBe('invalid');
      expect(rolesOf(dir, FP_A)).toEqual([]);
    });
  });
});
