import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@certgate/contracts';
import {
  createTestPki,
  ExchangeRecorder,
  freePort,
  launchServices,
  REPO_ROOT,
  startNatsHarness,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';
import { secretEnvFor } from './config/tenant-snapshot';

const SERVICES: ServiceName[] = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'];
const HOOK_URL = 'https://ops.example/hooks/certgate';
const HOOK_SECRET = 'webhook-secret-' + randomBytes(12).toString('hex');

/** One certgate (every service as a process) on a tenant, ports and data dir of its own. */
interface System {
  api: string;
  token: string;
  /** Every exchange with this system's console, the suite's and its CLI processes', checked against its OpenAPI document in afterAll. */
  exchanges: ExchangeRecorder;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

async function startSystem(label: string): Promise<System> {
  const harness: NatsHarness = await startNatsHarness({ label });
  const dir = mkdtempSync(join(tmpdir(), `certgate-config-${label}-`));
  const token = randomBytes(24).toString('base64url');
  const [consolePort, ingressPort] = [await freePort(), await freePort()];
  let system: LaunchedSystem;
  try {
    system = await launchServices({
      services: SERVICES,
      nc: harness.nc,
      readyTimeoutMs: 120_000,
      env: {
        ...harness.env,
        CERTGATE_ADMIN_TOKEN: token,
        CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
        CERTGATE_DATA_DIR: join(dir, 'data'),
        CERTGATE_LOG_DIR: join(dir, 'logs'),
        CONSOLE_PORT: String(consolePort),
        INGRESS_PORT: String(ingressPort),
        LOG_LEVEL: 'warn',
      },
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    await harness.stop().catch(() => undefined);
    throw err;
  }
  const api = `http://127.0.0.1:${consolePort}/api/v1`;
  const exchanges = new ExchangeRecorder(label);
  await exchanges.loadDocument(api);
  return {
    api,
    token,
    exchanges,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const res = await exchanges.fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    stop: async () => {
      try {
        await system.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await harness.stop();
      }
    },
  };
}

interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** `certgate ...` as a user runs it. */
const CLI = [join(REPO_ROOT, 'apps/cli/bin/certgate.js')];

function certgate(sys: System, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, '--url', sys.api, '--token', sys.token, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json'), NO_COLOR: '1', CERTGATE_HTTP_LOG: sys.exchanges.cliLog(), ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('certgate export / diff / apply (two real certgate systems, real NATS, the CLI as a process)', () => {
  let a: System;
  let b: System;
  let pki: TestPki;
  let leafA: TestLeaf;
  let leafB: TestLeaf;
  let erpRoot: string;
  let dir: string;
  let fileA: string;
  let exportedA: string;
  const hookEnv = { [secretEnvFor(HOOK_URL)]: HOOK_SECRET };

  const ok = async (sys: System, method: string, path: string, body?: unknown) => {
    const res = await sys.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const exportOf = async (sys: System): Promise<string> => {
    const res = await certgate(sys, ['export']);
    expect(res).toMatchObject({ code: 0, err: '' });
    return res.out;
  };

  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certgate-config-files-'));
    pki = await createTestPki();
    [leafA, leafB, erpRoot] = await Promise.all([
      pki.issueClient('sender a'),
      pki.issueClient('bob'),
      createTestPki({ name: 'ERP server' }).then((p) => p.root.certPem),
    ]);
    // One after the other: ten services starting at once on a small machine is slower, not faster.
    a = await startSystem('config-a');
    b = await startSystem('config-b');

    // Tenant A, through the REST API, with every kind of object the file covers.
    await ok(a, 'PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
    // Nothing listens on port 9 here: the CRL cannot be fetched, and fail-open keeps the root's senders admitted.
    await ok(a, 'PUT', `/ingress/trusted-roots/${pki.root.certificate.fingerprint}/policy`, {
      eku: 'allow-missing-eku',
      revocation: { crlUrls: ['http://127.0.0.1:9/root.crl'], onUnavailable: 'fail-open' },
    });
    await ok(a, 'PUT', '/ingress/hosts/partners.acme.example', { clientCert: 'required', roots: [pki.root.certificate.fingerprint] });
    await ok(a, 'POST', '/roles', { name: 'Role1', description: 'may send orders' });
    await ok(a, 'POST', '/roles', { name: 'Role2' });
    await ok(a, 'POST', '/service-instances', { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
    await ok(a, 'POST', '/service-instances/sender-a/keys', { name: 'k1', type: 'external-certificate', certificate: leafA.certPem });
    await ok(a, 'POST', '/service-instances/sender-a/keys', { name: 'generated', type: 'certificate' });
    await ok(a, 'POST', '/service-instances', {
      name: 'cc-app',
      parameters: { roles: ['Role2', 'Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': ['https://app.example/cb'] },
    });
    await ok(a, 'POST', '/service-instances/cc-app/keys', { name: 's1', type: 'client-secret' });
    await ok(a, 'POST', '/keystore/certificates', { alias: 'erp-root', certificate: erpRoot });
    await ok(a, 'POST', '/keystore/key-pairs', { alias: 'to-erp', keyType: 'EC', curve: 'P-384', subjectDN: 'CN=acme tenant, O=Acme' });
    await ok(a, 'POST', '/keystore/key-pairs', { alias: 'rsa-pair', keyType: 'RSA', keySize: 2048, subjectDN: 'CN=rsa pair,O=Acme,C=DE' });
    await ok(a, 'PUT', '/flows/orders', {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
      steps: [
        { type: 'set-header', name: 'x-flow', value: 'orders' },
        { type: 'respond', status: 200, body: 'ok ${principal}', headers: { 'x-b': '2', 'x-a': '1' } },
      ],
    });
    await ok(a, 'PUT', '/flows/partners', {
      id: 'partners',
      sender: {
        address: '/partners/v2',
        authorization: {
          type: 'client-certificate',
          certificates: [{ pem: leafA.certPem }, { subjectDN: 'CN=partner, O=Partner', issuerDN: 'CN=Partner CA' }],
        },
      },
      steps: [{ type: 'echo' }],
      receiver: { url: 'https://erp.example:9443/in', authentication: { type: 'client-certificate', privateKeyAlias: 'to-erp' } },
    });
    await ok(a, 'PUT', '/users/alice/roles', { roles: ['Role1'] });
    await ok(a, 'POST', '/groups', { name: 'buyers', roles: ['Role2'], users: ['alice', 'bob'] });
    await ok(a, 'POST', '/certificate-user-mappings', { user: 'bob', certificate: leafB.certPem });
    await ok(a, 'PUT', '/alerts/mutes/flow', { reason: 'short-lived test certificates' });
    await ok(a, 'POST', '/alert-subscriptions', { url: HOOK_URL, secret: HOOK_SECRET, sources: ['keystore', 'service-key'], thresholds: [30, 7] });

    fileA = join(dir, 'tenant-a.yaml');
    const res = await certgate(a, ['export', '-o', fileA]);
    expect(res).toMatchObject({ code: 0, out: '' });
    exportedA = readFileSync(fileA, 'utf8');
  }, 600_000);

  afterAll(async () => {
    try {
      await b?.stop();
      await a?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    } finally {
      // Every response of both consoles against their OpenAPI document: a drift fails this suite.
      a?.exchanges.verify();
      b?.exchanges.verify();
    }
  });

  it('export writes every object of the file, and never a secret, a private key or a generated field', () => {
    for (const present of [
      'apiVersion: certgate/v1',
      'kind: TenantConfiguration',
      'eku: allow-missing-eku',
      'onUnavailable: fail-open',
      'hostName: partners.acme.example',
      'clientCert: required',
      'name: Role1',
      'description: may send orders',
      'name: sender-a',
      'name: k1',
      'name: cc-app',
      'https://app.example/cb',
      'id: orders',
      'id: partners',
      'privateKeyAlias: to-erp',
      'name: alice',
      'name: buyers',
      'user: bob',
      'alias: erp-root',
      'alias: to-erp',
      'curve: P-384',
      'alias: rsa-pair',
      'keySize: 2048',
      'source: flow',
      `url: ${HOOK_URL}`,
      `secretEnv: ${secretEnvFor(HOOK_URL)}`,
    ]) {
      expect(exportedA).toContain(present);
    }
    for (const absent of [
      'PRIVATE KEY',
      HOOK_SECRET,
      'createdAt',
      'fingerprint',
      'revision',
      'serialNumber',
      'notAfter',
      'ESBMessaging.send',
      'name: generated',
      'name: s1',
      'sap_cloudintegrationcertificate',
      'certgate_client_ca',
    ]) {
      expect(exportedA).not.toContain(absent);
    }
  });

  it('export of A applied to an empty B gives a B whose export is byte-identical; a second apply says "no changes"', async () => {
    const applied = await certgate(b, ['apply', '-f', fileA], hookEnv);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('+ trusted-root ');
    expect(applied.out).toContain('+ ingress-host partners.acme.example');
    expect(applied.out).toContain('+ role Role1');
    expect(applied.out).toContain('+ key sender-a/k1');
    expect(applied.out).toContain('+ flow partners');
    expect(applied.out).toContain(`+ subscription ${HOOK_URL}`);
    expect(applied.out.trim().split('\n').pop()).toMatch(/^Applied: \d+ created, 0 updated, 0 replaced, 0 deleted\.$/);

    expect(await exportOf(b)).toBe(exportedA);

    const again = await certgate(b, ['apply', '-f', fileA], hookEnv);
    expect(again).toEqual({ code: 0, out: 'No changes.\n', err: '' });
    expect(await certgate(b, ['diff', '-f', fileA, '--exit-code'])).toEqual({ code: 0, out: 'No changes.\n', err: '' });
  }, 300_000);

  it('an object changed by hand shows in diff (exit 3 with --exit-code, a plan in JSON) and apply puts it back', async () => {
    await ok(b, 'PUT', '/flows/orders', {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Role2' } },
      steps: [
        { type: 'set-header', name: 'x-flow', value: 'orders' },
        { type: 'respond', status: 200, body: 'ok ${principal}', headers: { 'x-a': '1', 'x-b': '2' } },
      ],
    });
    const diff = await certgate(b, ['diff', '-f', fileA]);
    expect(diff).toEqual({
      code: 0,
      out: '~ flow orders\n    sender.authorization.role: Role2 → Role1\nPlan: 0 to create, 1 to update, 0 to replace, 0 to delete.\n',
      err: '',
    });
    expect((await certgate(b, ['diff', '-f', fileA, '--exit-code'])).code).toBe(3);
    const json = await certgate(b, ['diff', '-f', fileA, '--output', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({
      changed: true,
      changes: [{ action: 'update', kind: 'flow', key: 'orders', fields: [{ path: 'sender.authorization.role', from: 'Role2', to: 'Role1' }] }],
    });

    const applied = await certgate(b, ['apply', '-f', fileA], hookEnv);
    expect(applied).toMatchObject({ code: 0, err: '' });
    expect(applied.out).toContain('~ flow orders\n    sender.authorization.role: Role2 → Role1\n');
    expect(await exportOf(b)).toBe(exportedA);
  }, 300_000);

  it('an invalid file (unknown role, bad PEM) is refused up front naming every problem, and nothing changes', async () => {
    const bad = write(
      'bad.yaml',
      exportedA
        .replace(
          '- name: sender-a\n      parameters:\n        roles:\n          - Role1',
          '- name: sender-a\n      parameters:\n        roles:\n          - NoSuchRole',
        )
        .replace('  roles:\n    - name: Role1', '  roles:\n    - name: Role0\n    - name: Role1'),
    );
    const withBadPem = write(
      'bad-pem.yaml',
      readFileSync(bad, 'utf8').replace(
        /(name: k1\n\s+type: external-certificate\n\s+certificate: \|\n\s+-----BEGIN CERTIFICATE-----\n\s+)\S{10}/,
        '$1AAAAAAAAAA',
      ),
    );
    expect(readFileSync(withBadPem, 'utf8')).not.toBe(readFileSync(bad, 'utf8'));
    expect(readFileSync(bad, 'utf8')).not.toBe(exportedA);

    const res = await certgate(b, ['apply', '-f', withBadPem], hookEnv);
    expect(res.code).toBe(4);
    expect(res.out).toBe('');
    expect(res.err).toContain(`certgate: ${withBadPem} is refused, nothing was changed (2 problems):`);
    expect(res.err).toMatch(/ {2}- serviceInstances\[\d\] \(sender-a\)\.keys\[0\] \(k1\)\.certificate: not a readable certificate/);
    expect(res.err).toContain('  - instance sender-a: parameters.roles: role NoSuchRole is not in the file nor in the tenant\n');
    // Role0 comes first in the file and would be created first: it is not.
    expect(await exportOf(b)).toBe(exportedA);
    expect((await certgate(b, ['diff', '-f', withBadPem])).code).toBe(4);
  }, 300_000);

  it('--dry-run prints the plan and changes nothing', async () => {
    const more = write('more.yaml', exportedA.replace('  roles:\n    - name: Role1', '  roles:\n    - name: Role0\n      description: new\n    - name: Role1'));
    const res = await certgate(b, ['apply', '-f', more, '--dry-run'], hookEnv);
    expect(res).toEqual({
      code: 0,
      out: '+ role Role0\nPlan: 1 to create, 0 to update, 0 to replace, 0 to delete.\n',
      err: 'dry run: nothing was changed\n',
    });
    expect(await exportOf(b)).toBe(exportedA);
  }, 300_000);

  it('a request the console refuses midway stops apply: what was applied stays, the rest is listed, exit 1', async () => {
    const failing = write(
      'failing.yaml',
      exportedA
        .replace('  roles:\n    - name: Role1', '  roles:\n    - name: Role0\n    - name: Role1')
        .replace('    keyPairs:\n', '    keyPairs:\n      - alias: a-bad-pair\n        keyType: EC\n        subjectDN: "=no attribute type"\n')
        .replace(
          '  flows:\n',
          '  flows:\n    - id: later\n      sender:\n        address: /later\n        authorization:\n          type: role\n          role: Role0\n',
        ),
    );
    const res = await certgate(b, ['apply', '-f', failing], hookEnv);
    expect(res.code).toBe(1);
    expect(res.err).toBe('');
    const lines = res.out.trim().split('\n');
    expect(lines[0]).toBe('+ role Role0');
    expect(lines[1]).toBe('failed: + key-pair a-bad-pair');
    expect(lines[2]).toMatch(/^ {4}error subject_dn_invalid: subjectDN: /);
    expect(lines.slice(3)).toEqual(['Applied 1 of 3 changes (listed above); not applied:', '  + key-pair a-bad-pair', '  + flow later']);
    expect((await b.call('GET', '/roles/Role0')).status).toBe(200);
    expect((await b.call('GET', '/flows/later')).status).toBe(404);

    // The file fixed, apply goes on from where it stopped.
    const fixed = write('fixed.yaml', readFileSync(failing, 'utf8').replace('"=no attribute type"', 'CN=a bad pair no more'));
    const rest = await certgate(b, ['apply', '-f', fixed], hookEnv);
    expect(rest).toMatchObject({ code: 0, err: '' });
    expect(rest.out).toBe('+ key-pair a-bad-pair\n+ flow later\nApplied: 2 created, 0 updated, 0 replaced, 0 deleted.\n');
    const back = await certgate(b, ['apply', '-f', fileA, '--prune'], hookEnv);
    expect(back.out).toBe('- flow later\n- key-pair a-bad-pair\n- role Role0\nApplied: 0 created, 0 updated, 0 replaced, 3 deleted.\n');
    expect(await exportOf(b)).toBe(exportedA);
  }, 300_000);

  it('without --prune what the file does not list is kept (and said so); with --prune it is removed, removals in reverse order', async () => {
    const extra = await pki.issueClient('extra sender');
    await ok(b, 'POST', '/roles', { name: 'Extra' });
    await ok(b, 'POST', '/service-instances', { name: 'extra', parameters: { roles: ['Extra'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
    await ok(b, 'POST', '/service-instances/extra/keys', { name: 'k', type: 'external-certificate', certificate: extra.certPem });
    await ok(b, 'PUT', '/flows/extra', {
      id: 'extra',
      sender: { address: '/extra', authorization: { type: 'role', role: 'Extra' } },
      steps: [{ type: 'echo' }],
    });
    await ok(b, 'PUT', '/alerts/mutes/keystore', {});

    const kept = await certgate(b, ['apply', '-f', fileA], hookEnv);
    expect(kept).toEqual({
      code: 0,
      out: [
        '= role Extra (not in the file, kept; --prune removes it)',
        '= instance extra (not in the file, kept; --prune removes it)',
        '= flow extra (not in the file, kept; --prune removes it)',
        '= mute keystore (not in the file, kept; --prune removes it)',
        'No changes. 4 not in the file, kept.',
        '',
      ].join('\n'),
      err: '',
    });

    const pruned = await certgate(b, ['apply', '-f', fileA, '--prune'], hookEnv);
    expect(pruned.err).toBe('');
    expect(pruned.code).toBe(0);
    // Applied in dependency order: the flow and the instance that use the role go before it.
    expect(pruned.out).toBe(
      ['- mute keystore', '- flow extra', '- instance extra', '- role Extra', 'Applied: 0 created, 0 updated, 0 replaced, 4 deleted.', ''].join('\n'),
    );
    expect(await exportOf(b)).toBe(exportedA);
    expect(await certgate(b, ['diff', '-f', fileA, '--prune', '--exit-code'])).toEqual({ code: 0, out: 'No changes.\n', err: '' });
  }, 300_000);

  it('ingress host names: a change by hand shows in diff and apply undoes it; a root the file does not trust is refused; --prune removes extra names', async () => {
    const root = pki.root.certificate.fingerprint;
    await ok(b, 'PUT', '/ingress/hosts/partners.acme.example', { clientCert: 'optional', roots: [root] });
    await ok(b, 'PUT', '/ingress/hosts/*.extra.example', {});
    expect(await certgate(b, ['diff', '-f', fileA])).toEqual({
      code: 0,
      out: [
        '~ ingress-host partners.acme.example',
        '    clientCert: optional → required',
        '= ingress-host *.extra.example (not in the file, kept; --prune removes it)',
        'Plan: 0 to create, 1 to update, 0 to replace, 0 to delete. 1 not in the file, kept.',
        '',
      ].join('\n'),
      err: '',
    });

    const untrusted = 'ab'.repeat(32);
    const bad = write('bad-host.yaml', exportedA.replace(`        - ${root}\n`, `        - ${untrusted}\n`));
    expect(readFileSync(bad, 'utf8')).not.toBe(exportedA);
    const refused = await certgate(b, ['apply', '-f', bad], hookEnv);
    expect(refused.code).toBe(4);
    expect(refused.err).toContain(`ingress host partners.acme.example: roots: ${untrusted} is not a trusted root in the file nor in the tenant`);

    const pruned = await certgate(b, ['apply', '-f', fileA, '--prune'], hookEnv);
    expect(pruned).toMatchObject({ code: 0, err: '' });
    expect(pruned.out).toContain('~ ingress-host partners.acme.example\n    clientCert: optional → required\n');
    expect(pruned.out).toContain('- ingress-host *.extra.example\n');
    expect(await exportOf(b)).toBe(exportedA);
    expect((await b.call<{ hostName: string }[]>('GET', '/ingress/hosts')).body.map((h) => h.hostName)).toEqual(['partners.acme.example']);
  }, 300_000);
});
