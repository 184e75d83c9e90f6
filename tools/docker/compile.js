// Image build step: turns the services' TypeScript into JavaScript beside each source
// file, under an output root, with the same SWC settings `@swc-node/register` derives
// from tsconfig.base.json at `npm start` (decorator metadata, CommonJS, `@certgate/*`
// paths rewritten to relative requires). The image then runs plain `node` with neither
// the compiler nor dev dependencies.
//   node tools/docker/compile.js <out-dir>
const { mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');
const { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } = require('@swc-node/register/read-default-tsconfig');
const { transformSync } = require('@swc-node/core');

const root = resolve(__dirname, '../..');
const out = resolve(process.argv[2] ?? join(root, 'dist/docker'));
// Test-only code never reaches an image.
const SKIP_DIRS = new Set(['node_modules', 'test-support', 'fixtures', '__fixtures__']);
// The web console is bundled by Vite instead (console.Dockerfile).
const SKIP_PROJECTS = new Set(['apps/e2e', 'libs/testing', 'apps/web']);
const isSpec = (name) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(name) || name.endsWith('.d.ts') || name === 'spec-fixtures.ts';

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sources(path);
    return entry.name.endsWith('.ts') && !isSpec(entry.name) ? [path] : [];
  });
}

const projects = ['apps', 'libs'].flatMap((kind) =>
  readdirSync(join(root, kind))
    .map((name) => `${kind}/${name}`)
    .filter((p) => !SKIP_PROJECTS.has(p)),
);
const options = readDefaultTsConfig(join(root, 'tsconfig.base.json'));
let count = 0;
for (const project of projects) {
  for (const file of sources(join(root, project, 'src'))) {
    const swc = { ...tsCompilerOptionsToSwcConfig(options, file), sourcemap: false };
    const { code } = transformSync(readFileSync(file, 'utf8'), file, swc);
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    count += 1;
  }
}
console.log(`compiled ${count} files of ${projects.length} projects into ${out}`);
