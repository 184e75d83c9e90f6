import { createTestPki, type TestLeaf } from '@certgate/testing';
import type { Plan } from './plan';
import { planJson, renderPlan, showValue } from './printer';

describe('the readable plan', () => {
  let leaf: TestLeaf;
  let next: TestLeaf;

  beforeAll(async () => {
    const pki = await createTestPki();
    [leaf, next] = await Promise.all([pki.issueClient('sender a'), pki.issueClient('sender a 2027')]);
  });

  const plan = (): Plan => ({
    prune: false,
    changes: [
      { kind: 'role', key: 'Role2', action: 'create', fields: [] },
      {
        kind: 'flow',
        key: 'orders',
        action: 'update',
        fields: [
          { path: 'sender.authorization.role', from: 'Role1', to: 'Role2' },
          { path: 'receiver', to: { url: 'https://erp.example/in', authentication: { type: 'none' } } },
        ],
      },
      {
        kind: 'key',
        key: 'sender-a/k1',
        label: 'sender-a/k1 (CN=sender a)',
        action: 'replace',
        note: 'keys have no update route: deleted and created again with the new certificate',
        fields: [{ path: 'certificate', from: leaf.certPem, to: next.certPem }],
      },
      { kind: 'instance', key: 'old', action: 'delete', fields: [] },
      { kind: 'flow', key: 'legacy', action: 'delete', fields: [], early: true },
    ],
    kept: [{ kind: 'group', key: 'buyers' }],
  });

  it('one line per object with its sign, the changed fields indented below, certificates by fingerprint and subject, then the kept objects and a count', () => {
    const fp = (l: TestLeaf) => `sha256:${l.certificate.fingerprint.slice(0, 16)}… ${l.certificate.subjectDN}`;
    expect(renderPlan(plan())).toEqual([
      '+ role Role2',
      '~ flow orders',
      '    sender.authorization.role: Role1 → Role2',
      '    receiver: (none) → {"url":"https://erp.example/in","authentication":{"type":"none"}}',
      '± key sender-a/k1 (CN=sender a) (keys have no update route: deleted and created again with the new certificate)',
      `    certificate: ${fp(leaf)} → ${fp(next)}`,
      '- instance old',
      '- flow legacy (removed first: the file gives its certificate or address to another object)',
      '= group buyers (not in the file, kept; --prune removes it)',
      'Plan: 1 to create, 1 to update, 1 to replace, 2 to delete. 1 not in the file, kept.',
    ]);
  });

  it('"No changes." when the tenant matches the file (objects kept are still counted)', () => {
    expect(renderPlan({ prune: true, changes: [], kept: [] })).toEqual(['No changes.']);
    expect(renderPlan({ prune: false, changes: [], kept: [{ kind: 'role', key: 'Extra' }] })).toEqual([
      '= role Extra (not in the file, kept; --prune removes it)',
      'No changes. 1 not in the file, kept.',
    ]);
  });

  it('--output json: the same plan for scripts, with a changed flag and counts', () => {
    const json = planJson(plan()) as { changed: boolean; summary: unknown; changes: { fields: unknown[] }[]; kept: unknown[] };
    expect(json.changed).toBe(true);
    expect(json.summary).toEqual({ create: 1, update: 1, replace: 1, delete: 2, kept: 1 });
    expect(json.changes[0]).toEqual({ action: 'create', kind: 'role', key: 'Role2', fields: [] });
    expect(json.changes[2].fields).toEqual([
      {
        path: 'certificate',
        from: expect.stringMatching(/^sha256:[0-9a-f]{16}… CN=sender a,/),
        to: expect.stringMatching(/^sha256:[0-9a-f]{16}… CN=sender a 2027,/),
      },
    ]);
    expect(json.kept).toEqual([{ kind: 'group', key: 'buyers' }]);
    expect(planJson({ prune: false, changes: [], kept: [] })).toMatchObject({ changed: false, changes: [] });
  });

  it('values: empty text quoted, nothing as (none), long JSON cut', () => {
    expect(showValue('')).toBe('""');
    expect(showValue(undefined)).toBe('(none)');
    expect(showValue(['a', 'b'])).toBe('["a","b"]');
    expect(showValue('x'.repeat(300))).toHaveLength(300);
    expect(showValue(['x'.repeat(300)])).toHaveLength(200);
  });
});
