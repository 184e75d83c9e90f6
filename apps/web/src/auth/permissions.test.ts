import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRANTED_BY, needs, type Permission } from './permissions';

// Read as a file, not imported: the web console's code imports nothing outside apps/web.
// (`here` keeps Vite from taking `new URL(<literal>, import.meta.url)` for an asset of the page.)
const here = import.meta.url;
const document = JSON.parse(readFileSync(new URL('../../../console/openapi.json', here).pathname, 'utf8')) as {
  paths: Record<string, Record<string, { 'x-certgate-permission'?: { permission: Permission; roles: string[] } }>>;
};

describe("the web console's copy of the permission table", () => {
  it('names, for every permission an operation of the OpenAPI document needs, the roles the console says grant it', () => {
    const declared = new Map<string, string[]>();
    for (const ops of Object.values(document.paths))
      for (const op of Object.values(ops)) {
        const x = op['x-certgate-permission'];
        if (x) declared.set(x.permission, x.roles);
      }
    expect(declared.size).toBeGreaterThan(20);
    for (const [permission, roles] of declared) expect([permission, GRANTED_BY[permission as Permission]]).toEqual([permission, roles]);
  });

  it('says why an action is not offered', () => {
    expect(needs('trusted-roots:write')).toBe('needs the permission trusted-roots:write (roles admin, security)');
    expect(needs('operators:read')).toBe('needs the permission operators:read (role admin)');
  });
});
