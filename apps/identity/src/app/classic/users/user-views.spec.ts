import type { CertificateMapping, Group, StoredUser } from '@certgate/contracts';
import type { ClassicRecords } from '../classic-records';
import { userView, userViews } from './user-views';

const user = (name: string, roles: string[]): StoredUser => ({ name, roles, createdAt: 'x', updatedAt: 'x' });
const group = (name: string, roles: string[], users: string[]): Group => ({ name, roles, users, createdAt: 'x', updatedAt: 'x' });
const mapping = (id: string, userName: string): CertificateMapping => ({
  id: id.repeat(64),
  user: userName,
  certificate: { pem: '', fingerprint: id.repeat(64), subjectDN: 'CN=x', issuerDN: 'CN=ca', serialNumber: '01', notBefore: 'x', notAfter: 'x' },
  createdAt: 'x',
});

const records: ClassicRecords = {
  users: [user('alice', ['Role1']), user('idle', [])],
  mappings: [mapping('a', 'alice'), mapping('b', 'alice'), mapping('c', 'mapped-only')],
  groups: [group('buyers', ['Role2', 'Role1'], ['alice', 'member-only']), group('empty', ['Role3'], [])],
};

describe('userViews', () => {
  it('lists every user a record, a mapping or a group names, once, sorted', () => {
    expect(userViews(records).map((u) => u.name)).toEqual(['alice', 'idle', 'mapped-only', 'member-only']);
  });

  it('shows direct roles, groups, the roles a request would hold and the mapping ids', () => {
    expect(userView(records, 'alice')).toEqual({
      name: 'alice',
      roles: ['Role1'],
      groups: ['buyers'],
      effectiveRoles: ['Role1', 'Role2'],
      mappings: ['a'.repeat(64), 'b'.repeat(64)],
    });
    expect(userView(records, 'member-only')).toEqual({ name: 'member-only', roles: [], groups: ['buyers'], effectiveRoles: ['Role1', 'Role2'], mappings: [] });
    expect(userView(records, 'mapped-only')).toEqual({ name: 'mapped-only', roles: [], groups: [], effectiveRoles: [], mappings: ['c'.repeat(64)] });
    expect(userView(records, 'idle')).toMatchObject({ roles: [], effectiveRoles: [] });
  });

  it('a name nothing refers to has no view', () => {
    expect(userView(records, 'nobody')).toBeUndefined();
    expect(userView(records, 'buyers')).toBeUndefined();
  });

  it('a user listed twice in a group counts it once', () => {
    const views = userViews({ users: [], mappings: [], groups: [group('g', ['R'], ['u', 'u'])] });
    expect(views).toEqual([{ name: 'u', roles: [], groups: ['g'], effectiveRoles: ['R'], mappings: [] }]);
  });

  it('names are compared exactly', () => {
    expect(userViews({ users: [user('Alice', [])], mappings: [mapping('a', 'alice')], groups: [] }).map((u) => u.name)).toEqual(['Alice', 'alice']);
  });
});
