import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { createTestPki, type TestLeaf, type TestPki } from '@certgate/testing';
import { runCli } from './cli/run';
import { commandTree } from './completion/completion-tree';
import { buildProgram } from './program';
import { captureIo, FakeConsole } from './testing/fake-console';

const role = { name: 'R1', description: '', predefined: false, createdAt: '2026-01-01T00:00:00.000Z' };
const instance = (name: string, grant = 'client_x509') => ({
  name,
  parameters: { roles: ['R1'], 'grant-types': [grant], 'redirect-uris': ['https://old.example/cb'] },
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('certgate commands (in-process, against a fake console)', () => {
  let fake: FakeConsole;
  let dir: string;
  let pki: TestPki;
  let leaf: TestLeaf;
  const file = (name: string, content?: string | Buffer) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };

  /** `certgate <args>` with the fake console's URL and a token; exit code and both streams. */
  const cli = async (...args: string[]) => {
    const { io, stdout, stderr } = captureIo({ CERTGATE_CONSOLE_URL: fake.url, CERTGATE_ADMIN_TOKEN: 'tok' });
    const code = await runCli(args, io);
    return { code, out: stdout(), err: stderr() };
  };

  beforeAll(async () => {
    pki = await createTestPki();
    leaf = await pki.issueClient('sender a');
  });
  beforeEach(async () => {
    fake = await new FakeConsole().start();
    dir = mkdtempSync(join(tmpdir(), 'certgate-cli-spec-'));
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('output formats and exit codes', () => {
    beforeEach(() => fake.on('GET /roles', { json: [role, { ...role, name: 'ESBMessaging.send', predefined: true }] }));

    it('prints a table by default, the API JSON with -o json and the same data as YAML with -o yaml', async () => {
      const table = await cli('roles', 'list');
      expect(table.code).toBe(0);
      expect(table.out.split('\n')[0]).toMatch(/^NAME\s+DESCRIPTION\s+PREDEFINED\s+CREATED$/);
      expect(table.out).toMatch(/^ESBMessaging\.send\s+true/m);

      const json = await cli('roles', 'list', '-o', 'json');
      expect(JSON.parse(json.out)).toEqual([role, { ...role, name: 'ESBMessaging.send', predefined: true }]);
      const yaml = await cli('roles', 'list', '--output', 'yaml');
      expect(YAML.parse(yaml.out)).toEqual(JSON.parse(json.out));
      expect(json.err).toBe('');
    });

    it('exit code 1 with one error line when the console refuses; nothing on stdout', async () => {
      fake.on('DELETE /roles/nope', { status: 404, json: { error: 'role_not_found', message: "no role 'nope'", details: { role: 'nope' } } });
      expect(await cli('roles', 'delete', 'nope')).toEqual({ code: 1, out: '', err: "error role_not_found: no role 'nope' [role=nope]\n" });
    });

    it('exit code 2 for usage errors: unknown option, bad choice, missing argument, group without command', async () => {
      for (const args of [['roles', 'list', '--bogus'], ['roles', 'list', '-o', 'xml'], ['roles', 'create'], ['roles'], ['nosuch']]) {
        const run = await cli(...args);
        expect({ args, code: run.code }).toEqual({ args, code: 2 });
        expect(run.err).not.toBe('');
      }
      expect(fake.seen).toEqual([]);
    });

    it('exit code 0 for --help and --version', async () => {
      expect((await cli('--help')).code).toBe(0);
      expect((await cli('--version')).out).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('a delete answers nothing to scripts (-o json) and a sentence to people', async () => {
      fake.on('DELETE /roles/R1', { status: 204 });
      expect(await cli('roles', 'delete', 'R1')).toMatchObject({ code: 0, out: 'deleted role R1\n' });
      expect(await cli('roles', 'delete', 'R1', '-o', 'json')).toMatchObject({ code: 0, out: '' });
    });

    it('says what to do when there is no token anywhere', async () => {
      const { io, stderr } = captureIo({ CERTGATE_CONSOLE_URL: fake.url, CERTGATE_DATA_DIR: join(dir, 'none') });
      expect(await runCli(['roles', 'list'], io)).toBe(1);
      expect(stderr()).toMatch(/^certgate: no admin token: pass --token/);
    });
  });

  it('every command shows an example in its --help', async () => {
    const paths = commandTree(buildProgram(captureIo().io)).map((n) => n.path);
    expect(paths.length).toBeGreaterThan(80);
    for (const path of paths) {
      const run = await cli(...path, '--help');
      expect({ path, code: run.code, example: /\nExamples?:\n {2}\$ .*certgate /.test(run.out) }).toEqual({ path, code: 0, example: true });
    }
  });

  describe('instances and keys', () => {
    it('create sends roles, grant type and redirect URIs (repeatable options)', async () => {
      fake.on('POST /service-instances', (r) => ({ status: 201, json: { ...instance('portal'), parameters: (r.body as { parameters: unknown }).parameters } }));
      const run = await cli(
        'instances',
        'create',
        'portal',
        '--role',
        'R1',
        '--role',
        'R2',
        '--grant-type',
        'client_credentials',
        '--redirect-uri',
        'https://p/cb',
      );
      expect(run.code).toBe(0);
      expect(fake.last('POST /service-instances')?.body).toEqual({
        name: 'portal',
        parameters: { roles: ['R1', 'R2'], 'grant-types': ['client_credentials'], 'redirect-uris': ['https://p/cb'] },
      });
      expect((await cli('instances', 'create', 'x', '--grant-type', 'password')).code).toBe(2);
    });

    it('update keeps what is not given and clears on request', async () => {
      fake
        .on('GET /service-instances/a', { json: instance('a') })
        .on('PUT /service-instances/a', (r) => ({ json: { ...instance('a'), ...(r.body as object) } }));
      expect((await cli('instances', 'update', 'a', '--role', 'R2')).code).toBe(0);
      expect(fake.last('PUT /service-instances/a')?.body).toEqual({
        parameters: { roles: ['R2'], 'grant-types': ['client_x509'], 'redirect-uris': ['https://old.example/cb'] },
      });
      await cli('instances', 'update', 'a', '--clear-redirect-uris');
      expect(fake.last('PUT /service-instances/a')?.body).toEqual({ parameters: { roles: ['R1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
      expect((await cli('instances', 'update', 'a', '--role', 'x', '--clear-roles')).code).toBe(2);
    });

    it('adds an external certificate from a PEM file', async () => {
      fake.on('POST /service-instances/a/keys', {
        status: 201,
        json: { instance: 'a', name: 'k1', type: 'external-certificate', clientid: 'sb-a!k1', createdAt: 'now' },
      });
      const run = await cli('keys', 'add', 'a', 'k1', '--type', 'external-certificate', '--cert-file', file('leaf.pem', leaf.certPem));
      expect(run.code).toBe(0);
      expect(fake.last('POST /service-instances/a/keys')?.body).toEqual({ name: 'k1', type: 'external-certificate', certificate: leaf.certPem });
      expect(run.out).toMatch(/^CLIENT ID\s+sb-a!k1$/m);
    });

    it('refuses a DER or missing certificate file, and options of another key type', async () => {
      expect(await cli('keys', 'add', 'a', 'k', '--type', 'external-certificate', '--cert-file', file('x.der', Buffer.from([0x30, 0x82])))).toMatchObject({
        code: 1,
        err: expect.stringMatching(/^certgate: certificate file .*x\.der holds no PEM certificate/),
      });
      expect(await cli('keys', 'add', 'a', 'k', '--type', 'external-certificate', '--cert-file', join(dir, 'missing.pem'))).toMatchObject({
        code: 1,
        err: expect.stringContaining('does not exist'),
      });
      expect((await cli('keys', 'add', 'a', 'k', '--type', 'client-secret', '--cert-file', 'x')).code).toBe(2);
      expect((await cli('keys', 'add', 'a', 'k', '--type', 'external-certificate')).code).toBe(2);
      expect((await cli('keys', 'add', 'a', 'k')).code).toBe(2);
      expect(fake.seen).toEqual([]);
    });

    it('a generated certificate key goes to --key-out (mode 600), never to the table; -o json prints the whole answer', async () => {
      const created = {
        instance: 'a',
        name: 'k2',
        type: 'certificate',
        clientid: 'sb-a!k2',
        createdAt: 'now',
        certificate: {
          pem: leaf.certPem,
          subjectDN: 'CN=k2',
          issuerDN: 'CN=ca',
          serialNumber: '01',
          notBefore: 'a',
          notAfter: 'b',
          fingerprint: 'f'.repeat(64),
        },
        key: leaf.keyPem,
      };
      fake.on('POST /service-instances/a/keys', { status: 201, json: created });
      expect((await cli('keys', 'add', 'a', 'k2', '--type', 'certificate')).code).toBe(2);

      const run = await cli(
        'keys',
        'add',
        'a',
        'k2',
        '--type',
        'certificate',
        '--key-type',
        'RSA',
        '--validity-days',
        '30',
        '--key-out',
        file('k2.key'),
        '--cert-out',
        file('k2.pem'),
      );
      expect(run.code).toBe(0);
      expect(fake.last('POST /service-instances/a/keys')?.body).toEqual({ name: 'k2', type: 'certificate', keyType: 'RSA', validityDays: 30 });
      expect(readFileSync(file('k2.key'), 'utf8')).toBe(leaf.keyPem);
      expect(statSync(file('k2.key')).mode & 0o777).toBe(0o600);
      expect(readFileSync(file('k2.pem'), 'utf8')).toBe(leaf.certPem);
      expect(run.out).not.toContain('PRIVATE KEY');

      // The files exist now: refused before the key is made (it could not be shown again).
      const again = await cli('keys', 'add', 'a', 'k3', '--type', 'certificate', '--key-out', file('k2.key'), '--cert-out', file('k3.pem'));
      expect(again).toMatchObject({ code: 1, err: expect.stringContaining('k2.key exists: pass --force to overwrite it') });
      expect(fake.seen.filter((r) => r.method === 'POST')).toHaveLength(1);

      expect(JSON.parse((await cli('keys', 'add', 'a', 'k2', '--type', 'certificate', '-o', 'json')).out)).toEqual(created);
    });

    it('a client secret is shown once, with a warning on stderr', async () => {
      fake.on('POST /service-instances/p/keys', {
        status: 201,
        json: { instance: 'p', name: 's1', type: 'client-secret', clientid: 'sb-p!s1', createdAt: 'now', clientsecret: 'S3cret' },
      });
      const run = await cli('keys', 'add', 'p', 's1', '--type', 'client-secret');
      expect(run.out).toMatch(/^CLIENT SECRET\s+S3cret$/m);
      expect(run.err).toContain('shown only now');
    });
  });

  it('flows deploy reads YAML or JSON and PUTs the definition under its id', async () => {
    fake.on('PUT /flows/orders', (r) => ({ json: { definition: r.body, certificateMatchers: [], deployedAt: 'now', revision: 3 } }));
    const yaml =
      'id: orders\nsender:\n  address: /orders\n  authorization: { type: role, role: R1 }\nsteps:\n  - type: respond\n    status: 200\n    body: "ok ${principal}"\n';
    expect((await cli('flows', 'deploy', '-f', file('orders.yaml', yaml))).code).toBe(0);
    const definition = YAML.parse(yaml) as unknown;
    expect(fake.last('PUT /flows/orders')?.body).toEqual(definition);
    expect((await cli('flows', 'deploy', '--file', file('orders.json', JSON.stringify(definition)))).code).toBe(0);
    expect(fake.last('PUT /flows/orders')?.body).toEqual(definition);
    expect(await cli('flows', 'deploy', '-f', file('bad.yaml', 'sender: [\n'))).toMatchObject({ code: 1, err: expect.stringContaining('is not valid YAML') });
    expect(await cli('flows', 'deploy', '-f', file('noid.yaml', 'sender: {}\n'))).toMatchObject({ code: 1, err: expect.stringContaining('has no id') });
  });

  describe('trust', () => {
    it('add POSTs the PEM bundle; remove takes a fingerprint (colons allowed) or the certificates of a file', async () => {
      fake.on('POST /ingress/trusted-roots', { status: 201, json: [] });
      const fp = (pem: string) => new (require('node:crypto').X509Certificate)(pem).fingerprint256.replace(/:/g, '').toLowerCase() as string;
      const bundle = pki.root.certPem + pki.intermediate.certPem;
      expect((await cli('trust', 'add', '--cert-file', file('roots.pem', bundle))).code).toBe(0);
      expect(fake.last('POST /ingress/trusted-roots')?.body).toEqual({ certificates: bundle });

      const [a, b] = [fp(pki.root.certPem), fp(pki.intermediate.certPem)];
      fake.on(`DELETE /ingress/trusted-roots/${a}`, { status: 204 }).on(`DELETE /ingress/trusted-roots/${b}`, { status: 204 });
      const colons = a.toUpperCase().match(/../g)?.join(':') ?? '';
      expect(await cli('trust', 'remove', colons)).toMatchObject({ code: 0, out: `removed trusted root ${a}\n` });
      expect((await cli('trust', 'remove', '--cert-file', file('roots.pem'))).code).toBe(0);
      expect(fake.seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([a, a, b].map((x) => `/ingress/trusted-roots/${x}`));
      expect((await cli('trust', 'remove')).code).toBe(2);
      expect((await cli('trust', 'remove', 'abc')).code).toBe(1);
    });
  });

  describe('keystore', () => {
    it('create-key-pair sends the key spec; options of the other key type are usage errors', async () => {
      fake.on('POST /keystore/key-pairs', { status: 201, json: { alias: 'to-erp' } });
      await cli('keystore', 'create-key-pair', 'to-erp', '--subject', 'CN=a, O=b', '--key-type', 'RSA', '--key-size', '3072', '--validity-days', '10');
      expect(fake.last('POST /keystore/key-pairs')?.body).toEqual({ alias: 'to-erp', subjectDN: 'CN=a, O=b', keyType: 'RSA', keySize: 3072, validityDays: 10 });
      await cli('keystore', 'create-key-pair', 'to-erp', '--subject', 'CN=a');
      expect(fake.last('POST /keystore/key-pairs')?.body).toEqual({ alias: 'to-erp', subjectDN: 'CN=a', keyType: 'EC' });
      expect((await cli('keystore', 'create-key-pair', 'x', '--subject', 'CN=a', '--key-type', 'RSA', '--curve', 'P-384')).code).toBe(2);
      expect((await cli('keystore', 'create-key-pair', 'x', '--subject', 'CN=a', '--key-size', '1024')).code).toBe(2);
    });

    it('download writes the bytes to --out, refuses to overwrite without --force, and summarises for scripts', async () => {
      const der = Buffer.from([0x30, 0x80, 0x00, 0x00]);
      fake.on('GET /keystore/entries/a/chain', {
        bytes: der,
        headers: { 'content-type': 'application/pkcs7-mime', 'content-disposition': 'attachment; filename="a.p7b"' },
      });
      const out = file('a.p7b');
      const run = await cli('keystore', 'download', 'a', '--part', 'chain', '--format', 'der', '--out', out);
      expect(run).toMatchObject({ code: 0, out: `wrote ${out} (4 bytes, application/pkcs7-mime)\n` });
      expect(fake.last('GET /keystore/entries/a/chain')?.query).toEqual({ format: 'der' });
      expect(readFileSync(out)).toEqual(der);
      expect(await cli('keystore', 'download', 'a', '--part', 'chain', '--format', 'der', '--out', out)).toMatchObject({
        code: 1,
        err: `certgate: ${out} exists: pass --force to overwrite it\n`,
      });
      const json = await cli('keystore', 'download', 'a', '--part', 'chain', '--format', 'der', '--out', out, '--force', '-o', 'json');
      expect(JSON.parse(json.out)).toEqual({ file: out, bytes: 4, contentType: 'application/pkcs7-mime', fileName: 'a.p7b' });
      expect((await cli('keystore', 'download', 'a', '--format', 'p12', '--out', out)).code).toBe(2);
    });

    it('csr goes to --out or stdout; import-chain and the renewal steps use their routes', async () => {
      const csr = '-----BEGIN CERTIFICATE REQUEST-----\nMII\n-----END CERTIFICATE REQUEST-----\n';
      fake
        .on('GET /keystore/key-pairs/a/csr', { bytes: csr, headers: { 'content-type': 'application/pkcs10' } })
        .on('GET /keystore/key-pairs/a/renewal/csr', { bytes: csr, headers: { 'content-type': 'application/pkcs10' } })
        .on('PUT /keystore/key-pairs/a/chain', { json: { alias: 'a' } })
        .on('PUT /keystore/key-pairs/a/renewal/chain', { json: { alias: 'a' } })
        .on('POST /keystore/key-pairs/a/renewal', { status: 201, json: { alias: 'a' } })
        .on('POST /keystore/key-pairs/a/renewal/activate', { json: { alias: 'a' } })
        .on('DELETE /keystore/key-pairs/a/renewal', { status: 204 });
      expect((await cli('keystore', 'csr', 'a')).out).toBe(csr);
      await cli('keystore', 'csr', 'a', '--out', file('a.csr'));
      expect(readFileSync(file('a.csr'), 'utf8')).toBe(csr);
      await cli('keystore', 'renew', 'csr', 'a', '--out', file('r.csr'));
      expect(readFileSync(file('r.csr'), 'utf8')).toBe(csr);
      const chain = file('chain.pem', leaf.chainPem);
      await cli('keystore', 'import-chain', 'a', '--chain-file', chain);
      expect(fake.last('PUT /keystore/key-pairs/a/chain')?.body).toEqual({ chain: leaf.chainPem });
      await cli('keystore', 'renew', 'import-chain', 'a', '--chain-file', chain);
      expect(fake.last('PUT /keystore/key-pairs/a/renewal/chain')?.body).toEqual({ chain: leaf.chainPem });
      await cli('keystore', 'renew', 'start', 'a', '--key-type', 'EC', '--curve', 'P-384', '--subject', 'CN=new');
      expect(fake.last('POST /keystore/key-pairs/a/renewal')?.body).toEqual({ keyType: 'EC', curve: 'P-384', subjectDN: 'CN=new' });
      expect((await cli('keystore', 'renew', 'activate', 'a')).code).toBe(0);
      expect((await cli('keystore', 'renew', 'cancel', 'a')).out).toBe('cancelled the renewal of a\n');
    });

    it('PKCS#12 out and in with password files; without one and without a terminal it says what to pass', async () => {
      const p12 = Buffer.from([0x30, 0x82, 0x09, 0x99]);
      fake
        .on('POST /keystore/entries/a/pkcs12', {
          bytes: p12,
          headers: { 'content-type': 'application/x-pkcs12', 'content-disposition': 'attachment; filename="a.p12"' },
        })
        .on('POST /keystore/pkcs12', { status: 201, json: { alias: 'b' } });
      const pw = file('pw.txt', 'correct horse\n');
      expect((await cli('keystore', 'export-p12', 'a', '--out', file('a.p12'), '--password-file', pw)).code).toBe(0);
      expect(fake.last('POST /keystore/entries/a/pkcs12')?.body).toEqual({ password: 'correct horse' });
      expect(readFileSync(file('a.p12'))).toEqual(p12);
      expect(statSync(file('a.p12')).mode & 0o777).toBe(0o600);

      expect((await cli('keystore', 'import-p12', 'b', '--p12-file', file('a.p12'), '--password-file', pw)).code).toBe(0);
      expect(fake.last('POST /keystore/pkcs12')?.body).toEqual({ alias: 'b', password: 'correct horse', pkcs12: p12.toString('base64') });

      expect(await cli('keystore', 'import-p12', 'b', '--p12-file', file('a.p12'))).toMatchObject({
        code: 1,
        err: 'certgate: stdin is not a terminal: pass --password-file FILE\n',
      });
    });

    it('delete passes force only when asked', async () => {
      fake.on('DELETE /keystore/entries/sys', { status: 204 });
      await cli('keystore', 'delete', 'sys');
      expect(fake.last('DELETE /keystore/entries/sys')?.query).toEqual({});
      await cli('keystore', 'delete', 'sys', '--force');
      expect(fake.last('DELETE /keystore/entries/sys')?.query).toEqual({ force: 'true' });
    });
  });

  it('connectivity tls parses HOST:PORT and sends the test; --download writes the zip', async () => {
    fake.on('POST /connectivity/tls', (r) =>
      r.query.download === 'zip'
        ? { bytes: 'PK\x03\x04', headers: { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="chain.zip"' } }
        : {
            json: {
              host: 'h',
              port: 443,
              serverName: 's',
              protocol: 'TLSv1.3',
              cipher: { name: 'TLS_AES_128_GCM_SHA256' },
              peerChain: [],
              clientAuthentication: { requested: null, acceptedIssuers: null },
              validation: { performed: false, valid: null, chainTrusted: null, hostnameMatches: null },
              durationMs: 3,
            },
          },
    );
    const run = await cli('connectivity', 'tls', '[::1]:443', '--no-validate', '--server-name', 's', '--key-alias', 'to-erp', '--timeout-ms', '2000');
    expect(run.code).toBe(0);
    expect(fake.last('POST /connectivity/tls')?.body).toEqual({
      host: '::1',
      port: 443,
      validateServerCertificate: false,
      serverName: 's',
      keyAlias: 'to-erp',
      timeoutMs: 2000,
    });
    expect(run.out).toMatch(/^VALIDATION\s+not performed/m);
    await cli('connectivity', 'tls', 'h:443', '--download', file('c.zip'));
    expect(fake.last('POST /connectivity/tls')).toMatchObject({ query: { download: 'zip' }, body: { host: 'h', port: 443, validateServerCertificate: true } });
    expect(readFileSync(file('c.zip'), 'latin1')).toBe('PK\x03\x04');
    expect((await cli('connectivity', 'tls', 'h')).code).toBe(2);
    expect((await cli('connectivity', 'tls', 'h:70000')).code).toBe(2);
  });

  describe('logs', () => {
    it('passes each filter as the query parameter of the API, and points to older records', async () => {
      fake.on('GET /logs/access', {
        json: [{ time: 't', status: 401, method: 'POST', path: '/http/x', who: '-', durationMs: 1, ip: 'i', requestId: 'r', line: 'l', nodeId: 'n', seq: 4 }],
        headers: { 'x-next-cursor': 'djE6NA' },
      });
      const run = await cli(
        'logs',
        'access',
        '--status',
        '4xx',
        '--who',
        'sb-a!k1',
        '--since',
        '1h',
        '--until',
        '2026-01-01T00:00:00Z',
        '--address',
        '/x',
        '--request-id',
        'r',
        '--limit',
        '5',
      );
      expect(run.code).toBe(0);
      expect(fake.last('GET /logs/access')?.query).toEqual({
        status: '4xx',
        who: 'sb-a!k1',
        since: '1h',
        until: '2026-01-01T00:00:00Z',
        address: '/x',
        requestId: 'r',
        limit: '5',
      });
      expect(run.out).toMatch(/^TIME\s+STATUS\s+METHOD/);
      expect(run.err).toBe('older records: add --cursor djE6NA\n');
      fake.on('GET /message-logs', { json: [] });
      await cli('logs', 'messages', '--flow-id', 'orders', '--who', 'u', '--cursor', 'djE6NA');
      expect(fake.last('GET /message-logs')?.query).toEqual({ flowId: 'orders', who: 'u', cursor: 'djE6NA' });
    });

    it('offers only the filters a log takes', async () => {
      expect((await cli('logs', 'trace', '--status', '401')).code).toBe(2);
      expect((await cli('logs', 'access', '--flow-id', 'x')).code).toBe(2);
      expect((await cli('logs', 'access', '--limit', '0')).code).toBe(2);
      expect(fake.seen).toEqual([]);
    });
  });

  it('alerts, subscriptions, certificates, oauth: bodies and queries', async () => {
    fake
      .on('PUT /alerts/mutes/flow', { json: { source: 'flow', mutedAt: 'now' } })
      .on('POST /alert-subscriptions', {
        status: 201,
        json: { id: 's', url: 'u', createdAt: 'c', consumer: 'x', deliveries: { delivered: 0, failedAttempts: 0, pending: 0 } },
      })
      .on('GET /certificates', { json: [] })
      .on('POST /oauth/signing-keys/rotate', { json: { active: 'k', keys: [] } });
    await cli('alerts', 'mute', 'flow', '--reason', 'auto-renewed');
    expect(fake.last('PUT /alerts/mutes/flow')?.body).toEqual({ reason: 'auto-renewed' });
    await cli('alerts', 'mute', 'flow');
    expect(fake.last('PUT /alerts/mutes/flow')?.body).toBeUndefined();

    const secret = file('secret.txt', 'a-long-shared-secret-value\n');
    const sub = await cli(
      'subscriptions',
      'add',
      '--webhook-url',
      'https://ops/h',
      '--secret-file',
      secret,
      '--source',
      'keystore',
      '--source',
      'flow',
      '--threshold',
      '7',
      '--threshold',
      '0',
    );
    expect(sub.code).toBe(0);
    expect(fake.last('POST /alert-subscriptions')?.body).toEqual({
      url: 'https://ops/h',
      secret: 'a-long-shared-secret-value',
      sources: ['keystore', 'flow'],
      thresholds: [7, 0],
    });
    expect((await cli('subscriptions', 'add', '--webhook-url', 'u', '--secret-file', secret, '--source', 'nope')).code).toBe(2);

    await cli('certificates', '--status', 'expiring', '--sort', '-expiry');
    expect(fake.last('GET /certificates')?.query).toEqual({ status: 'expiring', sort: '-expiry' });
    await cli('certificates', 'list', '--source', 'service-key');
    expect(fake.last('GET /certificates')?.query).toEqual({ source: 'service-key' });

    await cli('oauth', 'signing-keys', 'rotate', '--drop-previous');
    expect(fake.last('POST /oauth/signing-keys/rotate')?.body).toEqual({ dropPrevious: true });
    expect(JSON.parse((await cli('oauth', 'signing-keys', 'rotate', '-o', 'json')).out)).toEqual({ active: 'k', keys: [] });
    expect(fake.last('POST /oauth/signing-keys/rotate')?.body).toBeUndefined();
  });

  it('classic mode: users, groups and mappings', async () => {
    const user = { name: 'john@acme.com', roles: [], groups: [], effectiveRoles: [], mappings: [] };
    const group = { name: 'buyers', roles: ['R1'], users: ['a@x'], createdAt: 'c', updatedAt: 'u' };
    fake
      .on('PUT /users/john@acme.com/roles', { json: user })
      .on('GET /groups/buyers', { json: group })
      .on('PUT /groups/buyers', (r) => ({ json: { ...group, ...(r.body as object) } }))
      .on('POST /certificate-user-mappings', { status: 201, json: { id: 'x', user: 'john@acme.com', certificate: {}, createdAt: 'c' } });
    await cli('users', 'set-roles', 'john@acme.com');
    expect(fake.last('PUT /users/john@acme.com/roles')?.body).toEqual({ roles: [] });
    await cli('users', 'set-roles', 'john@acme.com', 'R1', 'R2');
    expect(fake.last('PUT /users/john@acme.com/roles')?.body).toEqual({ roles: ['R1', 'R2'] });
    await cli('groups', 'add-users', 'buyers', 'b@x', 'a@x');
    expect(fake.last('PUT /groups/buyers')?.body).toEqual({ roles: ['R1'], users: ['a@x', 'b@x'] });
    await cli('groups', 'remove-users', 'buyers', 'a@x');
    expect(fake.last('PUT /groups/buyers')?.body).toEqual({ roles: ['R1'], users: [] });
    await cli('groups', 'update', 'buyers', '--role', 'R2');
    expect(fake.last('PUT /groups/buyers')?.body).toEqual({ roles: ['R2'], users: ['a@x'] });
    await cli('mappings', 'add', '--user', 'john@acme.com', '--cert-file', file('j.pem', leaf.certPem));
    expect(fake.last('POST /certificate-user-mappings')?.body).toEqual({ user: 'john@acme.com', certificate: leaf.certPem });
  });

  describe('operators and tokens', () => {
    const operator = { name: 'mona', roles: ['monitor'], enabled: true, createdAt: 'c' };
    const tokenView = { id: '0123456789abcdef', operator: 'mona', createdAt: 'c', expiresAt: 'e' };
    const TOKEN = `cgt.default.0123456789abcdef.${'s'.repeat(43)}`;

    it('creates an operator with roles, changes and disables it; a bad role is a usage error', async () => {
      fake.on('POST /operators', { status: 201, json: operator }).on('PATCH /operators/mona', { json: { ...operator, enabled: false } });
      expect((await cli('operators', 'create', 'mona', '--role', 'monitor', '--role', 'auditor')).code).toBe(0);
      expect(fake.last('POST /operators')?.body).toEqual({ name: 'mona', roles: ['monitor', 'auditor'], enabled: true });
      expect((await cli('operators', 'update', 'mona', '--disable')).code).toBe(0);
      expect(fake.last('PATCH /operators/mona')?.body).toEqual({ enabled: false });
      expect((await cli('operators', 'create', 'x', '--role', 'root')).code).toBe(2);
      expect((await cli('operators', 'update', 'mona')).code).toBe(2);
    });

    it('shows a new token once, or writes it to a file of mode 600 and prints only where; revokes one', async () => {
      fake.on('POST /operators/mona/tokens', { status: 201, json: { ...tokenView, token: TOKEN } }).on('POST /api-tokens/0123456789abcdef/revoke', {
        json: { ...tokenView, revokedAt: 'r' },
      });
      const shown = await cli('tokens', 'create', 'mona', '--expires-in-days', '30');
      expect(shown.out).toContain(TOKEN);
      expect(fake.last('POST /operators/mona/tokens')?.body).toEqual({ expiresInDays: 30 });

      const out = file('mona.token');
      const written = await cli('tokens', 'create', 'mona', '--token-out', out);
      expect(written.out).not.toContain(TOKEN);
      expect(readFileSync(out, 'utf8')).toBe(`${TOKEN}\n`);
      expect(statSync(out).mode & 0o777).toBe(0o600);

      const revoked = await cli('tokens', 'revoke', '0123456789abcdef', '-o', 'json');
      expect(JSON.parse(revoked.out)).toMatchObject({ revokedAt: 'r' });
    });

    it('whoami prints the roles and permissions of the token', async () => {
      fake.on('GET /me', { json: { kind: 'operator', operator: 'mona', tokenId: 'i', roles: ['monitor'], permissions: ['health:read', 'logs:read'] } });
      const me = await cli('whoami');
      expect(me.code).toBe(0);
      expect(me.out).toMatch(/mona/);
      expect(me.out).toMatch(/logs:read/);
    });
  });
});
