import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import type { ServiceName } from '@certgate/contracts';
import {
  createTestPki,
  ExchangeRecorder,
  freePort,
  launchServices,
  startNatsHarness,
  waitFor,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';
import { issueCertificate, parseCsr, readPkcs12, writePkcs12 } from '@certgate/x509';
import { CertgateProcess, runCertgate, type CliResult } from './testing/cli-process';

jest.setTimeout(120_000);

const SERVICES: ServiceName[] = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'];
const ROLE = 'Orders.send';
const CLIENT_ID = 'sb-sender-a!k1';

/** One HTTPS call of a sender, on a fresh connection, with its client certificate. */
function send(url: string, tls: { ca: string; cert?: string; key?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

const sha256 = (pem: string) => new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();

describe('certgate CLI: every operator task against the real services (console, identity, keystore, runtime, ingress on NATS)', () => {
  let h: NatsHarness;
  let system: LaunchedSystem | undefined;
  let dir: string;
  let env: Record<string, string>;
  let ingressPort: number;
  let devRoot: string;
  let pki: TestPki;
  let sender: TestLeaf;
  let stranger: TestLeaf;
  const token = randomBytes(24).toString('base64url');
  const follows: CertgateProcess[] = [];
  /** Every exchange of the CLI processes (CERTGATE_HTTP_LOG), checked against the console's OpenAPI document at the end. */
  const exchanges = new ExchangeRecorder('cli-ops');

  const file = (name: string, content?: string | Uint8Array) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
  /** `certgate <args>` as a user runs it, with the console's URL and token in the environment. */
  const cli = (...args: string[]): Promise<CliResult> => runCertgate(args, env);
  /** A command that must succeed: its stdout. */
  const ok = async (...args: string[]): Promise<string> => {
    const run = await cli(...args);
    if (run.code !== 0) throw new Error(`certgate ${args.join(' ')} exited ${run.code}:\n${run.err}`);
    return run.out;
  };
  const json = async <T = Record<string, unknown>>(...args: string[]): Promise<T> => JSON.parse(await ok(...args, '-o', 'json')) as T;
  const ingress = (path: string) => `https://127.0.0.1:${ingressPort}${path}`;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'cli-ops' });
    dir = mkdtempSync(join(tmpdir(), 'certgate-cli-ops-'));
    const [consolePort, port] = [await freePort(), await freePort()];
    ingressPort = port;
    const serviceEnv = {
      ...h.env,
      CERTGATE_ADMIN_TOKEN: token,
      CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
      CERTGATE_DATA_DIR: join(dir, 'data'),
      CERTGATE_LOG_DIR: join(dir, 'logs'),
      CONSOLE_PORT: String(consolePort),
      INGRESS_PORT: String(ingressPort),
      LOG_LEVEL: 'warn',
    };
    system = await launchServices({ services: SERVICES, nc: h.nc, env: serviceEnv, readyTimeoutMs: 90_000 });
    // Every exchange of the suite is recorded: the last test checks the log, afterAll every response against the OpenAPI document.
    env = { CERTGATE_CONSOLE_URL: `http://127.0.0.1:${consolePort}/api/v1`, CERTGATE_ADMIN_TOKEN: token, CERTGATE_HTTP_LOG: exchanges.cliLog() };
    await exchanges.loadDocument(env.CERTGATE_CONSOLE_URL);
    devRoot = readFileSync(join(dir, 'data', 'ingress', 'dev-root-ca.pem'), 'utf8');
    pki = await createTestPki({ name: `certgate CLI ${randomBytes(3).toString('hex')}` });
    sender = await pki.issueClient('sender a');
    stranger = await pki.issueClient('john doe');
  }, 150_000);

  afterAll(async () => {
    try {
      for (const f of follows) await f.interrupt();
      await system?.stop();
      await h?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    } finally {
      // A response that drifts from the OpenAPI document fails this suite, naming operation, status and Ajv path.
      if (system) exchanges.verify(50);
    }
  });

  it('health: every service up (table and JSON)', async () => {
    const health = await json<{ status: string; services: Record<string, { status: string }> }>('health');
    expect(health.status).toBe('up');
    expect(Object.keys(health.services).sort()).toEqual([...SERVICES].sort());
    expect(await ok('health')).toMatch(/^system: up/m);
  });

  it('trust add: the sender root is trusted (POST /ingress/trusted-roots)', async () => {
    const run = await cli('trust', 'add', '--cert-file', file('sender-root.pem', pki.root.certPem));
    expect(run).toMatchObject({ code: 0, err: '' });
    const roots = await json<{ fingerprint: string; source: string }[]>('trust', 'list');
    expect(roots).toContainEqual(expect.objectContaining({ fingerprint: sha256(pki.root.certPem), source: 'api' }));
    // Adding it again changes nothing.
    expect((await cli('trust', 'add', '--cert-file', file('sender-root.pem'))).code).toBe(0);
    expect((await json<unknown[]>('trust', 'list')).filter((r) => (r as { fingerprint: string }).fingerprint === sha256(pki.root.certPem))).toHaveLength(1);
  });

  it('trust policy / crls / refresh: a root’s EKU and revocation policy changed option by option, CRL state read back', async () => {
    const root = sha256(pki.root.certPem);
    type Policy = { eku: string; revocation: { crlUrls: string[]; distributionPoints: boolean; onUnavailable: string } | null };
    const policy = async (...options: string[]) => (await json<{ policy: Policy }>('trust', 'policy', root, ...options)).policy;
    expect(await policy()).toEqual({ eku: 'require-clientAuth', revocation: null });
    expect(await policy('--eku', 'allow-missing-eku')).toEqual({ eku: 'allow-missing-eku', revocation: null });
    // A port nothing listens on: the CRL cannot be fetched, which `trust crls` tells; fail-open keeps senders admitted meanwhile.
    const crlUrl = `http://127.0.0.1:${await freePort()}/issuing.crl`;
    expect(await policy('--crl-url', crlUrl, '--on-unavailable', 'fail-open')).toEqual({
      eku: 'allow-missing-eku',
      revocation: { crlUrls: [crlUrl], distributionPoints: true, ocsp: false, onUnavailable: 'fail-open' },
    });
    const crls = await json<{ source: string; origin: string; error?: string }[]>('trust', 'refresh');
    expect(crls).toContainEqual(expect.objectContaining({ source: crlUrl, origin: 'configured', error: expect.stringContaining(crlUrl) }));
    expect(await ok('trust', 'crls')).toContain(crlUrl);
    expect(await ok('trust', 'list')).toMatch(/allow-missing-eku\s+crl, fail-open/);
    expect(await policy('--no-revocation', '--eku', 'require-clientAuth')).toEqual({ eku: 'require-clientAuth', revocation: null });
    expect(await cli('trust', 'policy', root, '--eku', 'maybe')).toMatchObject({ code: 2 });
    expect(await cli('trust', 'policy', 'ab'.repeat(32))).toMatchObject({ code: 1, err: expect.stringContaining('no trusted root') });
  });

  it('role, instance, key from a PEM file, flow from YAML: the sender calls the flow and gets 200', async () => {
    await ok('roles', 'create', ROLE, '--description', 'may send orders');
    await ok('instances', 'create', 'sender-a', '--role', ROLE);
    const key = await json<{ clientid: string; certificate: { fingerprint: string } }>(
      'keys',
      'add',
      'sender-a',
      'k1',
      '--type',
      'external-certificate',
      '--cert-file',
      file('sender.pem', sender.certPem),
    );
    expect(key).toMatchObject({ clientid: CLIENT_ID, certificate: { fingerprint: sha256(sender.certPem) } });
    const flow = [
      'id: orders',
      'sender:',
      '  address: /orders',
      '  authorization:',
      '    type: role',
      `    role: ${ROLE}`,
      'steps:',
      '  - type: respond',
      '    status: 200',
      '    body: "ok ${principal}"',
      '',
    ];
    const deployed = await json<{ definition: { id: string } }>('flows', 'deploy', '-f', file('orders.yaml', flow.join('\n')));
    expect(deployed.definition.id).toBe('orders');

    const tls = { ca: devRoot, cert: sender.chainPem, key: sender.keyPem };
    let answer = { status: 0, body: '' };
    await waitFor('the flow and the key in force at the ingress', async () => (answer = await send(ingress('/http/orders'), tls)).status === 200, 10_000);
    expect(answer.body).toBe(`ok ${CLIENT_ID}`);
    // A certificate of the trusted PKI that no key holds: refused (for the logs below).
    expect((await send(ingress('/http/orders'), { ca: devRoot, cert: stranger.chainPem, key: stranger.keyPem })).status).toBe(401);
  });

  it('a key shows the URLs senders call (url, tokenurl)', async () => {
    const key = await json<{ url?: string; tokenurl?: string }>('keys', 'show', 'sender-a', 'k1');
    expect(key.url).toMatch(/^https:\/\/[^/]+\/http$/);
    expect(key.tokenurl).toMatch(/^https:\/\/[^/]+\/oauth\/token$/);
    expect(await ok('keys', 'show', 'sender-a', 'k1')).toMatch(/^URL\s+https:\/\/\S+\/http$/m);
  });

  it('a generated certificate key: written to files (key mode 600), never printed; the sender can use it', async () => {
    const run = await cli('keys', 'add', 'sender-a', 'k2', '--type', 'certificate', '--key-out', file('k2.key'), '--cert-out', file('k2.pem'));
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('PRIVATE KEY');
    expect(run.out).toMatch(/^CLIENT ID\s+sb-sender-a!k2$/m);
    expect(readFileSync(file('k2.key'), 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(statSync(file('k2.key')).mode & 0o777).toBe(0o600);
    const tls = { ca: devRoot, cert: readFileSync(file('k2.pem'), 'utf8'), key: readFileSync(file('k2.key'), 'utf8') };
    let answer = { status: 0, body: '' };
    await waitFor('the generated key in force', async () => (answer = await send(ingress('/http/orders'), tls)).status === 200, 10_000);
    expect(answer.body).toBe('ok sb-sender-a!k2');
  });

  it('a client secret is shown once', async () => {
    await ok('instances', 'create', 'portal', '--grant-type', 'client_credentials', '--role', ROLE);
    const key = await json<{ clientid: string; clientsecret?: string }>('keys', 'add', 'portal', 's1', '--type', 'client-secret');
    expect(key.clientid).toBe('sb-portal!s1');
    expect(key.clientsecret).toEqual(expect.any(String));
    expect(JSON.stringify(await json('keys', 'show', 'portal', 's1'))).not.toContain(key.clientsecret as string);
  });

  it('keystore: key pair → CSR file → chain signed by a CA → import → download PEM and DER', async () => {
    const created = await json<{ chainLength: number; subjectDN: string }>(
      'keystore',
      'create-key-pair',
      'to-erp',
      '--subject',
      'CN=cli tenant, O=certgate tests',
    );
    expect(created).toMatchObject({ chainLength: 1 });
    expect(await ok('keystore', 'csr', 'to-erp', '--out', file('to-erp.csr'))).toContain('wrote');
    const csr = await parseCsr(readFileSync(file('to-erp.csr'), 'utf8'));
    const signed = await issueCertificate({
      subjectDN: csr.subjectDN,
      publicKey: csr.publicKey,
      issuer: { certificate: pki.intermediate.certificate, privateKey: pki.intermediate.privateKey },
      validityDays: 30,
      extendedKeyUsage: ['clientAuth'],
    });
    const chain = signed.pem + pki.intermediate.certPem + pki.root.certPem;
    const entry = await json<{ chainLength: number; issuerDN: string; fingerprint: string }>(
      'keystore',
      'import-chain',
      'to-erp',
      '--chain-file',
      file('to-erp-chain.pem', chain),
    );
    expect(entry).toMatchObject({ chainLength: 3, fingerprint: signed.fingerprint });

    await ok('keystore', 'download', 'to-erp', '--part', 'certificate', '--format', 'pem', '--out', file('to-erp.pem'));
    expect(sha256(readFileSync(file('to-erp.pem'), 'utf8'))).toBe(signed.fingerprint);
    await ok('keystore', 'download', 'to-erp', '--part', 'certificate', '--format', 'der', '--out', file('to-erp.cer'));
    expect(new X509Certificate(readFileSync(file('to-erp.cer'))).fingerprint256.replace(/:/g, '').toLowerCase()).toBe(signed.fingerprint);
    const p7b = await json<{ bytes: number; contentType: string }>(
      'keystore',
      'download',
      'to-erp',
      '--part',
      'chain',
      '--format',
      'der',
      '--out',
      file('to-erp.p7b'),
    );
    expect(p7b.contentType).toBe('application/pkcs7-mime');
    expect(readFileSync(file('to-erp.p7b'))[0]).toBe(0x30);

    const again = await cli('keystore', 'download', 'to-erp', '--part', 'chain', '--out', file('to-erp.p7b'));
    expect(again).toMatchObject({ code: 1, err: `certgate: ${file('to-erp.p7b')} exists: pass --force to overwrite it` });
    expect((await cli('keystore', 'download', 'to-erp', '--part', 'chain', '--out', file('to-erp.p7b'), '--force')).code).toBe(0);
    expect(readFileSync(file('to-erp.p7b'), 'utf8')).toBe(chain);
  });

  it('PKCS#12 out and in (password files), and a PKCS#12 made elsewhere', async () => {
    const password = file('p12-password.txt', 'correct horse battery\n');
    await ok('keystore', 'export-p12', 'to-erp', '--out', file('to-erp.p12'), '--password-file', password);
    expect(statSync(file('to-erp.p12')).mode & 0o777).toBe(0o600);
    const contents = await readPkcs12(readFileSync(file('to-erp.p12')), 'correct horse battery');
    const original = await json<{ fingerprint: string }>('keystore', 'show', 'to-erp');
    expect(contents.certificates[0].fingerprint).toBe(original.fingerprint);

    const copy = await json<{ fingerprint: string; kind: string }>(
      'keystore',
      'import-p12',
      'erp-copy',
      '--p12-file',
      file('to-erp.p12'),
      '--password-file',
      password,
    );
    expect(copy).toMatchObject({ fingerprint: original.fingerprint, kind: 'key-pair' });

    const partner = await pki.issueClient('partner');
    const p12 = await writePkcs12({
      privateKey: partner.privateKey,
      certificates: [partner.certificate, pki.intermediate.certificate, pki.root.certificate],
      password: 'pw',
    });
    const imported = await json<{ fingerprint: string }>(
      'keystore',
      'import-p12',
      'partner',
      '--p12-file',
      file('partner.p12', p12),
      '--password-file',
      file('pw', 'pw'),
    );
    expect(imported.fingerprint).toBe(partner.certificate.fingerprint);

    const wrong = await cli('keystore', 'import-p12', 'partner-2', '--p12-file', file('partner.p12'), '--password-file', file('wrong', 'nope'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^error pkcs12_invalid: /);
  });

  it('connectivity tls: the ingress chain as a zip, and the handshake facts as JSON', async () => {
    const zip = await json<{ bytes: number; contentType: string }>(
      'connectivity',
      'tls',
      `127.0.0.1:${ingressPort}`,
      '--no-validate',
      '--download',
      file('ingress-chain.zip'),
    );
    expect(zip.contentType).toBe('application/zip');
    expect(readFileSync(file('ingress-chain.zip')).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const result = await json<{ protocol: string; peerChain: unknown[]; validation: { performed: boolean } }>(
      'connectivity',
      'tls',
      `127.0.0.1:${ingressPort}`,
      '--no-validate',
    );
    expect(result.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(result.peerChain.length).toBeGreaterThan(0);
    expect(result.validation.performed).toBe(false);
    const closed = await cli('connectivity', 'tls', `127.0.0.1:${await freePort()}`, '--timeout-ms', '1000');
    expect(closed.code).toBe(1);
    expect(closed.err).toMatch(/^error unreachable: /);
  });

  it('logs: access filtered by status and principal, message log by principal', async () => {
    type Access = { status: number; who: string; seq: number; requestId: string };
    let ours: Access[] = [];
    await waitFor(
      'access records of the sender',
      async () => (ours = await json<Access[]>('logs', 'access', '--status', '200', '--who', CLIENT_ID)).length > 0,
      15_000,
    );
    expect(ours.every((r) => r.status === 200 && r.who === CLIENT_ID && typeof r.seq === 'number')).toBe(true);

    const refused = await json<Access[]>('logs', 'access', '--status', '4xx', '--since', '1h');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.status >= 400 && r.status < 500)).toBe(true);

    const messages = await json<{ principal?: string; flowId?: string; requestId?: string }[]>('logs', 'messages', '--who', CLIENT_ID, '--flow-id', 'orders');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.principal === CLIENT_ID && m.flowId === 'orders')).toBe(true);
    // The records of one request link up by its id.
    expect(ours.map((r) => r.requestId)).toContain(messages.at(-1)?.requestId);

    const table = await ok('logs', 'access', '--who', CLIENT_ID, '--limit', '1');
    expect(table.split('\n')).toHaveLength(2);
    expect((await cli('logs', 'trace', '--status', '401')).code).toBe(2);
  });

  it('logs --follow prints new records as they come and exits 0 on Ctrl-C', async () => {
    const follow = new CertgateProcess(['logs', 'access', '--who', CLIENT_ID, '--limit', '1', '--follow', '--interval', '200'], env);
    follows.push(follow);
    await follow.until(() => follow.out.length >= 1);
    const before = follow.out.length;
    expect((await send(ingress('/http/orders'), { ca: devRoot, cert: sender.chainPem, key: sender.keyPem })).status).toBe(200);
    await follow.until(() => follow.out.length > before);
    expect(follow.out.at(-1)).toMatch(new RegExp(`^\\S+ status=200 method=POST path=/http/orders who=${CLIENT_ID.replace('!', '\\!')} `));
    expect(await follow.interrupt()).toBe(0);
    expect(follow.err).toEqual([]);
  });

  it('classic mode objects: mapping, user roles, group', async () => {
    await ok('mappings', 'add', '--user', 'john.doe@acme.com', '--cert-file', file('john.pem', stranger.certPem));
    await ok('users', 'set-roles', 'john.doe@acme.com', ROLE);
    await ok('groups', 'create', 'buyers', '--role', ROLE, '--user', 'john.doe@acme.com');
    await ok('groups', 'add-users', 'buyers', 'jane@acme.com');
    expect(await json<{ users: string[] }>('groups', 'show', 'buyers')).toMatchObject({ users: ['john.doe@acme.com', 'jane@acme.com'] });
    const user = await json<{ effectiveRoles: string[]; mappings: string[]; groups: string[] }>('users', 'show', 'john.doe@acme.com');
    expect(user).toMatchObject({ effectiveRoles: [ROLE], mappings: [sha256(stranger.certPem)], groups: ['buyers'] });
    await ok('groups', 'delete', 'buyers');
    await ok('mappings', 'delete', '--cert-file', file('john.pem'));
    await ok('users', 'set-roles', 'john.doe@acme.com');
    expect(await json<unknown[]>('mappings', 'list', '--user', 'john.doe@acme.com')).toEqual([]);
  });

  it('alerts, mutes, subscriptions, OAuth signing keys, certificates, server chain', async () => {
    const scan = await json<{ certificates: number }>('alerts', 'scan');
    expect(scan.certificates).toBeGreaterThan(0);
    await ok('alerts', 'mute', 'flow', '--reason', 'renewed by the partner');
    expect(await json<unknown[]>('alerts', 'mutes')).toContainEqual(expect.objectContaining({ source: 'flow', reason: 'renewed by the partner' }));
    await ok('alerts', 'unmute', 'flow');

    const sub = await json<{ id: string }>(
      'subscriptions',
      'add',
      '--webhook-url',
      'https://ops.example/hooks/certgate',
      '--secret-file',
      file('hook', 'a-long-shared-secret-value\n'),
    );
    expect(await json<{ id: string }[]>('subscriptions', 'list')).toContainEqual(expect.objectContaining({ id: sub.id }));
    await ok('subscriptions', 'delete', sub.id);

    const before = await json<{ active: string }>('oauth', 'signing-keys', 'list');
    const after = await json<{ active: string; keys: { kid: string; status: string }[] }>('oauth', 'signing-keys', 'rotate');
    expect(after.active).not.toBe(before.active);
    expect(after.keys).toContainEqual(expect.objectContaining({ kid: before.active, status: 'previous' }));

    const inventory = await json<{ source: string; ref: string }[]>('certificates', '--source', 'service-key');
    expect(inventory).toContainEqual(expect.objectContaining({ source: 'service-key', ref: 'sender-a/k1' }));
    expect(await ok('ingress', 'server-chain')).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('ingress replace-server-chain / reset-server-chain: the ingress serves an uploaded chain, then its dev certificate again', async () => {
    const server = await pki.issueServer(['127.0.0.1', 'localhost']);
    const view = await json<{ source: string; fingerprint: string }>(
      'ingress',
      'replace-server-chain',
      '--chain-file',
      file('ingress-chain.pem', server.chainPem),
      '--key-file',
      file('ingress.key', server.keyPem),
    );
    expect(view).toMatchObject({ source: 'api', fingerprint: server.certificate.fingerprint });
    // The sender now verifies the ingress with the PKI's root instead of the dev root.
    const asSender = { cert: sender.chainPem, key: sender.keyPem };
    expect((await send(ingress('/http/orders'), { ca: pki.root.certPem, ...asSender })).status).toBe(200);
    expect(await ok('ingress', 'server-chain')).toContain(server.certificate.pem.split('\n')[1]);
    expect(
      await cli('ingress', 'replace-server-chain', '--chain-file', file('ingress-chain.pem'), '--key-file', file('other.key', stranger.keyPem)),
    ).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^error key_mismatch: /),
    });
    expect(await ok('ingress', 'reset-server-chain')).toContain('the configured server certificate is in force again');
    await expect(send(ingress('/http/orders'), { ca: pki.root.certPem, ...asSender })).rejects.toThrow();
    expect((await send(ingress('/http/orders'), { ca: devRoot, ...asSender })).status).toBe(200);
  });

  it('ingress set-host / hosts / remove-host: a host name with its own roots and mode, listed, then removed', async () => {
    const root = sha256(pki.root.certPem);
    const set = await json<{ hostName: string; clientCert: string; roots: string[] }[]>(
      'ingress',
      'set-host',
      'Partners.Example',
      '--root',
      root,
      '--client-cert',
      'required',
    );
    expect(set).toEqual([{ hostName: 'partners.example', clientCert: 'required', roots: [root] }]);
    expect(await ok('ingress', 'hosts')).toMatch(/partners\.example\s+required\s+[0-9a-f]{16}/);
    expect(await ok('ingress', 'remove-host', 'partners.example')).toContain('removed the settings of partners.example');
    expect(await json<unknown[]>('ingress', 'hosts')).toEqual([]);
    expect(await cli('ingress', 'remove-host', 'partners.example')).toMatchObject({ code: 1, err: expect.stringMatching(/^error host_not_found: /) });
  });

  it('--output json of every list command parses as JSON, and yaml as the same data', async () => {
    const lists = [
      ['trust', 'list'],
      ['roles', 'list'],
      ['instances', 'list'],
      ['keys', 'list', 'sender-a'],
      ['flows', 'list'],
      ['mappings', 'list'],
      ['users', 'list'],
      ['groups', 'list'],
      ['keystore', 'list'],
      ['certificates', 'list'],
      ['alerts', 'list'],
      ['alerts', 'mutes'],
      ['subscriptions', 'list'],
      ['logs', 'access'],
      ['logs', 'trace'],
      ['logs', 'messages'],
      ['oauth', 'signing-keys', 'list'],
    ];
    for (const args of lists) {
      const parsed = JSON.parse(await ok(...args, '-o', 'json')) as unknown;
      expect({ args, ok: typeof parsed === 'object' && parsed !== null }).toEqual({ args, ok: true });
      if (args[0] === 'roles' || args[0] === 'flows') expect(YAML.parse(await ok(...args, '-o', 'yaml'))).toEqual(parsed);
    }
  });

  it('exit code 1 with `error <code>: <message>` when the console refuses or is away; 2 for usage errors', async () => {
    expect(await cli('roles', 'delete', 'NoSuchRole')).toMatchObject({ code: 1, out: '', err: expect.stringMatching(/^error role_not_found: /) });
    const inUse = await cli('keys', 'add', 'sender-a', 'k9', '--type', 'external-certificate', '--cert-file', file('sender.pem'));
    expect(inUse).toMatchObject({ code: 1, err: expect.stringMatching(/^error certificate_in_use: .*\[.*instance=sender-a, key=k1/) });
    const unknownRole = ['id: other', 'sender:', '  address: /other', '  authorization: { type: role, role: NoSuchRole }', ''].join('\n');
    expect(await cli('flows', 'deploy', '-f', file('other.yaml', unknownRole))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^error role_unknown: .*field=sender\.authorization\.role/),
    });
    expect(await runCertgate(['--token', 'wrong', 'roles', 'list'], { ...env, CERTGATE_ADMIN_TOKEN: '' })).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^error unauthorized: .*\(admin token from --token\)$/),
    });
    expect(await runCertgate(['roles', 'list'], { ...env, CERTGATE_CONSOLE_URL: `http://127.0.0.1:${await freePort()}/api/v1` })).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^error console_unreachable: cannot reach the console at .*ECONNREFUSED$/),
    });
    for (const args of [['roles', 'create'], ['roles', 'list', '-o', 'xml'], ['keys', 'add', 'sender-a', 'k3'], ['bogus']]) {
      expect({ args, code: (await cli(...args)).code }).toEqual({ args, code: 2 });
    }
  });

  it('trust remove: by --cert-file; a root the API does not manage is refused', async () => {
    await ok('trust', 'remove', '--cert-file', file('sender-root.pem'));
    const roots = await json<{ fingerprint: string; source: string }[]>('trust', 'list');
    expect(roots.map((r) => r.fingerprint)).not.toContain(sha256(pki.root.certPem));
    const clientCa = roots.find((r) => r.source === 'client-ca');
    expect(await cli('trust', 'remove', clientCa?.fingerprint ?? 'missing')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^error trusted_root_not_managed: /),
    });
    expect(await cli('trust', 'remove', 'ab'.repeat(32))).toMatchObject({ code: 1, err: expect.stringMatching(/^error trusted_root_not_found: /) });
  });

  it('CERTGATE_HTTP_LOG recorded every exchange as one JSON line, never the token', () => {
    const path = exchanges.cliLog();
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('PRIVATE KEY');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { method: string; path: string; status: number; contentType?: string; body?: unknown; bytes?: number });
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines) {
      expect(l.path).toMatch(/^\/api\/v1\//);
      expect(['GET', 'POST', 'PUT', 'DELETE']).toContain(l.method);
      if (l.status !== 204) expect(l.body !== undefined || l.bytes !== undefined).toBe(true);
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/api/v1/keystore/entries/to-erp/pkcs12', status: 200, contentType: 'application/x-pkcs12' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ method: 'DELETE', path: '/api/v1/roles/NoSuchRole', status: 404 }));
  });
});
