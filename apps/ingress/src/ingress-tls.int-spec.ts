import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestPki,
  excludingDns,
  freePort,
  issueWeakRsaClient,
  launchServices,
  startNatsHarness,
  startOpensslOcspResponder,
  waitFor,
  type OpensslOcspResponder,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';
import { Buckets, IngressKv, IngressRpc, ingressIssuerKey } from '@certgate/contracts';
import { ensureKv, RpcClient } from '@certgate/messaging';
import { encryptPrivateKeyPem, ocspVerdict } from '@certgate/x509';

/** An RFC 9440 byte sequence: `:<base64>:`. */
const sfBinary = (der: Uint8Array) => `:${Buffer.from(der).toString('base64')}:`;

interface Tls {
  cert?: string;
  key?: string;
}

/** GET /health over a fresh TLS connection; resolves the parsed body or rejects with the TLS error. */
function health(port: number, ca: string, client: Tls = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', agent: false, ca, headers, ...client }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET /health `n` times, each on a new connection that offers the session of the one before; whether each was resumed, and the identity seen. */
async function reconnecting(port: number, ca: string, client: Tls, n: number): Promise<{ reused: boolean; identity: unknown }[]> {
  const agent = new Agent({ keepAlive: false, maxCachedSessions: 10 });
  const seen: { reused: boolean; identity: unknown }[] = [];
  try {
    for (let i = 0; i < n; i++) {
      seen.push(
        await new Promise((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/health', agent, ca, ...client }, (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ reused: (res.socket as TLSSocket).isSessionReused(), identity: JSON.parse(text).clientCertificate }));
          });
          req.on('error', reject);
          req.end();
        }),
      );
    }
  } finally {
    agent.destroy();
  }
  return seen;
}

/** GET /health on a new TLS connection that offers `session`; whether it was resumed, the identity seen, and the session (ticket) it got. */
function resuming(port: number, ca: string, client: Tls, session?: Buffer): Promise<{ reused: boolean; identity: unknown; session?: Buffer }> {
  return new Promise((resolve, reject) => {
    let ticket: Buffer | undefined;
    let text = '';
    const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ca, session, ...client }, () =>
      socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
    );
    socket.on('session', (s: Buffer) => (ticket = s));
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('end', () => {
      const body = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { clientCertificate: unknown };
      resolve({ reused: socket.isSessionReused(), identity: body.clientCertificate, session: ticket });
    });
    socket.on('error', reject);
  });
}

async function startIngress(harness: NatsHarness, dir: string, env: Record<string, string>): Promise<{ system: LaunchedSystem; port: number; ca: string }> {
  const port = await freePort();
  const system = await launchServices({
    services: ['ingress'],
    nc: harness.nc,
    env: {
      ...harness.env,
      INGRESS_PORT: String(port),
      CERTGATE_DATA_DIR: dir,
      CERTGATE_LOG_DIR: join(dir, 'logs'),
      CERTGATE_MASTER_KEY: randomBytes(32).toString('hex'),
      ...env,
    },
  });
  // The dev PKI's root, when the ingress made one (not with INGRESS_SERVER_KEY/_CHAIN).
  const devRoot = join(dir, 'ingress', 'dev-root-ca.pem');
  return { system, port, ca: existsSync(devRoot) ? readFileSync(devRoot, 'utf8') : '' };
}

describe('ingress: client certificates verified during the TLS handshake', () => {
  let harness: NatsHarness;
  let pki: TestPki;
  let other: TestPki;
  let dir: string;

  beforeAll(async () => {
    harness = await startNatsHarness({ label: 'ingress-tls' });
    pki = await createTestPki();
    other = await createTestPki();
    dir = mkdtempSync(join(tmpdir(), 'certgate-ingress-'));
  });

  afterAll(async () => {
    await harness?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('INGRESS_CLIENT_CERT=optional (the default)', () => {
    let ingress: Awaited<ReturnType<typeof startIngress>>;

    beforeAll(async () => {
      // The intermediate in the bundle must be skipped: trusting it would let senders drop it from their chain.
      ingress = await startIngress(harness, join(dir, 'optional'), { INGRESS_CLIENT_ROOTS: pki.root.certPem + pki.intermediate.certPem });
    }, 60_000);

    afterAll(async () => {
      await ingress?.system.stop();
    });

    it('a whole chain (leaf + intermediate) from a trusted root is verified', async () => {
      const alice = await pki.issueClient('alice');
      const res = await health(ingress.port, ingress.ca, { cert: alice.chainPem, key: alice.keyPem });
      expect(res.status).toBe(200);
      expect(res.body.clientCertificate).toEqual({ status: 'verified', subjectDN: alice.certificate.subjectDN, issuerDN: alice.certificate.issuerDN });
    });

    it('a leaf sent without its intermediate is rejected as chain_incomplete, and the request still goes on', async () => {
      const bob = await pki.issueClient('bob');
      const res = await health(ingress.port, ingress.ca, { cert: bob.certPem, key: bob.keyPem });
      expect(res.status).toBe(200);
      expect(res.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'chain_incomplete' });
    });

    it('a sender that resumes its TLS session (a ticket carries the leaf only) is verified as on its first connection; a resumed rejected chain stays rejected', async () => {
      const carol = await pki.issueClient('carol');
      const dave = await pki.issueClient('dave');
      for (const [who, cert, expected] of [
        [carol, carol.chainPem, { status: 'verified', subjectDN: carol.certificate.subjectDN }],
        [dave, dave.certPem, { status: 'rejected', reason: 'chain_incomplete' }],
      ] as const) {
        const seen = await reconnecting(ingress.port, ingress.ca, { cert, key: who.keyPem }, 3);
        expect(seen.map((s) => s.reused)).toEqual([false, true, true]);
        for (const s of seen) expect(s.identity).toMatchObject(expected);
      }
    });

    it('a leaf once admitted is known by its fingerprint only while OpenSSL accepts its chain: sent alone it is refused, sent whole again admitted', async () => {
      const frank = await pki.issueClient('frank');
      const whole = { cert: frank.chainPem, key: frank.keyPem };
      expect((await health(ingress.port, ingress.ca, whole)).body.clientCertificate).toMatchObject({ status: 'verified' });
      expect((await health(ingress.port, ingress.ca, { cert: frank.certPem, key: frank.keyPem })).body.clientCertificate).toMatchObject({
        status: 'rejected',
        reason: 'chain_incomplete',
      });
      expect((await health(ingress.port, ingress.ca, whole)).body.clientCertificate).toMatchObject({ status: 'verified' });
    });

    it('a chain from an untrusted root is rejected', async () => {
      const mallory = await other.issueClient('mallory');
      const res = await health(ingress.port, ingress.ca, { cert: mallory.chainPem, key: mallory.keyPem });
      expect(res.body.clientCertificate).toMatchObject({ status: 'rejected' });
      expect(['chain_incomplete', 'untrusted_root']).toContain((res.body.clientCertificate as { reason: string }).reason);
    });

    describe('chains OpenSSL alone would accept, refused by the certificate policy after the handshake', () => {
      it('an RSA-1024 leaf: weak_key', async () => {
        const weak = await issueWeakRsaClient(pki);
        const res = await health(ingress.port, ingress.ca, { cert: weak.chainPem, key: weak.keyPem });
        expect(res.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'weak_key', subjectDN: weak.certificate.subjectDN });
      });

      it('an end-entity certificate with keyCertSign: leaf_is_ca', async () => {
        const poser = await pki.issueCa('Client Posing As CA', {
          issuer: pki.root,
          extendedKeyUsage: ['clientAuth'],
          keyUsage: ['digitalSignature', 'keyCertSign'],
        });
        const res = await health(ingress.port, ingress.ca, { cert: poser.certPem, key: poser.keyPem });
        expect(res.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'leaf_is_ca' });
        expect((res.body.clientCertificate as { message: string }).message).toContain('is presented as the end-entity certificate but is a CA certificate');
      });

      it('a leaf outside a non-critical name constraint of its CA: name_constraints naming the excluded name', async () => {
        const constrained = await pki.issueCa('Constrained CA', {
          issuer: pki.root,
          extraExtensions: [{ oid: '2.5.29.30', critical: false, value: excludingDns('evil.example') }],
        });
        const leaf = await pki.issueClient('client.evil.example', { issuer: constrained, dnsNames: ['client.evil.example'] });
        const res = await health(ingress.port, ingress.ca, { cert: leaf.chainPem, key: leaf.keyPem });
        expect(res.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'name_constraints' });
        expect((res.body.clientCertificate as { message: string }).message).toContain('evil.example');
      });
    });

    it('a chain whose root the sender sent but the ingress does not trust: untrusted_root, naming that root', async () => {
      const mallory = await other.issueClient('mallory');
      const res = await health(ingress.port, ingress.ca, { cert: mallory.chainPem + other.root.certPem, key: mallory.keyPem });
      expect(res.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'untrusted_root' });
      expect((res.body.clientCertificate as { message: string }).message).toContain(other.root.certificate.subjectDN);
    });

    it('an issuer that is not a CA: not_a_ca naming it, not "extended key usage"', async () => {
      const notCa = await pki.issueCa('Not A CA', { issuer: pki.root, ca: false });
      const leaf = await pki.issueClient('under-not-a-ca', { issuer: notCa });
      const res = await health(ingress.port, ingress.ca, { cert: leaf.chainPem, key: leaf.keyPem });
      expect(res.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'not_a_ca' });
      expect((res.body.clientCertificate as { message: string }).message).toContain('Not A CA');
    });

    it('RFC 9440 Client-Cert from a connection that is no trusted proxy is ignored (none configured)', async () => {
      const alice = await pki.issueClient('alice-forged');
      const res = await health(ingress.port, ingress.ca, {}, { 'Client-Cert': sfBinary(alice.certificate.der) });
      expect(res.body.clientCertificate).toEqual({ status: 'none' });
    });

    it('no certificate means no identity', async () => {
      const res = await health(ingress.port, ingress.ca);
      expect(res.body.clientCertificate).toEqual({ status: 'none' });
    });

    it('an intermediate in INGRESS_CLIENT_ROOTS is skipped with a warning naming it', () => {
      const warning = ingress.system
        .logsOf('ingress')
        .filter((l) => l.includes('skipped a certificate of INGRESS_CLIENT_ROOTS'))
        .map((l) => JSON.parse(l));
      expect(warning).toHaveLength(1);
      expect(warning[0]).toMatchObject({ level: 'warn', subjectDN: pki.intermediate.certificate.subjectDN, reason: 'invalid_anchor' });
    });

    it('the dev server key is encrypted at rest', async () => {
      const keyFile = readFileSync(join(dir, 'optional', 'ingress', 'server.key.enc.pem'), 'utf8');
      expect(keyFile).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      expect(keyFile).not.toContain('BEGIN PRIVATE KEY');
    });
  });

  describe('trusted proxy mode: INGRESS_TRUSTED_PROXIES and INGRESS_TRUSTED_PROXY_CERTS', () => {
    let ingress: Awaited<ReturnType<typeof startIngress>>;
    let proxy: TestLeaf;

    beforeAll(async () => {
      proxy = await pki.issueClient('tls-proxy');
      ingress = await startIngress(harness, join(dir, 'proxy'), {
        INGRESS_CLIENT_ROOTS: pki.root.certPem,
        INGRESS_TRUSTED_PROXIES: '127.0.0.1/32, ::1',
        INGRESS_TRUSTED_PROXY_CERTS: proxy.certificate.fingerprint.replace(/(..)(?!$)/g, '$1:').toUpperCase(),
        INGRESS_TRUSTED_PROXY_XFCC: 'true',
      });
    }, 60_000);

    afterAll(async () => {
      await ingress?.system.stop();
    });

    const asProxy = () => ({ cert: proxy.chainPem, key: proxy.keyPem });
    const forwarded = (leaf: TestLeaf) => ({
      'Client-Cert': sfBinary(leaf.certificate.der),
      'Client-Cert-Chain': leaf.chain
        .slice(1)
        .map((c) => sfBinary(c.der))
        .join(', '),
    });

    it('the proxy forwards a client: the client is verified, not the proxy', async () => {
      const alice = await pki.issueClient('alice-behind-proxy');
      const res = await health(ingress.port, ingress.ca, asProxy(), forwarded(alice));
      expect(res.body.clientCertificate).toEqual({ status: 'verified', subjectDN: alice.certificate.subjectDN, issuerDN: alice.certificate.issuerDN });
    });

    it("the proxy forwards no client certificate: no identity (never the proxy's own)", async () => {
      const res = await health(ingress.port, ingress.ca, asProxy());
      expect(res.body.clientCertificate).toEqual({ status: 'none' });
    });

    it('a forwarded chain is verified like a handshake chain: a leaf without its intermediate, or from another root, is rejected', async () => {
      const bob = await pki.issueClient('bob-behind-proxy');
      const alone = await health(ingress.port, ingress.ca, asProxy(), { 'Client-Cert': sfBinary(bob.certificate.der) });
      expect(alone.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'chain_incomplete' });
      const mallory = await other.issueClient('mallory-behind-proxy');
      const foreign = await health(ingress.port, ingress.ca, asProxy(), forwarded(mallory));
      expect(foreign.body.clientCertificate).toMatchObject({ status: 'rejected', reason: 'chain_incomplete' });
    });

    it("from the proxy's address without the pinned proxy certificate, Client-Cert is ignored: the connection's own identity counts", async () => {
      const alice = await pki.issueClient('alice-direct');
      const carol = await pki.issueClient('carol-claimed');
      const anonymous = await health(ingress.port, ingress.ca, {}, forwarded(carol));
      expect(anonymous.body.clientCertificate).toEqual({ status: 'none' });
      const direct = await health(ingress.port, ingress.ca, { cert: alice.chainPem, key: alice.keyPem }, forwarded(carol));
      expect(direct.body.clientCertificate).toMatchObject({ status: 'verified', subjectDN: alice.certificate.subjectDN });
    });

    it("with INGRESS_TRUSTED_PROXY_XFCC, Envoy's x-forwarded-client-cert works too; RFC 9440 wins when both come", async () => {
      const dave = await pki.issueClient('dave-behind-envoy');
      const xfcc = `By=spiffe://edge;Hash=00;Chain="${encodeURIComponent(dave.chainPem)}";Subject="/CN=dave-behind-envoy"`;
      const viaEnvoy = await health(ingress.port, ingress.ca, asProxy(), { 'x-forwarded-client-cert': xfcc });
      expect(viaEnvoy.body.clientCertificate).toMatchObject({ status: 'verified', subjectDN: dave.certificate.subjectDN });
      const erin = await pki.issueClient('erin-behind-proxy');
      const both = await health(ingress.port, ingress.ca, asProxy(), { ...forwarded(erin), 'x-forwarded-client-cert': xfcc });
      expect(both.body.clientCertificate).toMatchObject({ status: 'verified', subjectDN: erin.certificate.subjectDN });
    });

    it('a malformed Client-Cert from the proxy is answered 400 naming the header', async () => {
      const res = await health(ingress.port, ingress.ca, asProxy(), { 'Client-Cert': 'MIIB-not-a-byte-sequence' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_request' });
      expect(String(res.body.error_description)).toMatch(/Client-Cert is not an RFC 9440 byte sequence/);
    });
  });

  describe('the server certificate replaced by replacing its files, without a restart', () => {
    let ingress: Awaited<ReturnType<typeof startIngress>>;
    let files: { key: string; chain: string };

    beforeAll(async () => {
      const first = await pki.issueServer(['127.0.0.1', 'localhost']);
      const base = join(dir, 'server-files');
      mkdirSync(base, { recursive: true });
      files = { key: join(base, 'server.key'), chain: join(base, 'server-chain.pem') };
      writeFileSync(files.key, first.keyPem, { mode: 0o600 });
      writeFileSync(files.chain, first.chainPem);
      ingress = await startIngress(harness, join(dir, 'server-files-ingress'), {
        INGRESS_CLIENT_ROOTS: pki.root.certPem,
        INGRESS_SERVER_KEY: files.key,
        INGRESS_SERVER_CHAIN: files.chain,
        INGRESS_SERVER_FILES_CHECK_MS: '100',
      });
    }, 60_000);

    afterAll(async () => {
      await ingress?.system.stop();
    });

    /** The fingerprint of the certificate a new handshake gets. */
    const served = () =>
      new Promise<string>((resolve, reject) => {
        const socket = tlsConnect({ host: '127.0.0.1', port: ingress.port, ca: pki.root.certPem, servername: 'localhost' }, () => {
          resolve(socket.getPeerX509Certificate()?.fingerprint256.replace(/:/g, '').toLowerCase() ?? '');
          socket.end();
        });
        socket.on('error', reject);
      });

    it('new connections get the new chain within moments; a keep-alive connection opened before keeps working', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: pki.root.certPem });
      const viaAgent = () =>
        new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: ingress.port, path: '/health', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          });
          req.on('error', reject);
          req.end();
        });
      expect(await viaAgent()).toMatchObject({ status: 200 });
      const before = await served();

      const second = await pki.issueServer(['127.0.0.1', 'localhost']);
      writeFileSync(files.key, second.keyPem, { mode: 0o600 });
      writeFileSync(files.chain, second.chainPem);
      const started = Date.now();
      while ((await served()) !== second.certificate.fingerprint) {
        if (Date.now() - started > 10_000) throw new Error('the new server certificate was not served within 10 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(before).not.toBe(second.certificate.fingerprint);
      // The same connection, still on the old certificate's session, goes on.
      expect(await viaAgent()).toEqual({ status: 200, reused: true });
      agent.destroy();
    });

    it('a key that does not match the new certificate is refused: the chain in force stays, the log says why', async () => {
      const current = await served();
      const third = await pki.issueServer(['127.0.0.1', 'localhost']);
      const unrelated = await pki.issueServer(['127.0.0.1']);
      writeFileSync(files.chain, third.chainPem);
      writeFileSync(files.key, unrelated.keyPem, { mode: 0o600 });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await served()).toBe(current);
      const refusal = ingress.system.logsOf('ingress').find((l) => l.includes('the replaced server key or chain files cannot be used'));
      expect(refusal).toBeDefined();
      expect(refusal).not.toContain('PRIVATE KEY');
    });
  });

  describe('session tickets shared by the replicas (one CERTGATE_MASTER_KEY)', () => {
    let replicas: Awaited<ReturnType<typeof startIngress>>[] = [];

    beforeAll(async () => {
      // One server certificate for all, as behind a load balancer; a root-only store, so a leaf's issuing CA comes from its chain.
      const server = await pki.issueServer(['localhost', '127.0.0.1']);
      const shared = { INGRESS_SERVER_KEY: server.keyPem, INGRESS_SERVER_CHAIN: server.chainPem, INGRESS_CLIENT_ROOTS: pki.root.certPem };
      const masterKey = randomBytes(32).toString('hex');
      for (const [name, key] of [
        ['tickets-a', masterKey],
        ['tickets-b', masterKey],
        ['tickets-c', randomBytes(32).toString('hex')],
      ]) {
        replicas.push(await startIngress(harness, join(dir, name), { ...shared, CERTGATE_MASTER_KEY: key }));
      }
    }, 90_000);

    afterAll(async () => {
      for (const r of replicas) await r.system.stop();
      replicas = [];
    });

    it('a session of one replica resumes on another, which rebuilds the chain from the issuing CA the first admitted; another master key means a full handshake', async () => {
      const [a, b, c] = replicas;
      const grace = await pki.issueClient('grace');
      const client = { cert: grace.chainPem, key: grace.keyPem };
      const verified = { status: 'verified', subjectDN: grace.certificate.subjectDN };
      const first = await resuming(a.port, pki.root.certPem, client);
      expect(first).toMatchObject({ reused: false, identity: verified });
      expect(first.session).toBeDefined();
      expect(await resuming(b.port, pki.root.certPem, client, first.session)).toMatchObject({ reused: true, identity: verified });
      expect(await resuming(c.port, pki.root.certPem, client, first.session)).toMatchObject({ reused: false, identity: verified });
      expect(a.system.logsOf('ingress').join('\n')).toContain('shared by every replica (CERTGATE_MASTER_KEY)');
      // The replica that resumed it counts it so: what an operator watches for the share of resumptions.
      const opsLine = b.system.services[0].lines.find((l) => l.includes('ops endpoint listening'));
      const metrics = await (await fetch(`http://127.0.0.1:${(JSON.parse(opsLine ?? '{}') as { port: number }).port}/metrics`)).text();
      expect(Number(/^certgate_ingress_tls_handshakes_total\{[^}]*session="resumed"[^}]*\} (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    });

    it('a change of the trusted roots replaces the key on every replica: a session from before resumes on none', async () => {
      const [a, b] = replicas;
      const ivy = await pki.issueClient('ivy');
      const client = { cert: ivy.chainPem, key: ivy.keyPem };
      const before = await resuming(a.port, pki.root.certPem, client);
      expect(await resuming(b.port, pki.root.certPem, client, before.session)).toMatchObject({ reused: true });
      const rpc = new RpcClient(harness.nc, harness.tenant);
      const { added } = await rpc.request(IngressRpc.addTrustedRoots, { certificates: other.root.certPem });
      try {
        const stranger = await other.issueClient('stranger');
        const trusts = async (port: number) =>
          ((await health(port, pki.root.certPem, { cert: stranger.chainPem, key: stranger.keyPem })).body.clientCertificate as { status: string }).status ===
          'verified';
        await waitFor('both replicas trust the added root', async () => (await trusts(a.port)) && (await trusts(b.port)), 5_000);
        for (const r of [a, b]) {
          expect(await resuming(r.port, pki.root.certPem, client, before.session)).toMatchObject({ reused: false, identity: { status: 'verified' } });
        }
      } finally {
        for (const sha256 of added) await rpc.request(IngressRpc.removeTrustedRoot, { sha256 });
      }
    });

    it('a chain one replica refused stays refused where the session resumes, though the issuing CA is known there', async () => {
      const [a, b] = replicas;
      const henry = await pki.issueClient('henry');
      // The leaf alone: OpenSSL cannot link it to the root, and its verdict travels in the session.
      const client = { cert: henry.certPem, key: henry.keyPem };
      const first = await resuming(a.port, pki.root.certPem, client);
      expect(first.identity).toMatchObject({ status: 'rejected', reason: 'chain_incomplete' });
      const resumed = await resuming(b.port, pki.root.certPem, client, first.session);
      expect(resumed.reused).toBe(true);
      expect(resumed.identity).toMatchObject({ status: 'rejected' });
    });

    it('an issuing CA that has expired leaves the shared pool: the replicas delete it from the bucket, and keep one in force', async () => {
      const kv = await ensureKv(harness.nc, harness.tenant, Buckets.ingress);
      const day = 86_400_000;
      const expired = await pki.issueCa('Pool CA expired yesterday', { notBefore: new Date(Date.now() - 800 * day), notAfter: new Date(Date.now() - day) });
      const inForce = await pki.issueCa('Pool CA in force');
      const keyOf = (ca: typeof expired) => ingressIssuerKey(ca.certificate.subjectDN, ca.certificate.fingerprint);
      // As a replica stores them (IssuerPool.remember); the expired one as if it had expired since.
      for (const ca of [expired, inForce]) await kv.put(keyOf(ca), JSON.stringify({ pem: ca.certPem, storedAt: new Date().toISOString() }));
      try {
        await waitFor('a replica deletes the expired CA', async () => (await kv.get(keyOf(expired)))?.operation === 'DEL', 5_000);
        expect((await kv.get(keyOf(inForce)))?.operation).toBe('PUT');
      } finally {
        await kv.purge(keyOf(expired));
        await kv.purge(keyOf(inForce));
      }
    });
  });

  describe('the server certificate replaced through the API, on every replica (PUT/DELETE /ingress/server-chain)', () => {
    const masterKey = randomBytes(32).toString('hex');
    let replicas: Awaited<ReturnType<typeof startIngress>>[] = [];
    let rpc: RpcClient;

    beforeAll(async () => {
      rpc = new RpcClient(harness.nc, harness.tenant);
      // One master key for both: a replica opens the key the other stored.
      for (const name of ['api-chain-a', 'api-chain-b']) replicas.push(await startIngress(harness, join(dir, name), { CERTGATE_MASTER_KEY: masterKey }));
    }, 90_000);

    afterAll(async () => {
      await rpc.request(IngressRpc.resetServerChain, {}).catch(() => undefined);
      for (const r of replicas) await r.system.stop();
      replicas = [];
    });

    /** The fingerprint of the certificate a new handshake with `port` gets (no verification: the test compares fingerprints). */
    const servedBy = (port: number) =>
      new Promise<string>((resolve, reject) => {
        const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()?.fingerprint256.replace(/:/g, '').toLowerCase() ?? '');
          socket.end();
        });
        socket.on('error', reject);
      });
    const refusal = (err: unknown) => ({ code: (err as { code?: string }).code, message: (err as Error).message });

    it('an uploaded key and chain (key encrypted with a passphrase) is served by both replicas at once; reset brings the dev certificates back', async () => {
      const devBefore = await Promise.all(replicas.map((r) => servedBy(r.port)));
      const uploaded = await pki.issueServer(['127.0.0.1', 'localhost']);
      const view = await rpc.request(IngressRpc.putServerChain, {
        certificates: uploaded.chainPem,
        privateKey: encryptPrivateKeyPem(uploaded.keyPem, 'a passphrase of sixteen+'),
        passphrase: 'a passphrase of sixteen+',
      });
      expect(view).toMatchObject({ source: 'api', fingerprint: uploaded.certificate.fingerprint, chainLength: 2 });
      // The answering replica has it in force; the other one got it through its KV watch.
      await waitFor(
        'both replicas serve the uploaded certificate',
        async () => (await Promise.all(replicas.map((r) => servedBy(r.port)))).every((f) => f === uploaded.certificate.fingerprint),
        2_000,
      );
      // Stored encrypted: the KV value holds no plain key.
      const kv = await ensureKv(harness.nc, harness.tenant, Buckets.ingress);
      const stored = (await kv.get(IngressKv.serverIdentity))?.string() ?? '';
      expect(stored).toContain('ENCRYPTED PRIVATE KEY');
      expect(stored).not.toContain('BEGIN PRIVATE KEY');

      expect(await rpc.request(IngressRpc.resetServerChain, {})).toMatchObject({ source: 'dev' });
      await waitFor(
        'both replicas serve their dev certificates again',
        async () => (await Promise.all(replicas.map((r) => servedBy(r.port)))).join() === devBefore.join(),
        2_000,
      );
    });

    it('refused before any replica sees it: a key of another certificate, a CA certificate first, an expired certificate', async () => {
      const served = await servedBy(replicas[0].port);
      const a = await pki.issueServer(['127.0.0.1']);
      const b = await pki.issueServer(['127.0.0.1']);
      const expired = await pki.issueServer(['127.0.0.1'], { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
      const put = (certificates: string, privateKey: string) =>
        rpc.request(IngressRpc.putServerChain, { certificates, privateKey }).then(() => ({ code: 'accepted', message: '' }), refusal);
      expect(await put(a.chainPem, b.keyPem)).toMatchObject({ code: 'key_mismatch' });
      expect(await put(pki.intermediate.certPem + a.certPem, a.keyPem)).toMatchObject({ code: 'leaf_is_ca' });
      expect(await put(expired.chainPem, expired.keyPem)).toMatchObject({ code: 'certificate_expired' });
      const garbled = await put(a.chainPem, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
      expect(garbled).toMatchObject({ code: 'validation_failed' });
      expect(garbled.message).not.toContain('not a key');
      expect(await servedBy(replicas[0].port)).toBe(served);
    });
  });

  describe('custom domains: trusted roots and client-certificate mode per host name (SNI)', () => {
    let ingress: Awaited<ReturnType<typeof startIngress>>;
    let rpc: RpcClient;

    beforeAll(async () => {
      rpc = new RpcClient(harness.nc, harness.tenant);
      ingress = await startIngress(harness, join(dir, 'hosts'), {
        INGRESS_CLIENT_ROOTS: pki.root.certPem + other.root.certPem,
        INGRESS_HOSTNAMES: 'partners.test,open.test,a.fleet.test',
      });
    }, 60_000);

    afterAll(async () => {
      for (const { hostName } of (await rpc.request(IngressRpc.listHosts, {})).hosts) await rpc.request(IngressRpc.removeHost, { hostName });
      await ingress?.system.stop();
    });

    /** GET /health on a fresh connection to `servername`; the parsed body, or the error when the connection was cut. */
    const healthAt = (servername: string, client: Tls = {}) =>
      new Promise<{ status: number; body: Record<string, unknown> } | Error>((resolve) => {
        const req = request({ host: '127.0.0.1', port: ingress.port, path: '/health', agent: false, ca: ingress.ca, servername, ...client }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        });
        req.on('error', resolve);
        req.end();
      });
    // Not `instanceof Error`: Node's socket errors come from another realm than Jest's.
    const statusOf = (r: { body: Record<string, unknown> } | Error) => ('body' in r ? (r.body.clientCertificate as { status: string }).status : 'cut');

    it("a host name limited to one root: that root's senders pass, another trusted root's are refused there and still pass elsewhere", async () => {
      const partner = await pki.issueClient('partner');
      const stranger = await other.issueClient('stranger');
      await rpc.request(IngressRpc.putHost, { hostName: 'partners.test', settings: { roots: [pki.root.certificate.fingerprint] } });
      expect(statusOf(await healthAt('partners.test', { cert: partner.chainPem, key: partner.keyPem }))).toBe('verified');
      const refused = await healthAt('partners.test', { cert: stranger.chainPem, key: stranger.keyPem });
      expect(refused).toMatchObject({ body: { clientCertificate: { status: 'rejected' } } });
      expect(statusOf(await healthAt('open.test', { cert: stranger.chainPem, key: stranger.keyPem }))).toBe('verified');
    });

    it('a host name that requires a certificate cuts connections without a verified one; the others go on without identity', async () => {
      const stranger = await other.issueClient('stranger-2');
      await rpc.request(IngressRpc.putHost, { hostName: 'partners.test', settings: { clientCert: 'required', roots: [pki.root.certificate.fingerprint] } });
      expect(statusOf(await healthAt('partners.test'))).toBe('cut');
      expect(statusOf(await healthAt('partners.test', { cert: stranger.chainPem, key: stranger.keyPem }))).toBe('cut');
      expect(statusOf(await healthAt('open.test'))).toBe('none');
    });

    it('a wildcard covers one label below; removing the settings restores the defaults', async () => {
      await rpc.request(IngressRpc.putHost, { hostName: '*.FLEET.test', settings: { clientCert: 'required' } });
      expect((await rpc.request(IngressRpc.listHosts, {})).hosts.map((h) => h.hostName)).toContain('*.fleet.test');
      expect(statusOf(await healthAt('a.fleet.test'))).toBe('cut');
      await rpc.request(IngressRpc.removeHost, { hostName: '*.fleet.test' });
      expect(statusOf(await healthAt('a.fleet.test'))).toBe('none');
      await expect(rpc.request(IngressRpc.removeHost, { hostName: '*.fleet.test' })).rejects.toMatchObject({ code: 'host_not_found' });
      await expect(rpc.request(IngressRpc.putHost, { hostName: 'bad host!', settings: {} })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(rpc.request(IngressRpc.putHost, { hostName: 'open.test', settings: { roots: ['ab'.repeat(32)] } })).rejects.toMatchObject({
        code: 'validation_failed',
        message: expect.stringContaining('is not a trusted root'),
      });
    });
  });

  describe('OCSP stapling of the server certificate, when its issuer offers a responder (openssl ocsp on loopback)', () => {
    let ingress: Awaited<ReturnType<typeof startIngress>>;
    let responder: OpensslOcspResponder;
    let server: TestLeaf;

    beforeAll(async () => {
      responder = await startOpensslOcspResponder(pki.intermediate, []);
      server = await pki.issueServer(['127.0.0.1', 'localhost'], { ocspUrls: [responder.url] });
      await responder.setEntries([{ certificate: server.certificate, status: 'good' }]);
      ingress = await startIngress(harness, join(dir, 'stapling'), { INGRESS_SERVER_KEY: server.keyPem, INGRESS_SERVER_CHAIN: server.chainPem });
    }, 60_000);

    afterAll(async () => {
      await ingress?.system.stop();
      await responder?.stop();
    });

    /** The OCSP response stapled to a new handshake that asks for one (status_request), or null. */
    const stapled = () =>
      new Promise<Buffer | null>((resolve, reject) => {
        let response: Buffer | null = null;
        // Node takes requestOCSP in tls.connect; its types list it only for TLSSocket.
        const options: ConnectionOptions & { requestOCSP: boolean } = {
          host: '127.0.0.1',
          port: ingress.port,
          ca: pki.root.certPem,
          servername: 'localhost',
          requestOCSP: true,
        };
        const socket = tlsConnect(options, () => {
          socket.end();
          resolve(response);
        });
        socket.on('OCSPResponse', (r: Buffer) => (response = r));
        socket.on('error', reject);
      });

    it('a client that asks gets a good OCSP answer for the server certificate, signed by its issuer', async () => {
      let response: Buffer | null = null;
      await waitFor('a stapled OCSP response', async () => (response = await stapled()) !== null, 5_000);
      expect(ocspVerdict(new Uint8Array(response as unknown as Buffer), server.certificate, pki.intermediate.certificate)).toMatchObject({ status: 'good' });
    });
  });

  describe('INGRESS_CLIENT_CERT=required', () => {
    let ingress: Awaited<ReturnType<typeof startIngress>>;

    beforeAll(async () => {
      ingress = await startIngress(harness, join(dir, 'required'), {
        INGRESS_CLIENT_ROOTS: pki.root.certPem,
        INGRESS_CLIENT_CERT: 'required',
        INGRESS_TLS_SESSION_TIMEOUT_SECONDS: '0',
      });
    }, 60_000);

    afterAll(async () => {
      await ingress?.system.stop();
    });

    it('refuses the handshake without a certificate', async () => {
      await expect(health(ingress.port, ingress.ca)).rejects.toThrow();
    });

    it('refuses the handshake for a leaf without its intermediate', async () => {
      const carol = await pki.issueClient('carol');
      await expect(health(ingress.port, ingress.ca, { cert: carol.certPem, key: carol.keyPem })).rejects.toThrow();
    });

    it('cuts the connection of a chain OpenSSL accepts and the certificate policy refuses (a CA certificate as the leaf)', async () => {
      const poser = await pki.issueCa('Required Poser', { issuer: pki.root, extendedKeyUsage: ['clientAuth'], keyUsage: ['digitalSignature', 'keyCertSign'] });
      await expect(health(ingress.port, ingress.ca, { cert: poser.certPem, key: poser.keyPem })).rejects.toThrow(/socket hang up|ECONNRESET/);
    });

    it('lets a whole chain in', async () => {
      const dave = await pki.issueClient('dave');
      const res = await health(ingress.port, ingress.ca, { cert: dave.chainPem, key: dave.keyPem });
      expect(res.body.clientCertificate).toMatchObject({ status: 'verified' });
    });

    it('with INGRESS_TLS_SESSION_TIMEOUT_SECONDS=0 no session is resumed: every connection makes a full handshake', async () => {
      const erin = await pki.issueClient('erin');
      const seen = await reconnecting(ingress.port, ingress.ca, { cert: erin.chainPem, key: erin.keyPem }, 3);
      expect(seen).toEqual(Array(3).fill({ reused: false, identity: expect.objectContaining({ status: 'verified' }) }));
    });
  });
});
