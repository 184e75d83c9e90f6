import { randomBytes, randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { Subscription } from 'nats';
import {
  FlowsRpc,
  KeystoreRpc,
  RuntimeRpc,
  tenantSubject,
  type FlowDefinition,
  type InvokeResponse,
  type KeyMaterialRequest,
  type MplRecord,
} from '@certgate/contracts';
import { RpcClient, decodeJson, readStreamTail } from '@certgate/messaging';
import {
  createTestPki,
  freePort,
  launchServices,
  startNatsHarness,
  type LaunchedSystem,
  type NatsHarness,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';
import { parseCertificates, writePkcs12 } from '@certgate/x509';
import { FlowCache } from './app/state/flow-cache';
import { KeystoreEntries } from './app/state/keystore-entries';
import { KvFixtures } from './test-support/kv-fixtures';
import { startRuntimeReplica } from './test-support/runtime-replica';
import { startTestReceiver, type SeenRequest, type TestReceiver } from './test-support/test-receiver';

const SYSTEM_ALIAS = 'it_receiver_system';
const RECEIVER_ROOT = 'receiver-root';
const TIMEOUT_MS = 4_000;
const MAX_BODY = 2_048;
const SECRET = 'receiver-spec-client-secret-0123456789';

/** Polls until `accept` holds (propagation through KV watches); returns the last value for the caller to assert on. */
async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

const text = (res: InvokeResponse) => res.body.toString('utf8');
const errorOf = (res: InvokeResponse) => (JSON.parse(text(res)) as { error: string; error_description: string }).error_description;

describe('flow-runtime: receiver calls over mutual TLS (real NATS, real keystore, real https receivers)', () => {
  let h: NatsHarness;
  let rpc: RpcClient;
  let kv: KvFixtures;
  let keystore: LaunchedSystem;
  let runtime: INestMicroservice;
  let clientid: string;
  /** The tenant's CA (issues its client certificates) and the receivers' CA (issues their server certificates). */
  let tenantPki: TestPki;
  let receiverPki: TestPki;
  let tenantA: TestLeaf;
  let systemChainPem: string;
  const receivers: Record<string, TestReceiver> = {};
  let closedPort: number;
  /** Every key-material request on the wire (a plain subscription sees them beside the keystore's queue group). */
  const keyRequests: KeyMaterialRequest[] = [];
  let keyRequestTap: Subscription;

  function invoke(
    address: string,
    opts: { body?: string; headers?: Record<string, string>; method?: string } = {},
  ): Promise<{ res: InvokeResponse; requestId: string }> {
    const requestId = randomUUID();
    return rpc
      .request(
        RuntimeRpc.invoke,
        {
          requestId,
          nodeId: 'ingress-test',
          method: opts.method ?? 'POST',
          address,
          headers: { authorization: `Basic ${Buffer.from(`${clientid}:${SECRET}`).toString('base64')}`, cookie: 'session=sender', ...opts.headers },
          body: Buffer.from(opts.body ?? '', 'utf8'),
          clientAddress: '127.0.0.1',
          tls: { status: 'none' },
        },
        { timeoutMs: 15_000 },
      )
      .then((res) => ({ res, requestId }));
  }

  async function mplRecord(requestId: string): Promise<MplRecord | undefined> {
    const records = await eventually(
      () => readStreamTail<MplRecord>(h.nc, h.tenant, 'MPL', 1, (r) => r.messageId === requestId),
      (r) => r.length > 0,
    );
    return records[0];
  }

  /** The sender gets 502 receiver_failed with `reason`, and the MPL record of the message carries it. */
  async function expectFailure(address: string, reason: string | RegExp): Promise<void> {
    const { res, requestId } = await invoke(address, { body: 'payload' });
    expect(res.status).toBe(502);
    expect(JSON.parse(text(res)).error).toBe('receiver_failed');
    if (typeof reason === 'string') expect(errorOf(res)).toBe(reason);
    else expect(errorOf(res)).toMatch(reason);
    expect(await mplRecord(requestId)).toMatchObject({ status: 502, outcome: 'failed', error: errorOf(res), principal: clientid });
  }

  async function deploy(definition: FlowDefinition): Promise<void> {
    await rpc.request(FlowsRpc.put, { id: definition.id, definition });
    const flows = runtime.get(FlowCache);
    await eventually(
      () => flows.byAddress(definition.sender.address)?.flow.definition.id,
      (id) => id === definition.id,
    );
  }

  const flow = (id: string, url: string, authentication: NonNullable<FlowDefinition['receiver']>['authentication']): FlowDefinition => ({
    id,
    sender: { address: `/${id}`, authorization: { type: 'role', role: 'Role1' } },
    steps: [{ type: 'set-header', name: 'X-Order', value: 'order of ${principal}' }],
    receiver: { url, authentication },
  });

  async function importKeyPair(alias: string, leaf: TestLeaf): Promise<void> {
    const password = randomBytes(9).toString('base64url');
    const p12 = await writePkcs12({ privateKey: leaf.privateKey, certificates: leaf.chain, password });
    await rpc.request(KeystoreRpc.importPkcs12, { alias, password, pkcs12Base64: Buffer.from(p12).toString('base64') });
  }

  /** The runtime's watch of the keystore bucket has applied the entry's current state. */
  async function runtimeSees(alias: string, present: boolean): Promise<void> {
    const entries = runtime.get(KeystoreEntries);
    await eventually(
      () => entries.entry(alias) !== undefined,
      (seen) => seen === present,
    );
  }

  const lastSeen = (name: string): SeenRequest | undefined => receivers[name].seen.at(-1);

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'runtime-receiver' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await KvFixtures.open(h.nc, h.tenant);
    keyRequestTap = h.nc.subscribe(tenantSubject(h.tenant, KeystoreRpc.keyMaterial.subject), {
      callback: (_err, msg) => keyRequests.push(decodeJson(msg.data) as KeyMaterialRequest),
    });
    [tenantPki, receiverPki] = await Promise.all([createTestPki({ name: 'Tenant Client CA' }), createTestPki({ name: 'Receiver CA' })]);
    const strangerPki = await createTestPki({ name: 'Stranger CA' });

    keystore = await launchServices({
      services: ['keystore'],
      env: { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), CERTGATE_SYSTEM_KEY_ALIAS: SYSTEM_ALIAS, LOG_LEVEL: 'info' },
      nc: h.nc,
      readyTimeoutMs: 60_000,
    });
    systemChainPem = (await rpc.request(KeystoreRpc.getEntry, { alias: SYSTEM_ALIAS })).chainPem;

    tenantA = await tenantPki.issueClient('tenant-a');
    await importKeyPair('tenant-a', tenantA);
    await importKeyPair('tenant-b', await tenantPki.issueClient('tenant-b'));
    await importKeyPair('nope', await tenantPki.issueClient('nope'));
    await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: RECEIVER_ROOT, certificatePem: receiverPki.root.certPem });

    const server = (names: string | string[], opts: Parameters<TestPki['issueServer']>[1] = {}) => receiverPki.issueServer(names, opts);
    const [main, mismatch, expired, untrusted] = await Promise.all([
      server('127.0.0.1'),
      server('receiver.test'),
      server('127.0.0.1', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) }),
      strangerPki.issueServer('127.0.0.1'),
    ]);
    // The main receiver accepts the tenant's CA and the system key pair (self-signed).
    const clientCas = [tenantPki.root.certPem, systemChainPem];
    receivers.main = await startTestReceiver({ name: 'main', keyPem: main.keyPem, chainPem: main.chainPem, clientCas });
    receivers.picky = await startTestReceiver({ name: 'picky', keyPem: main.keyPem, chainPem: main.chainPem, clientCas: [strangerPki.root.certPem] });
    receivers.mismatch = await startTestReceiver({ name: 'mismatch', keyPem: mismatch.keyPem, chainPem: mismatch.chainPem, clientCas });
    receivers.expired = await startTestReceiver({ name: 'expired', keyPem: expired.keyPem, chainPem: expired.chainPem, clientCas });
    receivers.untrusted = await startTestReceiver({ name: 'untrusted', keyPem: untrusted.keyPem, chainPem: untrusted.chainPem, clientCas });
    // A CA certificate as the server certificate: OpenSSL accepts it, certgate's certificate policy does not.
    const poser = await receiverPki.issueCa('Receiver Posing As CA', {
      issuer: receiverPki.root,
      ipAddresses: ['127.0.0.1'],
      extendedKeyUsage: ['serverAuth'],
      keyUsage: ['digitalSignature', 'keyCertSign'],
    });
    receivers.poser = await startTestReceiver({ name: 'poser', keyPem: poser.keyPem, chainPem: poser.certPem, clientCas });
    closedPort = await freePort();

    await kv.putRole('Role1');
    await kv.putInstance('senders', ['Role1'], 'client_credentials');
    clientid = await kv.putSecretKey('senders', 'k1', SECRET);

    runtime = await startRuntimeReplica(h, 'rt-receiver', {
      CERTGATE_SYSTEM_KEY_ALIAS: SYSTEM_ALIAS,
      RUNTIME_RECEIVER_TIMEOUT_MS: String(TIMEOUT_MS),
      RUNTIME_RECEIVER_MAX_BODY_BYTES: String(MAX_BODY),
    });
    const tenantKey = { type: 'client-certificate', privateKeyAlias: 'tenant-a' } as const;
    await deploy(flow('named', receivers.main.url('/in?x=1'), tenantKey));
    await deploy(flow('default', receivers.main.url(), { type: 'client-certificate' }));
    await deploy(flow('anonymous', receivers.main.url(), { type: 'none' }));
    await deploy(flow('refused', receivers.picky.url(), tenantKey));
    await deploy(flow('untrusted', receivers.untrusted.url(), tenantKey));
    await deploy(flow('mismatch', receivers.mismatch.url(), tenantKey));
    await deploy(flow('expired', receivers.expired.url(), tenantKey));
    await deploy(flow('poser', receivers.poser.url(), tenantKey));
    await deploy(flow('missing', receivers.main.url(), { type: 'client-certificate', privateKeyAlias: 'nope' }));
    await deploy(flow('closed', `https://127.0.0.1:${closedPort}/in`, tenantKey));
    await deploy(flow('slow', receivers.main.url('/hang'), tenantKey));
    await deploy(flow('big', receivers.main.url('/big'), tenantKey));
    await deploy(flow('chunked', receivers.main.url('/big-chunked'), tenantKey));
    await deploy(flow('busy', receivers.main.url('/status/503'), tenantKey));
    await deploy(flow('spare', receivers.main.url(), { type: 'client-certificate', privateKeyAlias: 'tenant-b' }));
    // A deployment naming no key pair is refused; 'missing' names one that is deleted after its deployment.
    await rpc.request(KeystoreRpc.deleteEntry, { alias: 'nope', force: false });
    await runtimeSees('nope', false);
    for (const alias of ['tenant-a', 'tenant-b', RECEIVER_ROOT, SYSTEM_ALIAS]) await runtimeSees(alias, true);
  }, 120_000);

  afterAll(async () => {
    if (keyRequestTap && !keyRequestTap.isClosed()) keyRequestTap.unsubscribe();
    await runtime?.close();
    for (const r of Object.values(receivers)) await r.close();
    await keystore?.stop();
    await h?.stop();
  });

  it("a named key pair: the receiver sees the tenant's certificate and the message; its answer comes back", async () => {
    const { res, requestId } = await invoke('/named', { body: '{"order":7}', headers: { 'content-type': 'application/json', 'x-sender-only': 'stays' } });
    expect(res.status).toBe(201);
    expect(res.headers).toMatchObject({ 'content-type': 'application/json', 'x-receiver': 'main' });
    expect(res.headers).not.toHaveProperty('keep-alive');
    expect(res.headers).not.toHaveProperty('connection');
    expect(res.principal).toBe(clientid);

    const seen = JSON.parse(text(res)) as SeenRequest;
    expect(seen).toEqual(lastSeen('main'));
    expect(seen.clientSubjectDN).toBe(tenantA.certificate.subjectDN);
    expect(seen).toMatchObject({ method: 'POST', path: '/in?x=1', body: '{"order":7}' });
    expect(seen.headers).toMatchObject({ 'content-type': 'application/json', 'x-order': `order of ${clientid}`, 'x-request-id': requestId });
    // The sender's credentials and other headers are certgate's business, not the receiver's.
    for (const name of ['authorization', 'cookie', 'x-sender-only']) expect(seen.headers).not.toHaveProperty(name);

    expect(await mplRecord(requestId)).toMatchObject({ flowId: 'named', status: 201, outcome: 'completed', principal: clientid });
  });

  it('no alias: the tenant system key pair is presented', async () => {
    const { res } = await invoke('/default', { method: 'PUT', body: 'x' });
    expect(res.status).toBe(201);
    const seen = JSON.parse(text(res)) as SeenRequest;
    expect(seen.method).toBe('PUT');
    expect(seen.clientSubjectDN).toBe(parseCertificates(systemChainPem)[0].subjectDN);
  });

  it('the key pair is fetched once per alias; the request carries only the alias and a one-time public key', async () => {
    const before = keyRequests.length;
    const results = await Promise.all(Array.from({ length: 5 }, () => invoke('/named', { body: 'again' })));
    expect(results.map((r) => r.res.status)).toEqual([201, 201, 201, 201, 201]);
    expect(receivers.main.seen.slice(-5).every((s) => s.clientSubjectDN === tenantA.certificate.subjectDN)).toBe(true);
    expect(keyRequests.length).toBe(before);
    expect(keyRequests.filter((r) => r.alias === 'tenant-a')).toHaveLength(1);
    for (const r of keyRequests) expect(Object.keys(r).sort()).toEqual(['alias', 'recipientPublicKey']);
    expect(new Set(keyRequests.map((r) => r.recipientPublicKey)).size).toBe(keyRequests.length);
  });

  it("the receiver's error status comes back as it answered, and the MPL marks the message failed", async () => {
    const { res, requestId } = await invoke('/busy');
    expect(res.status).toBe(503);
    expect(text(res)).toBe('main says 503');
    expect(await mplRecord(requestId)).toMatchObject({ status: 503, outcome: 'failed', error: 'the receiver answered with status 503' });
  });

  describe('each failure: 502 to the sender and the exact reason in the MPL', () => {
    it('a receiver that does not accept the client certificate', async () => {
      await expectFailure(
        '/refused',
        "the receiver refused the client certificate of key pair 'tenant-a': it closed the connection right after the TLS handshake without answering (ECONNRESET)",
      );
    });

    it('a receiver that requires a client certificate from a flow that presents none', async () => {
      await expectFailure(
        '/anonymous',
        "the receiver requires a client certificate, but the flow's receiver authentication is 'none' (TLS alert: certificate_required)",
      );
    });

    it('a receiver whose root is not a trusted certificate in the keystore', async () => {
      await expectFailure(
        '/untrusted',
        "the receiver's certificate chain is not trusted by the keystore: no trusted certificate in the keystore issued it, or the receiver does not send its intermediate CA certificates (UNABLE_TO_GET_ISSUER_CERT_LOCALLY); add the receiver's root CA certificate to the keystore as a trusted certificate",
      );
    });

    it('a receiver whose certificate is for another host name', async () => {
      await expectFailure(
        '/mismatch',
        "the receiver's certificate does not match host '127.0.0.1': IP: 127.0.0.1 is not in the cert's list (the certificate is for DNS:receiver.test)",
      );
    });

    it('a receiver whose chain OpenSSL accepts but the certificate policy refuses (a CA certificate as its leaf), before the message leaves', async () => {
      const before = receivers.poser.seen.length;
      await expectFailure('/poser', /^the receiver's certificate chain is refused by certgate's certificate policy \(leaf_is_ca\): .*Receiver Posing As CA/);
      expect(receivers.poser.seen.length).toBe(before);
    });

    it('a receiver with an expired certificate', async () => {
      await expectFailure('/expired', "the receiver's certificate chain has expired: a certificate in it is past its notAfter date (CERT_HAS_EXPIRED)");
    });

    it('an alias whose key pair was deleted after the flow was deployed', async () => {
      await expectFailure('/missing', "no key pair with alias 'nope' in the keystore");
    });

    it('a deployment naming no key pair, or a trusted certificate, is refused up front: 400 key_alias_unknown naming the field', async () => {
      const field = 'receiver.authentication.privateKeyAlias';
      const refused = async (alias: string) =>
        rpc
          .request(FlowsRpc.put, { id: 'ghost', definition: flow('ghost', receivers.main.url(), { type: 'client-certificate', privateKeyAlias: alias }) })
          .then(
            () => {
              throw new Error(`a flow naming '${alias}' was deployed`);
            },
            (err: unknown) => err,
          );
      expect(await refused('gone-for-good')).toMatchObject({
        code: 'key_alias_unknown',
        message: `${field}: no key pair with alias 'gone-for-good' in the keystore`,
        details: { field, alias: 'gone-for-good' },
      });
      expect(await refused(RECEIVER_ROOT)).toMatchObject({
        code: 'key_alias_unknown',
        message: expect.stringContaining('is a trusted certificate in the keystore, not a key pair'),
        details: { field, alias: RECEIVER_ROOT },
      });
      expect(runtime.get(FlowCache).byAddress('/ghost')).toBeUndefined();
    });

    it('a closed port', async () => {
      await expectFailure('/closed', `the receiver at 127.0.0.1:${closedPort} refused the connection: nothing listens there (ECONNREFUSED)`);
    });

    it('a receiver that does not answer in time', async () => {
      await expectFailure('/slow', `the receiver at 127.0.0.1:${receivers.main.port} did not answer within ${TIMEOUT_MS} ms`);
    });

    it('an answer larger than the cap, announced or streamed', async () => {
      await expectFailure('/big', `the receiver's answer is larger than ${MAX_BODY} bytes (content-length 4096)`);
      await expectFailure('/chunked', `the receiver's answer is larger than ${MAX_BODY} bytes`);
    });
  });

  describe('changes in the keystore take effect without a restart', () => {
    it("removing the receiver's root makes it untrusted; adding it back trusts it again", async () => {
      expect((await invoke('/named')).res.status).toBe(201);
      await rpc.request(KeystoreRpc.deleteEntry, { alias: RECEIVER_ROOT });
      await runtimeSees(RECEIVER_ROOT, false);
      // The kept-alive connection verified under the old trust is not used again.
      await expectFailure(
        '/named',
        /^the receiver's certificate chain is not trusted by the keystore: the keystore holds no trusted certificates \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\)/,
      );

      await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: RECEIVER_ROOT, certificatePem: receiverPki.root.certPem });
      await runtimeSees(RECEIVER_ROOT, true);
      expect((await invoke('/named')).res.status).toBe(201);
    });

    it('a new key pair under the alias is presented from the next message on', async () => {
      const renewed = await tenantPki.issueClient('tenant-a renewed');
      await rpc.request(KeystoreRpc.deleteEntry, { alias: 'tenant-a' });
      await runtimeSees('tenant-a', false);
      await expectFailure('/named', "no key pair with alias 'tenant-a' in the keystore");

      await importKeyPair('tenant-a', renewed);
      await runtimeSees('tenant-a', true);
      const { res } = await invoke('/named');
      expect(res.status).toBe(201);
      expect((JSON.parse(text(res)) as SeenRequest).clientSubjectDN).toBe(renewed.certificate.subjectDN);
    });
  });

  it('neither key material nor the MPL ever holds a private key', async () => {
    const records = await readStreamTail<MplRecord>(h.nc, h.tenant, 'MPL', 1000);
    expect(records.length).toBeGreaterThan(10);
    expect(JSON.stringify(records)).not.toContain('PRIVATE KEY');
    expect(keystore.logsOf('keystore').join('\n')).not.toContain('PRIVATE KEY');
  });

  it('with the keystore gone, a cached key pair still works and a new one fails naming the keystore', async () => {
    expect((await invoke('/named')).res.status).toBe(201);
    // Without the tap nothing at all listens on the subject: NATS says so at once.
    keyRequestTap.unsubscribe();
    await keystore.stop();
    expect((await invoke('/named')).res.status).toBe(201);
    await expectFailure('/spare', /^the keystore did not answer when asked for key pair 'tenant-b': no service answers on /);
  });
});
