import type { Group, ServiceInstance, StoredUser } from '@certgate/contracts';
import { describeRoleUsage, roleInUse, roleUsage } from './role-usage';

const instance = (name: string, roles: string[]): ServiceInstance => ({
  name,
  parameters: { roles, 'grant-types': ['client_x509'], 'redirect-uris': [] },
  createdAt: '2030-01-01T00:00:00.000Z',
});

const flow = (id: string, authorization: unknown) => ({
  key: `flow.${id}`,
  value: { definition: { id, sender: { address: `/${id}`, authorization }, steps: [] }, certificateMatchers: [], deployedAt: '2030-01-01T00:00:00.000Z' },
});

describe('roleUsage', () => {
  it('names the instances holding the role and the flows whose sender channel asks for it', () => {
    const usage = roleUsage(
      'Role1',
      [instance('a', ['Role1', 'Role2']), instance('b', ['Role2']), instance('c', ['Role1'])],
      [
        flow('orders', { type: 'role', role: 'Role1' }),
        flow('billing', { type: 'role', role: 'Role2' }),
        flow('certs', { type: 'client-certificate', certificates: [{ subjectDN: 'CN=a', issuerDN: 'CN=b' }] }),
      ],
    );
    expect(usage).toEqual({ instances: ['a', 'c'], flows: ['orders'], users: [], groups: [] });
  });

  it('role names are compared exactly (case matters, as in the KV key)', () => {
    expect(roleUsage('role1', [instance('a', ['Role1'])], [flow('f', { type: 'role', role: 'Role1' })])).toEqual({
      instances: [],
      flows: [],
      users: [],
      groups: [],
    });
  });

  it('a flow this version cannot fully read still counts when it names the role (deny rather than miss it)', () => {
    const odd = { key: 'flow.future', value: { definition: { id: 'future', sender: { authorization: { type: 'role', role: 'Role1', since: 'v2' } } } } };
    expect(roleUsage('Role1', [], [odd]).flows).toEqual(['future']);
    expect(roleUsage('Role1', [], [{ key: 'flow.garbage', value: undefined }]).flows).toEqual([]);
  });

  it('the message names everything that depends on the role', () => {
    expect(describeRoleUsage('Role1', { instances: ['a', 'c'], flows: ['orders'], users: [], groups: [] })).toBe(
      "role 'Role1' is in use and cannot be deleted: service instance(s) 'a', 'c' hold it; the sender channel of flow(s) 'orders' asks for it. Remove it from them first",
    );
  });

  describe('classic mode: users and groups hold roles too', () => {
    const user = (name: string, roles: string[]): StoredUser => ({ name, roles, createdAt: 'x', updatedAt: 'x' });
    const group = (name: string, roles: string[], users: string[] = []): Group => ({ name, roles, users, createdAt: 'x', updatedAt: 'x' });

    it('names the users holding the role directly and the groups granting it', () => {
      const usage = roleUsage('Role1', [], [], {
        users: [user('alice', ['Role1']), user('bob', ['Role2']), user('carol@acme.com', ['Role2', 'Role1'])],
        groups: [group('buyers', ['Role1'], ['bob']), group('sellers', ['Role2'], ['alice'])],
      });
      expect(usage).toEqual({ instances: [], flows: [], users: ['alice', 'carol@acme.com'], groups: ['buyers'] });
      expect(roleInUse(usage)).toBe(true);
    });

    it('a group member without the role itself does not count as holding it (the group is named instead)', () => {
      const usage = roleUsage('Role1', [], [], { users: [], groups: [group('buyers', ['Role1'], ['bob'])] });
      expect(usage.users).toEqual([]);
      expect(usage.groups).toEqual(['buyers']);
    });

    it('nobody holding it: not in use', () => {
      expect(roleInUse(roleUsage('Role9', [instance('a', ['Role1'])], [], { users: [user('u', ['Role1'])], groups: [group('g', ['Role1'])] }))).toBe(false);
    });

    it('the message names users and groups next to instances and flows', () => {
      expect(describeRoleUsage('Role1', { instances: [], flows: ['orders'], users: ['alice'], groups: ['buyers', 'sellers'] })).toBe(
        "role 'Role1' is in use and cannot be deleted: user(s) 'alice' hold it directly; group(s) 'buyers', 'sellers' grant it; the sender channel of flow(s) 'orders' asks for it. Remove it from them first",
      );
    });
  });
});
