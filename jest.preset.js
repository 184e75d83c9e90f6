// Shared Jest settings. SWC instead of ts-jest: specs start in a fraction of the
// time; type errors are caught by `npm run lint` (tsc --noEmit) instead.
const path = require('node:path');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @param {string} dir project root; @param {'test'|'integration'|'e2e'} kind */
function jestConfig(dir, kind) {
  const name = path.relative(__dirname, dir).split(path.sep).pop();
  const match = { test: '**/*.spec.ts', integration: '**/*.int-spec.ts', e2e: '**/*.e2e-spec.ts' }[kind];
  return {
    displayName: `${name}:${kind}`,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/${match}`],
    testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
    transform: { '^.+\\.ts$': ['@swc/jest', swc] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: { '^@certgate/([a-z0-9-]+)$': path.join(__dirname, 'libs/$1/src/index.ts') },
    testTimeout: kind === 'test' ? 20000 : 60000,
    reporters: ['default', [path.join(__dirname, 'tools/jest-summary-reporter.js'), { file: `${name}-${kind}.json` }]],
  };
}

module.exports = { jestConfig };
