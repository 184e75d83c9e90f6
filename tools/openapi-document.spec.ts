import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

describe('apps/console/openapi.json and apps/web/src/api/schema.d.ts', () => {
  it('are what the console generates now (else regenerate them)', () => {
    // In a process of its own: openapi-typescript needs ES modules, which Jest's module system does not load.
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/openapi-document.ts', '--check'], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${run.stdout}${run.stderr}`.trim());
    const document = JSON.parse(readFileSync(join(root, 'apps/console/openapi.json'), 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/v1/health']).toBeDefined();
    expect(readFileSync(join(root, 'apps/web/src/api/schema.d.ts'), 'utf8')).toContain('"/api/v1/roles/{name}/json"');
  }, 60_000);
});
