import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { DEFAULT_SYSTEM_KEY_ALIAS, type ConnectivityResult, type KeystoreEntryView, type MplRecord } from '@certgate/contracts';
import {
  ALL_SERVICES,
  checkExchangesAndStop,
  createTestPki,
  defined,
  freePort,
  natsServerBinary,
  opensslAvailable,
  runOpenssl,
  startNatsProcess,
  startSystem,
  type NatsProcess,
  type RunningSystem,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';
import { parseCsr } from '@certgate/x509';
import { consoleApi, eventually, senderCall, type IngressResult } from './clients';
import { consoleBytes } from './console-bytes';
import { createExternalCa, type ExternalCa } from './external-ca';
import { startReceiver, type Receiver } from './receiver';

const SYSTEM_ALIAS = process.env.CERTGATE_SYSTEM_KEY_ALIAS ?? DEFAULT_SYSTEM_KEY_ALIAS;
const PARTNER_ALIAS = 'partner-a';
const TENANT_CN = 'tenant-outbound e2e';
const ROLE = 'Outbound';
const hasOpenssl = opensslAvailable();

type Api = ReturnType<typeof consoleApi>;
type Bytes = ReturnType<typeof consoleBytes>;
type Send = ReturnType<typeof senderCall>;

const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
const pemBlocks = (text: string, label: string) => text.match(new RegExp(`-----BEGIN ${label}-----[^-]+-----END ${label}-----`, 'g')) ?? [];
const spki = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' }).toString('hex');

/** A private key in every plain form it could be stored in: PEM body line, PKCS#8 DER raw and base64, the secret scalar raw, hex, base64 and base64url. */
function plainForms(keyPem: string): (string | Buffer)[] {
  const key = createPrivateKey(keyPem);
  const der = key.export({ type: 'pkcs8', format: 'der' });
  const d = Buffer.from(defined(key.export({ format: 'jwk' }).d, 'the secret part of the key'), 'base64url');
  return [defined(keyPem.split('\n')[1], 'a PEM body'), der, der.toString('base64'), d, d.toString('hex'), d.toString('base64'), d.toString('base64url')];
}

function relayFlow(id: string, url: string, privateKeyAlias?: string) {
  return {
    id,
    sender: { address: `/${id}`, authorization: { type: 'role', role: ROLE } },
    steps: [],
    receiver: { url, authentication: { type: 'client-certificate', ...(privateKeyAlias ? { privateKeyAlias } : {}) } },
  };
}

/** Calls until `done` holds or `timeoutMs` passes, and returns the last answer: deployments and keystore changes reach the runtime through KV watches. */
async function until<T>(call: () => Promise<T>, done: (r: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const result = await call();
    if (done(result) || Date.now() - start > timeoutMs) return result;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function openssl(args: string[], cwd: string) {
  const run = runOpenssl(args, { cwd });
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** `grep -rl needle dir`, on bytes; files the server removes meanwhile are skipped. */
function grepFiles(dir: string, needle: string | Buffer): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) return grepFiles(path, needle);
      return readFileSync(path).includes(needle) ? [path] : [];
    } catch {
      return [];
    }
  });
}

describe('outbound: receivers called with the tenant key pairs over mutual TLS, keystore operations, connectivity test (real NATS, real TLS)', () => {
  let nats: NatsProcess | undefined;
  let sys: RunningSystem;
  let api: Api;
  let bytes: Bytes;
  let send: Send;
  let senderPki: TestPki;
  let receiverPki: TestPki;
  let stranger: TestPki;
  let externalCa: ExternalCa;
  let alice: TestLeaf;
  let receiverServer: TestLeaf;
  let receiverA: Receiver;
  const receivers: Receiver[] = [];
  let tmp: string;
  /** Set by test 1: the fingerprint of the CA-signed certificate of PARTNER_ALIAS. */
  let partnerFingerprint = '';
  /** Set by test 4: private keys certgate holds (one generated, one imported), to look for in the NATS store. */
  const heldKeys: Record<string, string> = {};

  const call = (flowId: string, body = `message for ${flowId}`) =>
    send(`/${flowId}`, { cert: alice.chainPem, key: alice.keyPem }, { body, headers: { 'content-type': 'text/plain' } });

  const mplRecord = async (flowId: string, messageId: string): Promise<MplRecord> => {
    const find = async () => (await api<MplRecord[]>('GET', `/message-logs?limit=1000&flowId=${flowId}`)).body.find((r) => r.messageId === messageId);
    await eventually(async () => (await find()) !== undefined, 5_000);
    return (await find()) as MplRecord;
  };

  const receiver = async (opts: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(opts);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    if (natsServerBinary()) nats = await startNatsProcess();
    else console.log('outbound e2e: no nats-server binary, so the suite uses the shared NATS and test 6 cannot inspect the store directory');
    [senderPki, receiverPki, stranger, externalCa] = await Promise.all([
      createTestPki(),
      createTestPki({ name: 'Receiver PKI' }),
      createTestPki(),
      createExternalCa('Partner'),
    ]);
    if (externalCa.tool !== 'openssl') console.log('outbound e2e: openssl is absent, the external CA signs with libs/x509 instead');
    sys = await startSystem('outbound', {}, ALL_SERVICES, { natsUrl: nats?.url });
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    bytes = consoleBytes(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    send = senderCall(sys.ingressPort, readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8'));
    tmp = mkdtempSync(join(tmpdir(), 'certgate-outbound-'));
    [alice, receiverServer] = await Promise.all([senderPki.issueClient('alice'), receiverPki.issueServer(['127.0.0.1', 'localhost'])]);
    receiverA = await receiver({ name: 'partner-a', chainPem: receiverServer.chainPem, keyPem: receiverServer.keyPem, trustedClientCas: [externalCa.rootPem] });
    // The sender of inbound scenario 1: its root trusted, a role, an instance holding it, its certificate as a key.
    expect((await api('PUT', '/ingress/trusted-roots', { certificates: senderPki.root.certPem })).status).toBe(200);
    expect((await api('POST', '/roles', { name: ROLE })).status).toBe(201);
    expect(
      (await api('POST', '/service-instances', { name: 'sender-out', parameters: { roles: [ROLE], 'grant-types': ['client_x509'], 'redirect-uris': [] } }))
        .status,
    ).toBe(201);
    expect((await api('POST', '/service-instances/sender-out/keys', { name: 'k1', type: 'external-certificate', certificate: alice.certPem })).status).toBe(
      201,
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    try {
      await checkExchangesAndStop(sys);
    } finally {
      await nats?.stop();
      externalCa?.dispose();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('1. generate a key pair → CSR → an external CA signs it → import the chain → trust the receiver root → the flow calls the receiver with that key pair and its answer comes back', async () => {
    const created = await api<KeystoreEntryView>('POST', '/keystore/key-pairs', {
      alias: PARTNER_ALIAS,
      keyType: 'EC',
      curve: 'P-256',
      subjectDN: `CN=${TENANT_CN}, O=certgate e2e`,
      validityDays: 30,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ alias: PARTNER_ALIAS, kind: 'key-pair', owner: 'tenant', chainLength: 1 });
    expect(created.body.subjectDN).toContain(`CN=${TENANT_CN}`);

    const csr = await api<string>('GET', `/keystore/key-pairs/${PARTNER_ALIAS}/csr`);
    expect(csr.status).toBe(200);
    expect(csr.body).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect((await parseCsr(csr.body)).subjectDN).toContain(`CN=${TENANT_CN}`);

    const chain = await externalCa.sign(csr.body);
    const imported = await api<KeystoreEntryView>('PUT', `/keystore/key-pairs/${PARTNER_ALIAS}/chain`, { chain });
    expect(imported.status).toBe(200);
    partnerFingerprint = fingerprintOf(chain);
    expect(imported.body).toMatchObject({ alias: PARTNER_ALIAS, fingerprint: partnerFingerprint, chainLength: 2 });
    expect(imported.body.issuerDN).toContain(externalCa.subjectCN);
    // Downloads: the chain as PEM (leaf first), the certificate as DER .cer.
    const chainPem = await api<string>('GET', `/keystore/entries/${PARTNER_ALIAS}/chain?format=pem`);
    expect(pemBlocks(chainPem.body, 'CERTIFICATE').map(fingerprintOf)).toEqual(pemBlocks(chain, 'CERTIFICATE').map(fingerprintOf));
    const der = await bytes('GET', `/keystore/entries/${PARTNER_ALIAS}/certificate?format=der`);
    expect(der.status).toBe(200);
    expect(createHash('sha256').update(der.bytes).digest('hex')).toBe(partnerFingerprint);

    const trusted = await api<KeystoreEntryView>('POST', '/keystore/certificates', { alias: 'receiver-root', certificate: receiverPki.root.certPem });
    expect(trusted.status).toBe(201);
    expect(trusted.body).toMatchObject({ alias: 'receiver-root', kind: 'certificate', fingerprint: receiverPki.root.certificate.fingerprint });

    expect((await api('PUT', '/flows/outbound-a', relayFlow('outbound-a', receiverA.url('/in/orders'), PARTNER_ALIAS))).status).toBe(200);
    const res = await until(
      () => call('outbound-a', 'order 42'),
      (r) => r.status !== 502,
    );
    expect({ status: res.status, text: res.text }).toEqual({
      status: 201,
      text: JSON.stringify({ receiver: 'partner-a', clientCN: TENANT_CN, received: 'order 42' }),
    });
    expect(res.headers['x-receiver']).toBe('partner-a');
    const seen = receiverA.requests.at(-1);
    expect(seen).toMatchObject({ path: '/in/orders', body: 'order 42', client: { subjectCN: TENANT_CN, fingerprint: partnerFingerprint } });
    const record = await mplRecord('outbound-a', String(res.headers['x-request-id']));
    expect(record).toMatchObject({ outcome: 'completed', status: 201 });
  });

  it('2. the same with the default system key pair: no privateKeyAlias, the receiver trusts the system certificate', async () => {
    const entry = await api<KeystoreEntryView>('GET', `/keystore/entries/${SYSTEM_ALIAS}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({ alias: SYSTEM_ALIAS, kind: 'key-pair', owner: 'system' });
    const certificate = await api<string>('GET', `/keystore/entries/${SYSTEM_ALIAS}/certificate`);
    expect(certificate.status).toBe(200);
    expect(fingerprintOf(certificate.body)).toBe(entry.body.fingerprint);

    const receiverS = await receiver({
      name: 'system-partner',
      chainPem: receiverServer.chainPem,
      keyPem: receiverServer.keyPem,
      trustedClientCas: [certificate.body],
    });
    expect((await api('PUT', '/flows/outbound-system', relayFlow('outbound-system', receiverS.url('/in/system')))).status).toBe(200);
    const res = await until(
      () => call('outbound-system', 'via the system key pair'),
      (r) => r.status !== 502,
    );
    expect(res.status).toBe(201);
    expect(res.headers['x-receiver']).toBe('system-partner');
    expect(JSON.parse(res.text)).toMatchObject({ receiver: 'system-partner', received: 'via the system key pair' });
    expect(receiverS.requests.at(-1)?.client?.fingerprint).toBe(entry.body.fingerprint);
  });

  describe('3. each receiver failure fails the message with its reason in the MPL and a 502 to the sender', () => {
    async function expectFailure(flowId: string, res: IngressResult, reason: RegExp[]): Promise<void> {
      expect(res.status).toBe(502);
      expect(res.json.error).toBe('receiver_failed');
      const description = String(res.json.error_description);
      for (const r of reason) expect(description).toMatch(r);
      expect(description).not.toMatch(/PRIVATE KEY/);
      const record = await mplRecord(flowId, String(res.headers['x-request-id']));
      expect(record).toMatchObject({ flowId, outcome: 'failed', status: 502 });
      for (const r of reason) expect(record.error).toMatch(r);
    }

    it('3a. the receiver refuses the client certificate', async () => {
      const refusing = await receiver({
        name: 'refusing',
        chainPem: receiverServer.chainPem,
        keyPem: receiverServer.keyPem,
        trustedClientCas: [stranger.root.certPem],
      });
      expect((await api('PUT', '/flows/refused', relayFlow('refused', refusing.url('/in'), PARTNER_ALIAS))).status).toBe(200);
      const res = await until(
        () => call('refused'),
        (r) => r.status === 502 && /refus|reject/i.test(String(r.json.error_description)),
      );
      await expectFailure('refused', res, [/refus|reject/i, /client certificate/i]);
      expect(refusing.requests).toEqual([]);
      expect(refusing.tlsErrors.length).toBeGreaterThan(0);
    });

    it('3b. an untrusted receiver: its root is not in the keystore', async () => {
      const server = await stranger.issueServer(['127.0.0.1', 'localhost']);
      const untrusted = await receiver({
        name: 'untrusted',
        chainPem: server.chainPem + stranger.root.certPem,
        keyPem: server.keyPem,
        trustedClientCas: [externalCa.rootPem],
      });
      expect((await api('PUT', '/flows/untrusted', relayFlow('untrusted', untrusted.url('/in'), PARTNER_ALIAS))).status).toBe(200);
      const res = await until(
        () => call('untrusted'),
        (r) => r.status === 502,
      );
      await expectFailure('untrusted', res, [/trust/i]);
      expect(untrusted.requests).toEqual([]);
    });

    it('3c. a host-name mismatch: the receiver certificate is for another name', async () => {
      const server = await receiverPki.issueServer(['partner.example']);
      const elsewhere = await receiver({ name: 'elsewhere', chainPem: server.chainPem, keyPem: server.keyPem, trustedClientCas: [externalCa.rootPem] });
      expect((await api('PUT', '/flows/mismatch', relayFlow('mismatch', elsewhere.url('/in'), PARTNER_ALIAS))).status).toBe(200);
      const res = await until(
        () => call('mismatch'),
        (r) => r.status === 502,
      );
      await expectFailure('mismatch', res, [/does not match host|host ?name/i, /127\.0\.0\.1/]);
      expect(elsewhere.requests).toEqual([]);
    });

    it('3d. a missing alias: the key pair named by the flow is not in the keystore', async () => {
      const alias = 'short-lived';
      expect((await api('POST', '/keystore/key-pairs', { alias, keyType: 'EC', curve: 'P-256', subjectDN: 'CN=short-lived', validityDays: 1 })).status).toBe(
        201,
      );
      expect((await api('PUT', '/flows/no-key', relayFlow('no-key', receiverA.url('/in'), alias))).status).toBe(200);
      expect((await api('DELETE', `/keystore/entries/${alias}`)).status).toBe(204);
      const before = receiverA.requests.length;
      const res = await until(
        () => call('no-key'),
        (r) => r.status === 502 && String(r.json.error_description).includes(`'${alias}'`),
      );
      await expectFailure('no-key', res, [new RegExp(`'${alias}'`), /not|no /i]);
      expect(receiverA.requests.length).toBe(before);
    });
  });

  it('4. PKCS#12 round trip with openssl pkcs12: export → openssl reads it; openssl AES-256 file → import; legacy file → 400', async () => {
    const password = 'e2e p12 pass';
    const exported = await bytes('POST', `/keystore/entries/${PARTNER_ALIAS}/pkcs12`, { password });
    expect(exported.status).toBe(200);
    expect(exported.contentType).toContain('application/x-pkcs12');
    if (!hasOpenssl) {
      console.log('outbound e2e: openssl is absent, the openssl pkcs12 parts of test 4 are skipped');
      return;
    }
    // certgate → openssl: the password opens it, the key matches the certificate, the chain is there.
    writeFileSync(join(tmp, 'export.p12'), exported.bytes);
    const out = openssl(['pkcs12', '-in', 'export.p12', '-passin', `pass:${password}`, '-nodes'], tmp);
    const keyPem = defined(pemBlocks(out, 'PRIVATE KEY')[0], 'a private key in the exported file');
    const certificates = pemBlocks(out, 'CERTIFICATE');
    const leaf = defined(
      certificates.find((c) => fingerprintOf(c) === partnerFingerprint),
      'the key pair certificate in the exported file',
    );
    expect(spki(createPrivateKey(keyPem))).toBe(spki(new X509Certificate(leaf).publicKey));
    expect(certificates.length).toBe(2);
    expect(runOpenssl(['pkcs12', '-in', 'export.p12', '-passin', 'pass:wrong', '-nodes'], { cwd: tmp }).status).not.toBe(0);
    heldKeys.generated = keyPem;

    // openssl → certgate: a key pair made by openssl, AES-256-CBC for key and certificates.
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'own.key',
        '-out',
        'own.pem',
        '-days',
        '30',
        '-subj',
        '/CN=openssl-made/O=certgate e2e',
      ],
      tmp,
    );
    const p12 = (file: string, pbe: string[]) => {
      openssl(['pkcs12', '-export', '-inkey', 'own.key', '-in', 'own.pem', ...pbe, '-passout', `pass:${password}`, '-out', file], tmp);
      return readFileSync(join(tmp, file)).toString('base64');
    };
    const modern = p12('modern.p12', ['-keypbe', 'AES-256-CBC', '-certpbe', 'AES-256-CBC', '-macalg', 'sha256']);
    const imported = await api<KeystoreEntryView>('POST', '/keystore/pkcs12', { alias: 'imported-p12', password, pkcs12: modern });
    expect(imported.status).toBe(201);
    const ownPem = readFileSync(join(tmp, 'own.pem'), 'utf8');
    expect(imported.body).toMatchObject({ alias: 'imported-p12', kind: 'key-pair', owner: 'tenant', fingerprint: fingerprintOf(ownPem) });
    expect(imported.body.subjectDN).toContain('CN=openssl-made');
    heldKeys.imported = readFileSync(join(tmp, 'own.key'), 'utf8');

    // Legacy encryption (3DES, and openssl's -legacy RC2): refused with a clear message, nothing stored.
    const legacyFiles = [p12('3des.p12', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'])];
    if (
      runOpenssl(['pkcs12', '-export', '-legacy', '-inkey', 'own.key', '-in', 'own.pem', '-passout', `pass:${password}`, '-out', 'rc2.p12'], { cwd: tmp })
        .status === 0
    ) {
      legacyFiles.push(readFileSync(join(tmp, 'rc2.p12')).toString('base64'));
    } else {
      console.log('outbound e2e: this openssl cannot write -legacy files (no legacy provider); only the 3DES file is tried');
    }
    for (const [i, pkcs12] of legacyFiles.entries()) {
      const legacy = await api<{ error: string; message: string }>('POST', '/keystore/pkcs12', { alias: `legacy-p12-${i}`, password, pkcs12 });
      expect(legacy.status).toBe(400);
      expect(legacy.body.message).toMatch(/legacy|3DES|RC2/i);
      expect((await api('GET', `/keystore/entries/legacy-p12-${i}`)).status).toBe(404);
    }
  });

  describe('5. connectivity test', () => {
    let toReceiver: ConnectivityResult;
    const connectivity = (body: Record<string, unknown>) => api<ConnectivityResult & { error?: string; message?: string }>('POST', '/connectivity/tls', body);
    /**
     * What the receiver sends (leaf, intermediate), possibly completed with the keystore's
     * trusted root it was verified against (Node's peer chain walks into the trust store).
     */
    const expectReceiverChain = (fingerprints: string[]) => {
      const sent = receiverServer.chain.map((c) => c.fingerprint);
      expect(fingerprints.slice(0, sent.length)).toEqual(sent);
      expect([[], [receiverPki.root.certificate.fingerprint]]).toContainEqual(fingerprints.slice(sent.length));
    };
    const receiverTest = () => ({ host: '127.0.0.1', port: receiverA.port, validateServerCertificate: true, keyAlias: PARTNER_ALIAS });

    it('5a. against the receiver: client authentication requested, the external CA among the accepted issuers, valid', async () => {
      const res = await connectivity(receiverTest());
      expect(res.status).toBe(200);
      toReceiver = res.body;
      expect(toReceiver.protocol).toMatch(/^TLSv1\.[23]$/);
      expect(toReceiver.clientAuthentication.requested).toBe(true);
      expect(toReceiver.clientAuthentication.acceptedIssuers?.some((dn) => dn.includes(`CN=${externalCa.subjectCN}`))).toBe(true);
      expect(toReceiver.clientAuthentication.presented).toMatchObject({ alias: PARTNER_ALIAS, fingerprint: partnerFingerprint });
      expect(toReceiver.validation).toMatchObject({ performed: true, valid: true, chainTrusted: true, hostnameMatches: true });
      expectReceiverChain(toReceiver.peerChain.map((c) => c.fingerprint));
    });

    it('5b. against an untrusted server: verdict false with the reason, the chain still returned', async () => {
      const server = await stranger.issueServer(['127.0.0.1']);
      const untrusted = await receiver({ name: 'untrusted-plain', chainPem: server.chainPem + stranger.root.certPem, keyPem: server.keyPem });
      const res = await connectivity({ host: '127.0.0.1', port: untrusted.port, validateServerCertificate: true });
      expect(res.status).toBe(200);
      expect(res.body.validation).toMatchObject({ performed: true, valid: false, chainTrusted: false });
      expect(res.body.validation.reason).toBeTruthy();
      expect(`${res.body.validation.reason} ${res.body.validation.message}`).toMatch(/trust/i);
      expect(res.body.peerChain.map((c) => c.fingerprint)).toEqual([...server.chain, stranger.root.certificate].map((c) => c.fingerprint));
      expect(res.body.clientAuthentication.requested).toBe(false);
    });

    it('5c. against a closed port: 502 unreachable with a clear message', async () => {
      const port = await freePort();
      const res = await connectivity({ host: '127.0.0.1', port, validateServerCertificate: true });
      expect(res.status).toBe(502);
      expect(res.body.error).toBe('unreachable');
      expect(res.body.message).toContain(`127.0.0.1:${port}`);
      expect(res.body.message).toMatch(/refused|unreachable|not reachable|could not connect/i);
    });

    it("5d. against certgate's own ingress: the chain ends with the dev root the ingress uses", async () => {
      const devRoot = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
      const res = await connectivity({ host: '127.0.0.1', port: sys.ingressPort, validateServerCertificate: false });
      expect(res.status).toBe(200);
      expect(res.body.peerChain.length).toBeGreaterThanOrEqual(2);
      expect(res.body.peerChain.at(-1)?.fingerprint).toBe(fingerprintOf(devRoot));
      expect(res.body.peerChain[0].issuerDN).toBe(res.body.peerChain.at(-1)?.subjectDN);
      expect(res.body.validation.performed).toBe(false);
    });

    it('5e. ?download=zip: the zip opens and holds the chain as DER .cer files', async () => {
      const zip = await bytes('POST', '/connectivity/tls?download=zip', receiverTest());
      expect(zip.status).toBe(200);
      expect(zip.contentType).toContain('application/zip');
      const files = Object.entries(unzipSync(new Uint8Array(zip.bytes))).sort(([a], [b]) => parseInt(a, 10) - parseInt(b, 10));
      expect(files.every(([name]) => name.endsWith('.cer'))).toBe(true);
      const fingerprints = files.map(([, der]) => new X509Certificate(Buffer.from(der)).fingerprint256.replace(/:/g, '').toLowerCase());
      expect(fingerprints).toEqual(toReceiver.peerChain.map((c) => c.fingerprint));
      expectReceiverChain(fingerprints);
    });
  });

  it('6. after a restart of every service the keystore is intact and works; the NATS store holds no private key in plain text', async () => {
    const inventory = async () => {
      const res = await api<KeystoreEntryView[]>('GET', '/keystore/entries');
      expect(res.status).toBe(200);
      return res.body
        .map((e) => ({ alias: e.alias, kind: e.kind, owner: e.owner, fingerprint: e.fingerprint, chainLength: e.chainLength }))
        .sort((a, b) => a.alias.localeCompare(b.alias));
    };
    const before = await inventory();
    expect(before.map((e) => e.alias)).toEqual(expect.arrayContaining([SYSTEM_ALIAS, PARTNER_ALIAS, 'receiver-root']));

    await sys.restart();
    expect(await inventory()).toEqual(before);
    const res = await until(
      () => call('outbound-a', 'after the restart'),
      (r) => r.status !== 502,
    );
    expect(res.status).toBe(201);
    expect(receiverA.requests.at(-1)).toMatchObject({ body: 'after the restart', client: { fingerprint: partnerFingerprint } });

    if (!nats) {
      console.log("outbound e2e: no NATS of the suite's own, so its store directory cannot be inspected");
      return;
    }
    // The store must hold the keystore (else this looks in the wrong place), and no key in plain text.
    const storeDir = nats.storeDir;
    const holding = (needle: string | Buffer) => grepFiles(storeDir, needle);
    await eventually(async () => holding(`entry.${PARTNER_ALIAS}`).length > 0, 5_000);
    expect(holding('PRIVATE KEY')).toEqual([]);
    expect(Object.keys(heldKeys).length).toBe(hasOpenssl ? 2 : 0);
    for (const [what, keyPem] of Object.entries(heldKeys)) {
      plainForms(keyPem).forEach((form, i) => expect({ what, form: i, files: holding(form) }).toEqual({ what, form: i, files: [] }));
    }
  }, 120_000);
});
