import nx from '@nx/eslint-plugin';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

// Two axes of tags (project.json), both enforced. A dependency must pass every
// constraint whose source tag the importing project carries.
//
// type: apps depend on libs, never on apps; contracts import nothing of ours; the
// testing lib only reaches specs.
const types = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
];

// scope: which lib each service may use. A service's scope lists libs only, so no
// service can import another; certificate work stays in libs/x509 and out of the
// console, which holds no certificate logic (it asks the keystore); the pure
// authorization decision is for the two services that decide (the runtime for flows,
// the ingress for its token endpoint).
const service = ['scope:contracts', 'scope:messaging', 'scope:platform'];
const scopes = [
  { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:x509', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:authz', onlyDependOnLibsWithTags: ['scope:contracts'] },
  { sourceTag: 'scope:messaging', onlyDependOnLibsWithTags: ['scope:contracts'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:messaging'] },
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:messaging', 'scope:x509'] },
  { sourceTag: 'scope:ingress', onlyDependOnLibsWithTags: [...service, 'scope:x509', 'scope:authz'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: [...service, 'scope:x509'] },
  { sourceTag: 'scope:keystore', onlyDependOnLibsWithTags: [...service, 'scope:x509'] },
  { sourceTag: 'scope:runtime', onlyDependOnLibsWithTags: [...service, 'scope:x509', 'scope:authz'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: service },
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:contracts'] },
  // The web console (apps/web) runs in the browser: nothing of ours, its API types come
  // from the OpenAPI document (apps/web/src/api/schema.d.ts).
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:messaging', 'scope:x509', 'scope:testing'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:messaging', 'scope:platform', 'scope:x509', 'scope:testing'] },
];
const production = [...types, ...scopes];

// Specs (and their helpers in test-support/, which never reach an image) may also use the
// testing lib, and set up or inspect state with messaging and x509 (a console spec parses
// the certificate it downloaded). Contracts' specs stay bare.
const specExtras = { type: ['type:testing'], scope: ['scope:testing', 'scope:messaging', 'scope:x509'] };
const specs = production.map((c) =>
  c.sourceTag === 'type:contracts' || c.sourceTag === 'scope:contracts'
    ? c
    : { ...c, onlyDependOnLibsWithTags: [...new Set([...c.onlyDependOnLibsWithTags, ...specExtras[c.sourceTag.split(':')[0]]])] },
);

// The only accepted cycle: the testing lib's NATS harness uses messaging, and
// messaging's integration specs use the harness. It runs through specs only.
const boundaries = (depConstraints, allow = []) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints,
    banTransitiveDependencies: false,
    ignoredCircularDependencies: [['messaging', 'testing']],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      'reports',
      'tmp',
      '**/jest*.config.js',
      'jest.preset.js',
      'tools/*.js',
      'tools/*.mjs',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript parser for the files the rule follows, and tsconfig paths for @certgate/*.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(production),
      // Nx finds cycles between projects; this one finds them between the files of one.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The web console's React code: the rules of hooks.
    files: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test-support/**/*.ts', 'apps/e2e/**/*.ts', 'apps/web/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(specs), 'no-console': 'off' },
  },
  {
    // The one declared edge into an app: the expiry-scan bench times the keystore's own
    // scan code, in a process of its own, and is never part of a service.
    files: ['tools/bench/scan-bench-child.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(production, ['../../apps/keystore/src/app/alerts/**']) },
  },
  {
    // The other: the OpenAPI document is built from the console's controllers without NATS.
    files: ['tools/openapi-document.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(production, ['../apps/console/src/app/common/openapi-document']) },
  },
];
