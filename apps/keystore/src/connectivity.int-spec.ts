import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import * as https from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { KV } from 'nats';
import { Buckets, KeystoreKv, KeystoreRpc, storedKeystoreEntrySchema, type ConnectivityResult, type StoredKeystoreEntry } from '@certgate/contracts';
import { encodeJson, ensureKv, listenOnNats, RpcClient } from '@certgate/messaging';
import { PlatformModule } from '@certgate/platform';
import { certgateFailure as failure, createTestPki, freePort, startNatsHarness, type NatsHarness, type TestLeaf, type TestPki } from '@certgate/testing';
import { dnEquals, parseCertificate, type Certificate } from '@certgate/x509';
import { keystoreEnvSchema } from './app/keystore-env';
import { KeystoreFeaturesModule } from './app/keystore-features.module';
import { KeyVault } from './app/vault/key-vault';

const MASTER = randomBytes(32).toString('base64url');
const RPC = { timeoutMs: 30_000 };

async function startKeystore(h: NatsHarness): Promise<INestMicroservice> {
  const platform = PlatformModule.forService('keystore', keystoreEnvSchema, {
    ...process.env,
    ...h.env,
    CERTGATE_NODE_ID: 'conn-1',
    CERTGATE_MASTER_KEY: MASTER,
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const moduleRef = await Test.createTestingModule({ imports: [platform, KeystoreFeaturesModule] }).compile();
  moduleRef.useLogger(false);
  return listenOnNats(moduleRef);
}

/** A key pair issued outside (by a partner's CA), written straight into the bucket as the keystore stores one. */
function keyPairEntry(alias: string, chain: Certificate[], keyPem: string): StoredKeystoreEntry {
  const [leaf] = chain;
  const now = new Date().toISOString();
  return storedKeystoreEntrySchema.parse({
    alias,
    kind: 'key-pair',
    owner: 'tenant',
    subjectDN: leaf.subjectDN,
    issuerDN: leaf.issuerDN,
    serialNumber: leaf.serialNumber,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
    fingerprint: leaf.fingerprint,
    chainPem: chain.map((c) => c.pem).join(''),
    encryptedKey: new KeyVault(MASTER).seal(alias, keyPem),
    createdAt: now,
    updatedAt: now,
  });
}

interface Seen {
  fingerprint?: string;
  authorized: boolean;
}

/** A receiver-like HTTPS server on 127.0.0.1 that records the client certificate of each connection. */
async function startServer(leaf: TestLeaf, opts: https.ServerOptions = {}): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = https.createServer({ key: leaf.keyPem, cert: leaf.chainPem, ...opts }, (_req, res) => res.end('ok'));
  server.on('secureConnection', (socket: TLSSocket) => {
    const peer = socket.getPeerCertificate();
    seen.push({ fingerprint: peer?.fingerprint256?.replace(/:/g, '').toLowerCase(), authorized: socket.authorized });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const fingerprints = (r: ConnectivityResult) => r.peerChain.map((c) => c.fingerprint);

describe('connectivity test (real NATS, real TLS servers)', () => {
  let h: NatsHarness;
  let app: INestMicroservice;
  let rpc: RpcClient;
  let kv: KV;
  let serverPki: TestPki;
  let clientPki: TestPki;
  let strangerPki: TestPki;
  let serverLeaf: TestLeaf;
  /** Key pairs in the keystore: one the partner's servers trust, one nobody does. */
  let tenantClient: TestLeaf;
  let stranger: TestLeaf;
  const closers: Array<() => Promise<void>> = [];

  const test = (body: Parameters<RpcClient['request']>[1] & object) => rpc.request(KeystoreRpc.connectivityTls, body as never, RPC);
  const server = async (leaf: TestLeaf, opts: https.ServerOptions = {}) => {
    const s = await startServer(leaf, opts);
    closers.push(s.close);
    return s;
  };

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'keystore-connectivity' });
    app = await startKeystore(h);
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await ensureKv(h.nc, h.tenant, Buckets.keystore);
    [serverPki, clientPki, strangerPki] = await Promise.all([
      createTestPki({ name: 'Receiver' }),
      createTestPki({ name: 'Partner Client' }),
      createTestPki({ name: 'Stranger' }),
    ]);
    serverLeaf = await serverPki.issueServer(['localhost', '127.0.0.1']);
    tenantClient = await clientPki.issueClient('tenant-a');
    stranger = await strangerPki.issueClient('stranger');
    await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 'receiver-root', certificatePem: serverPki.root.certPem }, RPC);
    for (const [alias, leaf] of [
      ['tenant-a', tenantClient],
      ['stranger', stranger],
    ] as const) {
      await kv.put(KeystoreKv.entry(alias), encodeJson(keyPairEntry(alias, leaf.chain, leaf.keyPem)));
    }
  }, 60_000);

  afterAll(async () => {
    for (const close of closers) await close();
    await app?.close();
    await h?.stop();
  });

  it('a server with requestCert: client authentication requested, and the CA it names is the one it trusts', async () => {
    const s = await server(serverLeaf, { requestCert: true, rejectUnauthorized: false, ca: [clientPki.root.certPem] });
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(result.clientAuthentication.requested).toBe(true);
    expect(result.clientAuthentication.acceptedIssuers).toHaveLength(1);
    expect(dnEquals(result.clientAuthentication.acceptedIssuers?.[0] ?? '', clientPki.root.certificate.subjectDN)).toBe(true);
    expect(result.clientAuthentication.presented).toBeUndefined();
    expect(result.protocol).toBe('TLSv1.3');
    expect(result.cipher.name).toMatch(/^TLS_/);
    expect(fingerprints(result).slice(0, 2)).toEqual([serverLeaf.certificate.fingerprint, serverPki.intermediate.certificate.fingerprint]);
    expect(result.validation).toMatchObject({ performed: true, valid: true, chainTrusted: true, hostnameMatches: true });
  });

  it('presenting a keystore key pair: the server sees that certificate and accepts it', async () => {
    const s = await server(serverLeaf, { requestCert: true, rejectUnauthorized: true, ca: [clientPki.root.certPem] });
    const result = await test({ host: '127.0.0.1', port: s.port, keyAlias: 'tenant-a' });
    expect(s.seen).toEqual([{ fingerprint: tenantClient.certificate.fingerprint, authorized: true }]);
    expect(result.clientAuthentication).toEqual({
      requested: true,
      acceptedIssuers: [clientPki.root.certificate.subjectDN],
      presented: { alias: 'tenant-a', subjectDN: tenantClient.certificate.subjectDN, fingerprint: tenantClient.certificate.fingerprint },
    });
    expect(JSON.stringify(result)).not.toContain('PRIVATE KEY');
  });

  it('a key pair made by the keystore itself (generateKeyPair, self-signed) is presented as stored', async () => {
    const generated = await rpc.request(
      KeystoreRpc.generateKeyPair,
      { alias: 'generated', keyType: 'EC', curve: 'P-256', subjectDN: 'CN=generated, O=Tenant' },
      RPC,
    );
    const s = await server(serverLeaf, { requestCert: true, rejectUnauthorized: false, ca: [clientPki.root.certPem] });
    const result = await test({ host: '127.0.0.1', port: s.port, keyAlias: 'generated' });
    expect(s.seen).toEqual([{ fingerprint: generated.fingerprint, authorized: false }]);
    expect(result.clientAuthentication.presented).toEqual({ alias: 'generated', subjectDN: generated.subjectDN, fingerprint: generated.fingerprint });
    expect(result.clientAuthentication.note).toContain("the issuer of the certificate of 'generated'");
  });

  it('a server that refuses the presented certificate: the facts, and a note naming the key pair', async () => {
    const s = await server(serverLeaf, { requestCert: true, rejectUnauthorized: true, ca: [clientPki.root.certPem] });
    const result = await test({ host: '127.0.0.1', port: s.port, keyAlias: 'stranger' });
    expect(result.clientAuthentication.requested).toBe(true);
    expect(result.clientAuthentication.note).toContain("it probably does not accept the client certificate of 'stranger'");
    expect(result.clientAuthentication.note).toContain(
      `the issuer of the certificate of 'stranger' ('${stranger.certificate.issuerDN}') is not among the CAs the server accepts`,
    );
    expect(result.validation.valid).toBe(true);
  });

  it('a server without requestCert: not requested, no CA names; a key pair named anyway is not sent', async () => {
    const s = await server(serverLeaf);
    const plain = await test({ host: '127.0.0.1', port: s.port });
    expect(plain.clientAuthentication).toEqual({ requested: false, acceptedIssuers: [] });
    const named = await test({ host: '127.0.0.1', port: s.port, keyAlias: 'tenant-a' });
    expect(named.clientAuthentication.note).toContain("the server did not ask for a client certificate, so the key pair 'tenant-a' was not sent");
    expect(s.seen.map((x) => x.fingerprint)).toEqual([undefined, undefined]);
  });

  it('an untrusted server: verdict false with the reason, and its chain still returned', async () => {
    const strangerServer = await strangerPki.issueServer(['localhost', '127.0.0.1']);
    const s = await server(strangerServer);
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(fingerprints(result)).toEqual([strangerServer.certificate.fingerprint, strangerPki.intermediate.certificate.fingerprint]);
    expect(result.peerChain[0]).toMatchObject({
      subjectDN: strangerServer.certificate.subjectDN,
      issuerDN: strangerPki.intermediate.certificate.subjectDN,
      serialNumber: strangerServer.certificate.serialNumber,
      notAfter: strangerServer.certificate.notAfter.toISOString(),
      pem: strangerServer.certificate.pem,
    });
    expect(result.validation).toEqual({
      performed: true,
      valid: false,
      chainTrusted: false,
      hostnameMatches: true,
      reason: 'chain_incomplete',
      message: `the server's chain does not lead to a trusted certificate in the keystore (unable to get local issuer certificate); the last certificate the server sent is issued by '${strangerPki.root.certificate.subjectDN}'`,
    });
    const unvalidated = await test({ host: '127.0.0.1', port: s.port, validateServerCertificate: false });
    expect(unvalidated.validation).toEqual({ performed: false, valid: null, chainTrusted: null, hostnameMatches: null });
    expect(fingerprints(unvalidated)).toEqual(fingerprints(result));
  });

  it('a server whose root is a trusted certificate of the keystore: valid', async () => {
    const s = await server(serverLeaf);
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(result.validation).toEqual({ performed: true, valid: true, chainTrusted: true, hostnameMatches: true });
    expect(result.serverName).toBe('127.0.0.1');
  });

  it('a chain OpenSSL trusts but the certificate policy refuses (a CA certificate as the leaf): not valid, with the reason', async () => {
    const poser = await serverPki.issueCa('Server Posing As CA', {
      issuer: serverPki.root,
      ipAddresses: ['127.0.0.1'],
      extendedKeyUsage: ['serverAuth'],
      keyUsage: ['digitalSignature', 'keyCertSign'],
    });
    const s = await server({ ...poser, chainPem: poser.certPem, chain: [poser.certificate] });
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(result.validation).toMatchObject({ performed: true, valid: false, chainTrusted: false, hostnameMatches: true, reason: 'leaf_is_ca' });
    expect(result.validation.message).toMatch(/^OpenSSL trusts the chain, but certgate's certificate policy refuses it/);
  });

  it('the chain as a zip: DER .cer files, leaf first, named after the server tested', async () => {
    const s = await server(serverLeaf);
    const file = await rpc.request(KeystoreRpc.connectivityChainZip, { host: '127.0.0.1', port: s.port } as never, RPC);
    expect(file).toMatchObject({ contentType: 'application/zip', fileName: `127.0.0.1-${s.port}-chain.zip` });
    const files = unzipSync(Buffer.from(file.contentBase64, 'base64'));
    const shown = await test({ host: '127.0.0.1', port: s.port });
    expect(Object.values(files).map((der) => parseCertificate(der).fingerprint)).toEqual(fingerprints(shown));
  });

  it('host-name mismatch: hostnameMatches false with the reason; the right serverName (SNI) matches', async () => {
    const elsewhere = await serverPki.issueServer('receiver.example');
    const s = await server(elsewhere);
    const byIp = await test({ host: '127.0.0.1', port: s.port });
    expect(byIp.validation).toMatchObject({ performed: true, valid: false, chainTrusted: true, hostnameMatches: false, reason: 'hostname_mismatch' });
    expect(byIp.validation.message).toContain("the server's certificate is not valid for the name '127.0.0.1'");
    const byName = await test({ host: '127.0.0.1', port: s.port, serverName: 'receiver.example' });
    expect(byName).toMatchObject({ serverName: 'receiver.example', validation: { valid: true, hostnameMatches: true } });
  });

  it('a TLS 1.3-only server: requested unknown (null) with a note saying why', async () => {
    const s = await server(serverLeaf, { minVersion: 'TLSv1.3' });
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(result.protocol).toBe('TLSv1.3');
    expect(result.clientAuthentication.requested).toBeNull();
    expect(result.clientAuthentication.acceptedIssuers).toBeNull();
    expect(result.clientAuthentication.note).toContain('the server speaks only TLS 1.3 (it answered TLS 1.2 with alert protocol_version)');
  });

  it('a TLS 1.3-only server that requires a certificate: its certificate_required alert says it was requested', async () => {
    const s = await server(serverLeaf, { minVersion: 'TLSv1.3', requestCert: true, rejectUnauthorized: true, ca: [clientPki.root.certPem] });
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(result.clientAuthentication.requested).toBe(true);
    expect(result.clientAuthentication.note).toContain('the server requires a client certificate (TLS alert certificate_required)');
    expect(fingerprints(result)[0]).toBe(serverLeaf.certificate.fingerprint);
  });

  it('a TLS 1.2 server that requires a certificate aborts without one: what it sent, and the alert', async () => {
    const s = await server(serverLeaf, { maxVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: true, ca: [clientPki.root.certPem] });
    const result = await test({ host: '127.0.0.1', port: s.port });
    expect(result.protocol).toBe('TLSv1.2');
    expect(fingerprints(result).slice(0, 2)).toEqual([serverLeaf.certificate.fingerprint, serverPki.intermediate.certificate.fingerprint]);
    expect(result.clientAuthentication).toMatchObject({ requested: true, acceptedIssuers: [clientPki.root.certificate.subjectDN] });
    expect(result.clientAuthentication.note).toContain(`127.0.0.1:${s.port} aborted the TLS handshake with alert handshake_failure (40)`);
    expect(result.validation).toMatchObject({ performed: true, valid: null, chainTrusted: null, hostnameMatches: true, reason: 'handshake_incomplete' });
  });

  it('a TLS 1.2 server that refuses the presented certificate mid-handshake → unreachable naming the key pair', async () => {
    const s = await server(serverLeaf, { maxVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: true, ca: [clientPki.root.certPem] });
    const err = await failure(test({ host: '127.0.0.1', port: s.port, keyAlias: 'stranger' }));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(
      new RegExp(`^127\\.0\\.0\\.1:${s.port} closed the connection during the TLS handshake after the client certificate of 'stranger' was sent`),
    );
  });

  it('a closed port → unreachable, saying nothing listens there', async () => {
    const port = await freePort();
    const err = await failure(test({ host: '127.0.0.1', port }));
    expect(err).toMatchObject({ code: 'unreachable', message: `127.0.0.1:${port} refused the connection (nothing listens there)` });
  });

  it('a host name that does not resolve → unreachable, naming the name', async () => {
    const err = await failure(test({ host: 'no-such-host.invalid', port: 443 }));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/^the host name 'no-such-host\.invalid' cannot be resolved \(E[A-Z_]+\)$/);
  });

  it('a port that does not speak TLS → unreachable, saying so', async () => {
    // Reading (resume) lets the server notice the client's close; a paused socket would stay open.
    const tcp: Server = createTcpServer((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => tcp.close(() => resolve())));
    const port = (tcp.address() as AddressInfo).port;
    const err = await failure(test({ host: '127.0.0.1', port }));
    expect(err.code).toBe('unreachable');
    expect(err.message).toContain(`127.0.0.1:${port} does not speak TLS`);
  });

  it('a key pair whose private key does not fit its certificate → 400 naming it, never the key', async () => {
    const other = await clientPki.issueClient('other');
    await kv.put(KeystoreKv.entry('mismatched'), encodeJson(keyPairEntry('mismatched', tenantClient.chain, other.keyPem)));
    const s = await server(serverLeaf);
    const err = await failure(test({ host: '127.0.0.1', port: s.port, keyAlias: 'mismatched' }));
    expect(err.code).toBe('key_mismatch');
    expect(err.message).toMatch(/^the key pair 'mismatched' cannot be presented over TLS \(.+\): its private key and certificate do not fit together$/);
    expect(err.message).not.toContain('PRIVATE');
  });

  it('keyAlias: a missing alias and a trusted certificate → 400 key_alias_unknown naming the field, each with a clear message', async () => {
    const s = await server(serverLeaf);
    expect(await failure(test({ host: '127.0.0.1', port: s.port, keyAlias: 'nope' }))).toMatchObject({
      code: 'key_alias_unknown',
      message: "keyAlias: no key pair with alias 'nope' in the keystore",
      details: { field: 'keyAlias', alias: 'nope' },
    });
    expect(await failure(test({ host: '127.0.0.1', port: s.port, keyAlias: 'receiver-root' }))).toMatchObject({
      code: 'key_alias_unknown',
      message: "keyAlias: 'receiver-root' is a trusted certificate, not a key pair: it has no private key to present as a client certificate",
      details: { field: 'keyAlias', alias: 'receiver-root' },
    });
    expect(s.seen).toEqual([]);
  });
});
