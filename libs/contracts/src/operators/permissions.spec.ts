import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATOR_ROLES, PERMISSIONS, ROLE_PERMISSIONS, rolesGranting } from './permissions';

describe('docs/operators.md', () => {
  it('has one row per permission whose ticks are the roles that grant it', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/operators.md'), 'utf8');
    const rows = [...doc.matchAll(/^\|\s*`([a-z-]+:[a-z-]+)`\s*\|((?:[^|]*\|){5})/gm)].map((m) => ({
      permission: m[1],
      roles: m[2]
        .split('|')
        .slice(0, 5)
        .map((cell, i) => (cell.includes('✓') ? OPERATOR_ROLES[i] : undefined))
        .filter(Boolean),
    }));
    expect(rows.map((r) => r.permission)).toEqual([...PERMISSIONS]);
    for (const row of rows)
      expect({ permission: row.permission, roles: row.roles }).toEqual({ permission: row.permission, roles: rolesGranting(row.permission as never) });
  });

  it('grants only known permissions', () => {
    for (const role of OPERATOR_ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
