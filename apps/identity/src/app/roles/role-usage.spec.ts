import type { ServiceInstance } from '@certgate/contracts';
import { describeRoleUsage, roleUsage } from './role-usage';

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
      [flow('orders', { type: 'role', role: 'Role1' }), flow('billing', { type: 'role', role: 'Role2' }), flow('certs', { type: 'client-certificate', certificates: [{ subjectDN: 'CN=a', issuerDN: 'CN=b' }] })],
    );
    expect(usage).toEqual({ instances: ['a', 'c'], flows: ['orders'] });
  });

  it('role names are compared exactly (case matters, as in the KV key)', () => {
    expect(roleUsage('role1', [instance('a', ['Role1'])], [flow('f', { type: 'role', role: 'Role1' })])).toEqual({ instances: [], flows: [] });
  });

  it('a flow this version cannot fully read still counts when it names the role (deny rather than miss it)', () => {
    const odd = { key: 'flow.future', value: { definition: { id: 'future', sender: { authorization: { type: 'role', role: 'Role1', since: 'v2' } } } } };
    expect(roleUsage('Role1', [], [odd]).flows).toEqual(['future']);
    expect(roleUsage('Role1', [], [{ key: 'flow.garbage', value: undefined }]).flows).toEqual([]);
  });

  it('the message names everything that depends on the role', () => {
    expect(describeRoleUsage('Role1', { instances: ['a', 'c'], flows: ['orders'] })).toBe(
      "role 'Role1' is in use and cannot be deleted: service instance(s) 'a', 'c' hold it; the sender channel of flow(s) 'orders' asks for it. Remove it from them first",
    );
  });
});
