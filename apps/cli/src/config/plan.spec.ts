import { tenantConfigurationSpecSchema } from '@certgate/contracts';
import { createTestPki, type TestLeaf, type TestPki } from '@certgate/testing';
import { applyOrder } from './apply';
import { fingerprintOf } from './certificates';
import type { FullSpec } from './model';
import { normaliseSpec } from './normalise';
import { planChanges, refusals, type Change, type Plan } from './plan';
import { emptySnapshot, type TenantSnapshot } from './tenant-snapshot';

type SpecInput = Parameters<typeof tenantConfigurationSpecSchema.parse>[0];

const spec = (input: SpecInput) => normaliseSpec(tenantConfigurationSpecSchema.parse(input));

/** A tenant that holds what `input` lists (as export would show it). */
function tenant(input: SpecInput, extra: Partial<Omit<TenantSnapshot, 'config'>> = {}): TenantSnapshot {
  const base = emptySnapshot();
  const s = spec(input);
  const config: FullSpec = {
    ...base.config,
    ...(s.trustedRoots && { trustedRoots: s.trustedRoots }),
    ...(s.roles && { roles: s.roles }),
    ...(s.serviceInstances && { serviceInstances: s.serviceInstances.map((i) => ({ ...i, keys: i.keys ?? [] })) }),
    ...(s.flows && { flows: s.flows }),
    classic: { ...base.config.classic, ...s.classic },
    keystore: { ...base.config.keystore, ...s.keystore },
    alerts: { ...base.config.alerts, ...s.alerts },
  };
  const grantTypes = new Map(config.serviceInstances.map((i) => [i.name, i.parameters['grant-types'][0]]));
  return { ...base, grantTypes, ...extra, config };
}

const brief = (plan: Plan) => plan.changes.map((c) => `${c.action} ${c.kind} ${c.key}${c.early ? ' (early)' : ''}`);
const x509 = (name: string, roles: string[] = []) => ({ name, parameters: { roles, 'grant-types': ['client_x509'] } });
const roleFlow = (id: string, address: string, role: string) => ({
  id,
  sender: { address, authorization: { type: 'role' as const, role } },
  steps: [{ type: 'respond' as const, status: 200, body: 'ok' }],
});

describe('planChanges: what apply would do, matched by natural key', () => {
  let pki: TestPki;
  let leafA: TestLeaf;
  let leafB: TestLeaf;

  beforeAll(async () => {
    pki = await createTestPki();
    [leafA, leafB] = await Promise.all([pki.issueClient('sender a'), pki.issueClient('sender b')]);
  });

  it('a list left out of the file is not managed; a list present is the whole truth (kept without --prune, removed with it)', () => {
    const t = tenant({ roles: [{ name: 'Role1' }], flows: [roleFlow('orders', '/orders', 'Role1')] });
    expect(planChanges(spec({}), t, { prune: true })).toEqual({ prune: true, changes: [], kept: [] });

    const kept = planChanges(spec({ roles: [] }), t, { prune: false });
    expect(kept.changes).toEqual([]);
    expect(kept.kept).toEqual([{ kind: 'role', key: 'Role1' }]);

    expect(brief(planChanges(spec({ roles: [] }), t, { prune: true }))).toEqual(['delete role Role1']);
  });

  it('creates what is missing, updates what differs with the fields named, and ignores order in set-like lists', () => {
    const t = tenant({
      roles: [{ name: 'Role1' }, { name: 'Role2' }],
      serviceInstances: [x509('sender-a', ['Role2', 'Role1'])],
      flows: [roleFlow('orders', '/orders', 'Role1')],
    });
    const same = spec({
      roles: [{ name: 'Role2' }, { name: 'Role1', description: '' }],
      serviceInstances: [x509('sender-a', ['Role1', 'Role2', 'Role1'])],
      flows: [roleFlow('orders', '/orders', 'Role1')],
    });
    expect(planChanges(same, t, { prune: true }).changes).toEqual([]);

    const changed = spec({
      roles: [{ name: 'Role1' }, { name: 'Role2' }, { name: 'Role3', description: 'new' }],
      serviceInstances: [x509('sender-a', ['Role1'])],
      flows: [roleFlow('orders', '/orders', 'Role2')],
    });
    const plan = planChanges(changed, t, { prune: false });
    expect(brief(plan)).toEqual(['create role Role3', 'update instance sender-a', 'update flow orders']);
    expect(plan.changes[1].fields).toEqual([{ path: 'parameters.roles', from: ['Role1', 'Role2'], to: ['Role1'] }]);
    expect(plan.changes[2].fields).toEqual([{ path: 'sender.authorization.role', from: 'Role1', to: 'Role2' }]);
  });

  it('replaces what has no update route where that is safe: a key whose certificate changed, a mapping moved to another user, an unused role', () => {
    const t = tenant({
      roles: [{ name: 'Unused', description: 'old' }],
      serviceInstances: [{ ...x509('sender-a'), keys: [{ name: 'k1', type: 'external-certificate', certificate: leafA.certPem }] }],
      classic: { mappings: [{ user: 'alice', certificate: leafB.certPem }], users: [{ name: 'alice' }, { name: 'bob' }] },
    });
    const plan = planChanges(
      spec({
        roles: [{ name: 'Unused', description: 'new' }],
        serviceInstances: [{ ...x509('sender-a'), keys: [{ name: 'k1', type: 'external-certificate', certificate: leafB.certPem }] }],
        classic: { mappings: [{ user: 'bob', certificate: leafB.certPem }] },
      }),
      t,
      { prune: false },
    );
    expect(brief(plan)).toEqual(['replace role Unused', 'replace key sender-a/k1', `replace mapping ${leafB.certificate.fingerprint}`]);
    expect(plan.changes.map((c) => c.note)).toEqual([
      'roles have no update route: deleted and created again (it is in use nowhere)',
      'keys have no update route: deleted and created again with the new certificate',
      'a mapping cannot be changed: deleted and created again for the new user',
    ]);
    expect(refusals(plan)).toEqual([]);
  });

  it('refuses up front what it cannot change safely, with the reason', () => {
    const t = tenant({
      roles: [{ name: 'Role1', description: 'old' }],
      serviceInstances: [x509('sender-a', ['Role1']), { name: 'cc', parameters: { 'grant-types': ['client_credentials'] } }],
      keystore: {
        keyPairs: [{ alias: 'to-erp', keyType: 'EC', curve: 'P-256', subjectDN: 'CN=erp client, O=Acme' }],
        trustedCertificates: [{ alias: 'erp-root', certificate: pki.root.certPem }],
      },
    });
    t.unlistedKeys.push({ instance: 'sender-a', name: 'generated', type: 'certificate', fingerprint: 'f'.repeat(64) });
    const plan = planChanges(
      spec({
        roles: [{ name: 'Role1', description: 'new' }],
        serviceInstances: [
          { ...x509('sender-a', ['Role1']), keys: [{ name: 'generated', type: 'external-certificate', certificate: leafA.certPem }] },
          { name: 'cc', parameters: { 'grant-types': ['client_x509'] } },
        ],
        keystore: {
          keyPairs: [
            { alias: 'to-erp', keyType: 'EC', curve: 'P-384', subjectDN: 'CN=erp client,O=Acme' },
            { alias: 'erp-root', keyType: 'EC', subjectDN: 'CN=x' },
            { alias: 'sap_cloudintegrationcertificate', keyType: 'EC', subjectDN: 'CN=x' },
          ],
        },
      }),
      t,
      { prune: false },
    );
    expect(refusals(plan)).toEqual([
      'role Role1: its description cannot change while it is in use (by instance sender-a); roles have no update route',
      'instance cc: the grant type cannot change (client_credentials → client_x509); delete the instance first or give the new one another name',
      "key sender-a/generated is a certificate key in the tenant (generated, so not described by the file): delete it first or give the file's key another name",
      "alias erp-root is a trusted-certificate in the tenant and a key-pair in the file: delete the entry first (a key pair's private key cannot be recovered)",
      'alias sap_cloudintegrationcertificate is a system entry of the keystore, which the file does not manage: choose another alias',
      "key pair to-erp differs from the tenant's (curve): a key pair is not changed in place; renew it or delete it first",
    ]);
  });

  it('a certificate that moves to another key: the old key is removed first when it goes away, else the file is refused', () => {
    const t = tenant({
      serviceInstances: [
        { ...x509('sender-a'), keys: [{ name: 'k1', type: 'external-certificate', certificate: leafA.certPem }] },
        { ...x509('gone'), keys: [{ name: 'k9', type: 'external-certificate', certificate: leafB.certPem }] },
      ],
    });
    const file = spec({
      serviceInstances: [
        {
          ...x509('sender-a'),
          keys: [
            { name: 'k2', type: 'external-certificate', certificate: leafA.certPem },
            { name: 'k3', type: 'external-certificate', certificate: leafB.certPem },
          ],
        },
      ],
    });
    const pruned = planChanges(file, t, { prune: true });
    expect(refusals(pruned)).toEqual([]);
    expect(brief({ ...pruned, changes: applyOrder(pruned) })).toEqual([
      'delete key sender-a/k1 (early)',
      'delete key gone/k9 (early)',
      'create key sender-a/k2',
      'create key sender-a/k3',
      'delete instance gone',
    ]);

    const kept = planChanges(file, t, { prune: false });
    expect(refusals(kept)).toEqual([
      'key sender-a/k2: its certificate is already held by key sender-a/k1, which stays in the tenant; a certificate belongs to one key only',
      'key sender-a/k3: its certificate is already held by key gone/k9, which stays in the tenant; a certificate belongs to one key only',
    ]);
  });

  it('flows: a freed address is taken after it is freed, a pruned holder is removed first, a kept holder or a swap is refused', () => {
    const t = tenant({
      roles: [{ name: 'R' }],
      flows: [roleFlow('f1', '/a', 'R'), roleFlow('f2', '/b', 'R'), roleFlow('old', '/c', 'R')],
    });
    const moves = planChanges(spec({ flows: [roleFlow('f1', '/b', 'R'), roleFlow('f2', '/d', 'R'), roleFlow('f3', '/c', 'R')] }), t, { prune: true });
    expect(refusals(moves)).toEqual([]);
    expect(brief({ ...moves, changes: applyOrder(moves) })).toEqual(['delete flow old (early)', 'update flow f2', 'update flow f1', 'create flow f3']);

    const held = planChanges(spec({ flows: [roleFlow('f3', '/c', 'R')] }), t, { prune: false });
    expect(refusals(held)).toEqual(['flow f3: address /c is used by flow old, which is not in the file and stays (apply --prune removes it)']);

    const swap = planChanges(spec({ flows: [roleFlow('f1', '/b', 'R'), roleFlow('f2', '/a', 'R')] }), t, { prune: false });
    expect(refusals(swap)).toEqual(["flows f1 → f2 → f1 take each other's addresses: apply a file with other addresses first"]);
  });

  it('subscriptions: matched by url, the secret variable is not compared, a change of sources replaces; a second one per url is listed apart', () => {
    const t = tenant(
      { alerts: { subscriptions: [{ url: 'https://ops.example/hook', sources: ['keystore'], secretEnv: 'WHATEVER' }] } },
      { subscriptionIds: new Map([['https://ops.example/hook', 'sub-1']]), duplicateSubscriptions: [{ url: 'https://ops.example/hook', id: 'sub-2' }] },
    );
    const same = planChanges(spec({ alerts: { subscriptions: [{ url: 'https://ops.example/hook', sources: ['keystore'], secretEnv: 'OTHER' }] } }), t, {
      prune: false,
    });
    expect(same.changes).toEqual([]);
    expect(same.kept).toEqual([{ kind: 'subscription', key: 'https://ops.example/hook (another one, id sub-2)' }]);

    const changed = planChanges(spec({ alerts: { subscriptions: [{ url: 'https://ops.example/hook', sources: ['flow'], secretEnv: 'HOOK_SECRET' }] } }), t, {
      prune: true,
    });
    expect(changed.changes.map((c: Change) => [c.action, c.key, c.ref, c.note])).toEqual([
      [
        'replace',
        'https://ops.example/hook',
        { id: 'sub-1' },
        'subscriptions have no update route: deleted and created again with the secret from $HOOK_SECRET',
      ],
      ['delete', 'https://ops.example/hook (another one, id sub-2)', { id: 'sub-2' }, undefined],
    ]);
  });

  it('a trusted root already in force from INGRESS_CLIENT_ROOTS or the client CA needs nothing', () => {
    const t = tenant({ trustedRoots: [] }, { unmanagedRoots: new Map([[fingerprintOf(pki.root.certPem), 'env']]) });
    expect(planChanges(spec({ trustedRoots: [{ pem: pki.root.certPem }] }), t, { prune: true }).changes).toEqual([]);

    // Managed through the API as well: the file keeps it managed, or --prune drops the managed copy.
    const both = tenant({ trustedRoots: [{ pem: pki.root.certPem }] }, { unmanagedRoots: new Map([[fingerprintOf(pki.root.certPem), 'env']]) });
    expect(planChanges(spec({ trustedRoots: [{ pem: pki.root.certPem }] }), both, { prune: true }).changes).toEqual([]);
    expect(brief(planChanges(spec({ trustedRoots: [] }), both, { prune: true }))).toEqual([`delete trusted-root ${fingerprintOf(pki.root.certPem)}`]);
  });

  it("a trusted root's policy: the default equals none; a difference is an update naming the field", () => {
    const plain = tenant({ trustedRoots: [{ pem: pki.root.certPem }] });
    const withDefault = spec({ trustedRoots: [{ pem: pki.root.certPem, policy: { eku: 'require-clientAuth', revocation: null } }] });
    expect(planChanges(withDefault, plain, { prune: true }).changes).toEqual([]);

    const relaxed = spec({ trustedRoots: [{ pem: pki.root.certPem, policy: { eku: 'allow-missing-eku' } }] });
    const [change] = planChanges(relaxed, plain, { prune: true }).changes;
    expect(change).toMatchObject({ action: 'update', kind: 'trusted-root', key: fingerprintOf(pki.root.certPem) });
    expect(change.fields.map((f) => f.path)).toEqual(['policy']);
    expect(
      planChanges(
        spec({ trustedRoots: [{ pem: pki.root.certPem }] }),
        tenant({ trustedRoots: [{ pem: pki.root.certPem, policy: { eku: 'allow-missing-eku' } }] }),
        { prune: true },
      ).changes,
    ).toMatchObject([{ action: 'update' }]);
  });
});

describe('applyOrder: dependencies first, removals last in reverse', () => {
  it('creates trusted roots … subscriptions in order, then the --prune removals from subscriptions back to trusted roots', () => {
    const kinds = [
      'subscription',
      'mute',
      'mapping',
      'group',
      'user',
      'flow',
      'key-pair',
      'trusted-certificate',
      'key',
      'instance',
      'role',
      'trusted-root',
    ] as const;
    const changes: Change[] = [
      ...kinds.map((kind) => ({ kind, key: `new-${kind}`, action: 'create' as const, fields: [] })),
      ...kinds.map((kind) => ({ kind, key: `old-${kind}`, action: 'delete' as const, fields: [] })),
      { kind: 'role', key: 'changed-role', action: 'replace', fields: [] },
    ];
    const order = applyOrder({ prune: true, changes: [...changes].reverse(), kept: [] }).map((c) => `${c.action} ${c.key}`);
    expect(order).toEqual([
      'create new-trusted-root',
      'replace changed-role',
      'create new-role',
      'create new-instance',
      'create new-key',
      'create new-trusted-certificate',
      'create new-key-pair',
      'create new-flow',
      'create new-user',
      'create new-group',
      'create new-mapping',
      'create new-mute',
      'create new-subscription',
      ...kinds.map((k) => `delete old-${k}`),
    ]);
  });
});
