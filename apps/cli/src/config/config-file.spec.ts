import { createTestPki, type TestPki } from '@certgate/testing';
import { parseConfiguration, renderConfiguration } from './config-file';
import type { FullSpec } from './model';
import { normaliseSpec } from './normalise';
import { emptySnapshot, secretEnvFor } from './tenant-snapshot';

describe('the configuration file: read, checked against the schema, written the same way every time', () => {
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
  });

  const full = (): FullSpec => {
    const spec = emptySnapshot().config;
    spec.trustedRoots.push({ pem: pki.root.certPem });
    spec.roles.push({ name: 'Role1', description: 'buyers' }, { name: 'Role2' });
    spec.serviceInstances.push({ name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] }, keys: [] });
    spec.flows.push({
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
      steps: [{ type: 'respond', status: 200, body: 'ok ${principal}', headers: { 'x-b': '2', 'x-a': '1' } }],
    });
    spec.keystore.keyPairs.push({ alias: 'to-erp', keyType: 'RSA', keySize: 3072, subjectDN: 'CN=acme, O=Acme' });
    spec.alerts.subscriptions.push({ url: 'https://ops.example/hook', thresholds: [7, 30], secretEnv: 'HOOK' });
    return normaliseSpec(spec as Parameters<typeof normaliseSpec>[0]) as FullSpec;
  };

  it('export writes YAML that reads back as itself: rendering what was read gives the same bytes', () => {
    const yaml = renderConfiguration(full(), 'yaml');
    const read = parseConfiguration(yaml);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const again = normaliseSpec(read.config.spec) as FullSpec;
    expect(renderConfiguration(again, 'yaml')).toBe(yaml);
    expect(yaml).toMatch(/^# certgate tenant configuration/);
    expect(yaml).toContain('apiVersion: certgate/v1\nkind: TenantConfiguration\nspec:\n  trustedRoots:\n    - pem: |\n        -----BEGIN CERTIFICATE-----\n');
    // Defaults filled in and headers sorted: the tenant's and the file's form are one.
    expect(yaml).toContain('headers:\n            x-a: "1"\n            x-b: "2"');
  });

  it('JSON is the same document; YAML reads it too', () => {
    const json = renderConfiguration(full(), 'json');
    const read = parseConfiguration(json);
    expect(read.ok).toBe(true);
    expect(JSON.parse(json)).toMatchObject({ apiVersion: 'certgate/v1', kind: 'TenantConfiguration', spec: { roles: [{ name: 'Role1' }, { name: 'Role2' }] } });
  });

  it('a syntax error names its line; schema problems name the path, with the name of the list item', () => {
    expect(parseConfiguration('apiVersion: certgate/v1\nkind: [\n')).toEqual({
      ok: false,
      problems: ['line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    });
    const bad = parseConfiguration(
      [
        'apiVersion: certgate/v2',
        'kind: TenantConfiguration',
        'spec:',
        '  roles: [{ name: "bad name" }]',
        '  flows:',
        '    - id: orders',
        '      sender: { address: /orders, authorization: { type: role } }',
        '  alerts:',
        '    subscriptions: [{ url: "https://ops.example/hook", secret: "in the file", secretEnv: "1BAD" }]',
        '  extra: 1',
      ].join('\n'),
    );
    expect(bad).toEqual({
      ok: false,
      problems: [
        "apiVersion: apiVersion must be 'certgate/v1'",
        "spec.roles[0] (bad name).name: a role name is 1-64 letters, digits, '_', '-' or '.'",
        'spec.flows[0] (orders).sender.authorization.role: Invalid input: expected string, received undefined',
        'spec.alerts.subscriptions[0] (https://ops.example/hook).secretEnv: secretEnv names an environment variable: letters, digits and _, not starting with a digit',
        'spec.alerts.subscriptions[0] (https://ops.example/hook): Unrecognized key: "secret"',
        'spec: Unrecognized key: "extra"',
      ],
    });
  });

  it('an exported subscription names a secret variable derived from its url', () => {
    expect(secretEnvFor('https://ops.example/hooks/certgate')).toBe('CERTGATE_WEBHOOK_SECRET_OPS_EXAMPLE_HOOKS_CERTGATE');
    expect(secretEnvFor('http://127.0.0.1:9000/')).toBe('CERTGATE_WEBHOOK_SECRET_127_0_0_1_9000');
  });
});
