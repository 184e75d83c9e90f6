// `npm test`: every suite (unit, integration against a real NATS, end-to-end with the
// services as processes) through Nx, then one total line `N passed, N failed`.
// Extra arguments go to `nx run-many` (e.g. `npm test -- --projects=x509`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const targets = ['test', 'integration', 'e2e'];
const nx = join(root, 'node_modules/.bin/nx');
const extra = process.argv.slice(2);

const selected = extra
  .find((a) => a.startsWith('--projects='))
  ?.split('=')[1]
  ?.split(',');
const tasks = targets.flatMap((target) => {
  const out = spawnSync(nx, ['show', 'projects', '--with-target', target, '--json'], { cwd: root, encoding: 'utf8' });
  const projects = JSON.parse(out.stdout || '[]');
  return projects.filter((p) => !selected || selected.includes(p)).map((project) => ({ project, target }));
});

rmSync(join(root, 'reports/jest'), { recursive: true, force: true });
const run = spawnSync(nx, ['run-many', '-t', ...targets, '--output-style=static', ...(process.env.CI ? ['--skip-nx-cache'] : []), ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
});

let passed = 0;
let failed = 0;
const missing = [];
for (const { project, target } of tasks) {
  const file = join(root, 'reports/jest', `${project}-${target}.json`);
  if (!existsSync(file)) {
    // The suite never reported (did not start, crashed): count it as a failure.
    missing.push(`${project}:${target}`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.passed;
  failed += r.failed;
}
if (missing.length) console.log(`suites that did not report: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status !== 0 || failed > 0 ? 1 : 0);
