import nx from '@nx/eslint-plugin';

// Allowed dependencies between project kinds. Apps never import apps, libs never
// import apps, contracts import nothing of ours, the testing lib only reaches specs.
const production = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
];
const specs = production.map((c) =>
  c.sourceTag === 'type:contracts' ? c : { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] },
);
// The only accepted cycle: the testing lib's NATS harness uses messaging, and
// messaging's integration specs use the harness. It runs through specs only.
const boundaries = (depConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints,
    banTransitiveDependencies: false,
    ignoredCircularDependencies: [['messaging', 'testing']],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', 'reports', 'tmp', '**/jest*.config.js', 'jest.preset.js', 'tools/*.js', 'tools/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(production),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(specs), 'no-console': 'off' },
  },
];
