import { ApiError } from '../api/api-error';
import type { CertgateApi } from '../api/certgate-api';
import { applyPlan } from './apply';
import type { Change, Plan } from './plan';

/** The API as apply sees it: every call recorded; `refuse` makes one call fail as the console would. */
function fakeApi(refuse: Record<string, ApiError> = {}) {
  const calls: string[] = [];
  const call =
    (name: string) =>
    async (...args: unknown[]): Promise<unknown> => {
      const line = `${name} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`.trim();
      calls.push(line);
      const err = refuse[line];
      if (err) throw err;
      return {};
    };
  const group = (area: string, methods: string[]) => Object.fromEntries(methods.map((m) => [m, call(`${area}.${m}`)]));
  const api = {
    trust: group('trust', ['add', 'remove']),
    roles: group('roles', ['create', 'delete']),
    instances: group('instances', ['create', 'update', 'delete']),
    keys: group('keys', ['create', 'delete']),
    keystore: group('keystore', ['addCertificate', 'generateKeyPair', 'delete']),
    flows: group('flows', ['deploy', 'undeploy']),
    users: group('users', ['setRoles', 'delete']),
    groups: group('groups', ['create', 'update', 'delete']),
    mappings: group('mappings', ['create', 'delete']),
    alerts: group('alerts', ['mute', 'unmute']),
    subscriptions: group('subscriptions', ['create', 'delete']),
  } as unknown as CertgateApi;
  return { api, calls };
}

const plan = (changes: Change[], prune = true): Plan => ({ prune, changes, kept: [] });

describe('applyPlan: the requests, in dependency order, stopping at the first refusal', () => {
  it('makes each change with the routes of its kind: creates in order, replacements as delete + create, removals last in reverse', async () => {
    const { api, calls } = fakeApi({ 'users.delete ghost': new ApiError(404, 'user_not_found', "user 'ghost' does not exist") });
    const report = await applyPlan(
      api,
      plan([
        { kind: 'user', key: 'ghost', action: 'delete', fields: [], actual: { name: 'ghost', roles: [] } },
        { kind: 'role', key: 'Old', action: 'delete', fields: [], actual: { name: 'Old' } },
        {
          kind: 'subscription',
          key: 'https://ops.example/hook',
          action: 'replace',
          fields: [],
          desired: { url: 'https://ops.example/hook', thresholds: [7], secretEnv: 'HOOK' },
          ref: { id: 'sub-1' },
        },
        { kind: 'flow', key: 'orders', action: 'update', fields: [], desired: { id: 'orders' } },
        {
          kind: 'key',
          key: 'a/k1',
          action: 'replace',
          fields: [],
          desired: { name: 'k1', type: 'external-certificate', certificate: 'PEM' },
          ref: { instance: 'a', name: 'k1' },
        },
        { kind: 'role', key: 'Role1', action: 'create', fields: [], desired: { name: 'Role1', description: 'd' } },
        {
          kind: 'instance',
          key: 'a',
          action: 'create',
          fields: [],
          desired: { name: 'a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } },
        },
        { kind: 'key-pair', key: 'to-erp', action: 'create', fields: [], desired: { alias: 'to-erp', keyType: 'EC', curve: 'P-256', subjectDN: 'CN=x' } },
        { kind: 'user', key: 'alice', action: 'create', fields: [], desired: { name: 'alice', roles: ['Role1'] } },
        { kind: 'mute', key: 'flow', action: 'create', fields: [], desired: { source: 'flow' } },
      ]),
      { HOOK: 'a-long-enough-webhook-secret' },
    );
    expect(report).toMatchObject({ notApplied: [] });
    expect(report.failed).toBeUndefined();
    expect(report.applied).toHaveLength(10);
    expect(calls).toEqual([
      'roles.create {"name":"Role1","description":"d"}',
      'instances.create {"name":"a","parameters":{"roles":["Role1"],"grant-types":["client_x509"],"redirect-uris":[]}}',
      'keys.delete a k1',
      'keys.create a {"name":"k1","type":"external-certificate","certificate":"PEM"}',
      'keystore.generateKeyPair {"alias":"to-erp","keyType":"EC","curve":"P-256","subjectDN":"CN=x"}',
      'flows.deploy orders {"id":"orders"}',
      'users.setRoles alice ["Role1"]',
      'alerts.mute flow',
      'subscriptions.delete sub-1',
      'subscriptions.create {"url":"https://ops.example/hook","secret":"a-long-enough-webhook-secret","thresholds":[7]}',
      // An object already gone is what a removal wants.
      'users.delete ghost',
      'roles.delete Old',
    ]);
  });

  it('a refused request stops apply: what was applied stays, the report says what failed and what was not applied', async () => {
    const refusal = new ApiError(400, 'subject_dn_invalid', 'subjectDN: not a distinguished name');
    const { api, calls } = fakeApi({ 'keystore.generateKeyPair {"alias":"bad","keyType":"EC","curve":"P-256","subjectDN":"nonsense"}': refusal });
    const changes: Change[] = [
      { kind: 'role', key: 'Role1', action: 'create', fields: [], desired: { name: 'Role1' } },
      { kind: 'key-pair', key: 'bad', action: 'create', fields: [], desired: { alias: 'bad', keyType: 'EC', curve: 'P-256', subjectDN: 'nonsense' } },
      { kind: 'flow', key: 'orders', action: 'create', fields: [], desired: { id: 'orders' } },
      { kind: 'role', key: 'Old', action: 'delete', fields: [], actual: { name: 'Old' } },
    ];
    const report = await applyPlan(api, plan(changes), {});
    expect(report.applied.map((c) => c.key)).toEqual(['Role1']);
    expect(report.failed).toEqual({ change: changes[1], error: refusal });
    expect(report.notApplied.map((c) => c.key)).toEqual(['orders', 'Old']);
    expect(calls).toHaveLength(2);
  });
});
