import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SYSTEM_KEY_ALIAS, type AccessLogRecord, type TraceLogRecord } from '@certgate/contracts';
import {
  commandAvailable,
  createTestPki,
  excludingDns,
  issueWeakRsaClient,
  type TestLeaf,
  type TestPki,
  checkExchangesAndStop,
  startSystem,
  type RunningSystem,
} from '@certgate/testing';
import { exportPrivateKeyPem, generateKeyPair, issueCertificate } from '@certgate/x509';
import { consoleApi, eventually, senderCall } from './clients';

const hasCurl = commandAvailable('curl');

type Api = ReturnType<typeof consoleApi>;
type Send = ReturnType<typeof senderCall>;
const tls = (leaf: TestLeaf, whole = true) => ({ cert: whole ? leaf.chainPem : leaf.certPem, key: leaf.keyPem });

function roleFlow(id: string, role: string) {
  return {
    id,
    sender: { address: `/${id}`, authorization: { type: 'role', role } },
    steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
  };
}

async function setUpSender(api: Api, instance: string, roles: string[], keys: Record<string, TestLeaf>): Promise<void> {
  expect((await api('POST', '/service-instances', { name: instance, parameters: { roles, 'grant-types': ['client_x509'], 'redirect-uris': [] } })).status).toBe(
    201,
  );
  for (const [name, leaf] of Object.entries(keys)) {
    const res = await api('POST', `/service-instances/${instance}/keys`, { name, type: 'external-certificate', certificate: leaf.certPem });
    expect(res).toMatchObject({ status: 201 });
  }
}

describe('inbound: senders call flows with client certificates (real NATS, real TLS)', () => {
  let sys: RunningSystem;
  let api: Api;
  let send: Send;
  let pki: TestPki;
  let stranger: TestPki;
  let caPath: string;
  let tmp: string;

  beforeAll(async () => {
    [pki, stranger] = await Promise.all([createTestPki(), createTestPki()]);
    sys = await startSystem('inbound');
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    caPath = join(sys.dataDir, 'ingress', 'dev-root-ca.pem');
    send = senderCall(sys.ingressPort, readFileSync(caPath, 'utf8'));
    tmp = mkdtempSync(join(tmpdir(), 'certgate-inbound-'));
    expect((await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem })).status).toBe(200);
    expect((await api('POST', '/roles', { name: 'Role1', description: 'orders' })).status).toBe(201);
    expect((await api('POST', '/roles', { name: 'Role2' })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
    rmSync(tmp, { recursive: true, force: true });
  });

  const accessLines = async () => (await api<AccessLogRecord[]>('GET', '/logs/access?limit=1000')).body;
  const traceRecords = async () => (await api<TraceLogRecord[]>('GET', '/logs/trace?limit=1000')).body;

  it('1. the recommended setup: role → client_x509 instance → external-certificate key → role flow → 200, access log shows the client id', async () => {
    const alice = await pki.issueClient('alice');
    await setUpSender(api, 'sender-a', ['Role1'], { k1: alice });
    expect((await api('PUT', '/flows/orders', roleFlow('orders', 'Role1'))).status).toBe(200);
    const res = await send('/orders', tls(alice));
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok sb-sender-a!k1');
    const requestId = String(res.headers['x-request-id']);
    await eventually(async () => (await accessLines()).some((r) => r.requestId === requestId), 3000);
    const line = (await accessLines()).find((r) => r.requestId === requestId)?.line ?? '';
    expect(line).toMatch(/^127\.0\.0\.1 - sb-sender-a!k1 \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] POST \/http\/orders HTTP\/1\.1 200$/);
  });

  (hasCurl ? it : it.skip)('1b. the same call made with curl (skipped only without curl)', async () => {
    const alice = await pki.issueClient('alice-curl');
    await setUpSender(api, 'sender-curl', ['Role1'], { k1: alice });
    writeFileSync(join(tmp, 'alice.pem'), alice.chainPem);
    writeFileSync(join(tmp, 'alice.key'), alice.keyPem, { mode: 0o600 });
    const out = execFileSync(
      'curl',
      [
        '-s',
        '-w',
        '\n%{http_code}',
        '--cacert',
        caPath,
        '--cert',
        join(tmp, 'alice.pem'),
        '--key',
        join(tmp, 'alice.key'),
        '-X',
        'POST',
        `https://127.0.0.1:${sys.ingressPort}/http/orders`,
      ],
      { encoding: 'utf8' },
    );
    expect(out).toBe('ok sb-sender-curl!k1\n200');
  });

  it('2a. an unknown certificate → 401 invalid_client: no service key holds it', async () => {
    const bob = await pki.issueClient('bob');
    const res = await send('/orders', tls(bob));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: 'invalid_client',
      error_description: 'client certificate is not configured in any service key of a client_x509 service instance',
    });
  });

  it('2b. a role mismatch → 403 naming the role', async () => {
    const carol = await pki.issueClient('carol');
    await setUpSender(api, 'sender-c', ['Role2'], { k1: carol });
    const res = await send('/orders', tls(carol));
    expect(res.status).toBe(403);
    expect(res.json.error_description).toContain("'Role1'");
  });

  it('3a. a leaf sent without its intermediate → 401; the trace log says the chain is incomplete; the access line has no identity', async () => {
    const dan = await pki.issueClient('dan');
    await setUpSender(api, 'sender-d', ['Role1'], { k1: dan });
    const res = await send('/orders', tls(dan, false));
    expect(res.status).toBe(401);
    expect(res.json.error_description).toMatch(/^certificate was not verified by ingress: /);
    const requestId = String(res.headers['x-request-id']);
    await eventually(async () => (await traceRecords()).some((r) => r.requestId === requestId && r.reason === 'chain_incomplete'), 3000);
    await eventually(async () => (await accessLines()).some((r) => r.requestId === requestId), 3000);
    const line = (await accessLines()).find((r) => r.requestId === requestId)?.line ?? '';
    expect(line).toMatch(/^127\.0\.0\.1 - {2}\[.*\] POST \/http\/orders HTTP\/1\.1 401$/);
  });

  it('3b. a self-signed leaf → 401 with its reason', async () => {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const self = await issueCertificate({ subjectDN: 'CN=selfie', publicKey: keys.publicKey, signingKey: keys.privateKey, extendedKeyUsage: ['clientAuth'] });
    const res = await send('/orders', { cert: self.pem, key: await exportPrivateKeyPem(keys.privateKey) });
    expect(res.status).toBe(401);
    expect(res.json.error_description).toMatch(/^certificate was not verified by ingress: .*self.signed/i);
  });

  it('3c. an expired leaf → 401 with its reason', async () => {
    const old = await pki.issueClient('old', { notBefore: new Date(Date.now() - 20 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const res = await send('/orders', tls(old));
    expect(res.status).toBe(401);
    expect(res.json.error_description).toMatch(/expired/i);
  });

  it('3d. a leaf from an untrusted root → 401 with its reason', async () => {
    const mallory = await stranger.issueClient('mallory');
    const res = await send('/orders', tls(mallory));
    expect(res.status).toBe(401);
    expect(res.json.error_description).toMatch(/^certificate was not verified by ingress: /);
  });

  it('4. forged identity headers without a certificate → 401', async () => {
    const alicePem = (await pki.issueClient('alice-forged')).certPem;
    const forged = {
      'x-forwarded-client-cert': `Hash=abc;Cert="${encodeURIComponent(alicePem)}";Subject="CN=alice"`,
      ssl_client_cert: alicePem.replace(/\n/g, ' '),
      'x-ssl-client-cert': alicePem.replace(/\n/g, ' '),
      'x-client-dn': 'CN=alice',
    };
    const res = await send('/orders', {}, { headers: forged });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
    if (hasCurl) {
      const code = execFileSync(
        'curl',
        [
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          '--cacert',
          caPath,
          '-H',
          'x-forwarded-client-cert: Hash=abc;Subject="CN=alice"',
          '-H',
          'ssl_client_cert: x',
          '-X',
          'POST',
          `https://127.0.0.1:${sys.ingressPort}/http/orders`,
        ],
        { encoding: 'utf8' },
      );
      expect(code).toBe('401');
    }
  });

  it('5. the same certificate uploaded to a second instance → 409 naming the instance and key', async () => {
    const erin = await pki.issueClient('erin');
    await setUpSender(api, 'sender-e', ['Role1'], { k1: erin });
    await api('POST', '/service-instances', { name: 'sender-e2', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
    const res = await api<{ error: string; message: string }>('POST', '/service-instances/sender-e2/keys', {
      name: 'k1',
      type: 'external-certificate',
      certificate: erin.certPem,
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('sender-e');
    expect(res.body.message).toContain('k1');
  });

  it('7. a flow listing certificates: a listed one passes, another valid one gets 403, the DN form matches despite spacing and case', async () => {
    const [listed, other, byDn] = await Promise.all([pki.issueClient('listed'), pki.issueClient('other'), pki.issueClient('by-dn')]);
    await setUpSender(api, 'sender-list', ['Role2'], { k1: listed, k2: other, k3: byDn });
    const dn = byDn.certificate.subjectDN.toUpperCase().replace(/,/g, ' ,  ');
    const issuer = byDn.certificate.issuerDN.toLowerCase().replace(/,/g, ', ');
    const flow = {
      id: 'listed',
      sender: {
        address: '/listed',
        authorization: { type: 'client-certificate', certificates: [{ pem: listed.certPem }, { subjectDN: dn, issuerDN: issuer }] },
      },
      steps: [{ type: 'respond', status: 200, body: 'in' }],
    };
    expect((await api('PUT', '/flows/listed', flow)).status).toBe(200);
    expect((await send('/listed', tls(listed))).status).toBe(200);
    const denied = await send('/listed', tls(other));
    expect(denied.status).toBe(403);
    expect(denied.json.error_description).toContain('not among');
    expect((await send('/listed', tls(byDn))).status).toBe(200);
  });

  it('7b. a DN entry in the order openssl prints it matches; the deploy answer holds both normalized forms; a 403 shows both notations', async () => {
    const [printed, stranger] = await Promise.all([pki.issueClient('printed'), pki.issueClient('not-listed')]);
    await setUpSender(api, 'sender-printed', ['Role2'], { k1: printed, k2: stranger });
    // `openssl x509 -subject` order: most general RDN first.
    const forward = (dn: string) => dn.split(',').reverse().join(', ');
    const entry = { subjectDN: forward(printed.certificate.subjectDN), issuerDN: forward(printed.certificate.issuerDN) };
    const flow = {
      id: 'printed',
      sender: { address: '/printed', authorization: { type: 'client-certificate', certificates: [entry] } },
      steps: [{ type: 'respond', status: 200, body: 'in' }],
    };
    const deployed = await api<{ certificateMatchers: Record<string, string>[] }>('PUT', '/flows/printed', flow);
    expect(deployed.status).toBe(200);
    expect(deployed.body.certificateMatchers[0].normalizedSubjectDNReversed).toBe(printed.certificate.subjectDN.toLowerCase());
    expect((await send('/printed', tls(printed))).status).toBe(200);
    const denied = await send('/printed', tls(stranger));
    expect(denied.status).toBe(403);
    expect(denied.json.error_description).toContain(stranger.certificate.subjectDN);
    expect(denied.json.error_description).toContain(`in the order openssl prints them: subject '${forward(stranger.certificate.subjectDN)}'`);
  });

  it('8. basic auth with the client id/secret of a client_credentials key passes a role flow; a wrong secret gets 401', async () => {
    await api('POST', '/service-instances', { name: 'basic-a', parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] } });
    const key = await api<{ clientid: string; clientsecret: string }>('POST', '/service-instances/basic-a/keys', { name: 's1', type: 'client-secret' });
    expect(key.status).toBe(201);
    const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
    const ok = await send('/orders', {}, { headers: basic(key.body.clientid, key.body.clientsecret) });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe(`ok ${key.body.clientid}`);
    const wrong = await send('/orders', {}, { headers: basic(key.body.clientid, 'not-the-secret') });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe('invalid_client');
  });

  it('9. rollover: two keys with two certificates both pass; deleting one makes it fail within one second, no redeploy', async () => {
    const [oldCert, newCert] = await Promise.all([pki.issueClient('roll-old'), pki.issueClient('roll-new')]);
    await setUpSender(api, 'sender-roll', ['Role1'], { old: oldCert, new: newCert });
    expect((await send('/orders', tls(oldCert))).status).toBe(200);
    expect((await send('/orders', tls(newCert))).status).toBe(200);
    expect((await api('DELETE', '/service-instances/sender-roll/keys/old')).status).toBe(204);
    const took = await eventually(async () => (await send('/orders', tls(oldCert))).status === 401, 1000);
    expect(took).toBeLessThanOrEqual(1000);
    expect((await send('/orders', tls(newCert))).status).toBe(200);
  });

  it('a generated `certificate` key works at once: the ingress trusts the tenant client CA', async () => {
    await api('POST', '/service-instances', { name: 'gen', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
    const key = await api<{ certificate: { pem: string }; key: string; clientid: string }>('POST', '/service-instances/gen/keys', {
      name: 'g1',
      type: 'certificate',
      validityDays: 30,
    });
    expect(key.status).toBe(201);
    expect(key.body.key).toMatch(/PRIVATE KEY/);
    const res = await send('/orders', { cert: key.body.certificate.pem, key: key.body.key });
    expect(res.status).toBe(200);
    expect(res.text).toBe(`ok ${key.body.clientid}`);
  });

  it("the certificate policy: an RSA-1024 sender, a CA certificate as the leaf, a leaf outside its CA's name constraints → 401 each, naming the reason", async () => {
    const weak = await issueWeakRsaClient(pki);
    const poser = await pki.issueCa('Poser CA', { issuer: pki.root, extendedKeyUsage: ['clientAuth'], keyUsage: ['digitalSignature', 'keyCertSign'] });
    const constrained = await pki.issueCa('Constrained CA', {
      issuer: pki.root,
      extraExtensions: [{ oid: '2.5.29.30', critical: false, value: excludingDns('evil.example') }],
    });
    const evil = await pki.issueClient('client.evil.example', { issuer: constrained, dnsNames: ['client.evil.example'] });

    const senders = [
      { cert: weak.chainPem, key: weak.keyPem, says: /refused by the key policy: .*1024/ },
      { cert: poser.certPem, key: poser.keyPem, says: /is presented as the end-entity certificate but is a CA certificate/ },
      { cert: evil.chainPem, key: evil.keyPem, says: /evil\.example/ },
    ];
    for (const { cert, key, says } of senders) {
      const res = await send('/orders', { cert, key });
      expect(res.status).toBe(401);
      expect(res.text).toMatch(/certificate was not verified by ingress/);
      expect(res.text).toMatch(says);
    }
    await eventually(async () => {
      const reasons = (await traceRecords()).filter((r) => r.event === 'tls.rejected').map((r) => r.reason);
      return ['weak_key', 'leaf_is_ca', 'name_constraints'].every((r) => reasons.includes(r));
    }, 3000);
  });

  it('an unknown address → 404 to a sender that authenticates, and to one that does not the 401 a deployed flow gives; every request lands in the message processing log', async () => {
    const prober = await pki.issueClient('prober');
    // A verified certificate in no service key: what every role flow answers it, wherever it knocks.
    const [unmappedMissing, unmappedDeployed] = await Promise.all([send('/nowhere', tls(prober)), send('/orders', tls(prober))]);
    expect(unmappedMissing.status).toBe(401);
    expect(unmappedMissing.text).toBe(unmappedDeployed.text);
    await setUpSender(api, 'sender-prober', ['Role2'], { k1: prober });
    await eventually(async () => (await send('/nowhere', tls(prober))).status === 404, 2000);
    // INGRESS_UNAUTHENTICATED_NOT_FOUND=hide (the default): no telling which addresses have a flow.
    const [anonymousMissing, anonymousDeployed] = await Promise.all([send('/nowhere', {}), send('/orders', {})]);
    expect(anonymousMissing.status).toBe(401);
    expect(anonymousMissing.text).toBe(anonymousDeployed.text);
    const logs = await api<{ flowId?: string; outcome: string }[]>('GET', '/message-logs?limit=1000&flowId=orders');
    expect(logs.status).toBe(200);
    expect(logs.body.some((r) => r.outcome === 'completed')).toBe(true);
    expect(logs.body.some((r) => r.outcome === 'denied')).toBe(true);
  });

  it('6. the system key pair deleted → certificate authentication refused naming the alias; basic auth still works', async () => {
    const frank = await pki.issueClient('frank');
    await setUpSender(api, 'sender-f', ['Role1'], { k1: frank });
    expect((await send('/orders', tls(frank))).status).toBe(200);
    expect((await api('DELETE', `/keystore/entries/${DEFAULT_SYSTEM_KEY_ALIAS}`)).status).toBe(409);
    expect((await api('DELETE', `/keystore/entries/${DEFAULT_SYSTEM_KEY_ALIAS}?force=true`)).status).toBe(204);
    await eventually(async () => (await send('/orders', tls(frank))).status === 401, 1000);
    const res = await send('/orders', tls(frank));
    expect(res.json.error_description).toBe(
      `client certificate authentication is not enabled: key pair with alias '${DEFAULT_SYSTEM_KEY_ALIAS}' does not exist in the keystore`,
    );
    await api('POST', '/service-instances', { name: 'basic-f', parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] } });
    const key = await api<{ clientid: string; clientsecret: string }>('POST', '/service-instances/basic-f/keys', { name: 's1', type: 'client-secret' });
    const ok = await send(
      '/orders',
      {},
      { headers: { authorization: `Basic ${Buffer.from(`${key.body.clientid}:${key.body.clientsecret}`).toString('base64')}` } },
    );
    expect(ok.status).toBe(200);
  });
});

describe('inbound on a trial tenant (no system key pair)', () => {
  let sys: RunningSystem;

  beforeAll(async () => {
    sys = await startSystem('trial', { CERTGATE_TENANT_PLAN: 'trial' });
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  it('6b. certificate authentication is refused naming the alias; basic auth works', async () => {
    const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    const send = senderCall(sys.ingressPort, readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8'));
    const pki = await createTestPki();
    await api('PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem });
    await api('POST', '/roles', { name: 'Role1' });
    await api('PUT', '/flows/orders', roleFlow('orders', 'Role1'));
    const gina = await pki.issueClient('gina');
    await setUpSender(api, 'sender-g', ['Role1'], { k1: gina });
    const res = await send('/orders', tls(gina));
    expect(res.status).toBe(401);
    expect(res.json.error_description).toContain(`key pair with alias '${DEFAULT_SYSTEM_KEY_ALIAS}' does not exist in the keystore`);
    await api('POST', '/service-instances', { name: 'basic-g', parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] } });
    const key = await api<{ clientid: string; clientsecret: string }>('POST', '/service-instances/basic-g/keys', { name: 's1', type: 'client-secret' });
    const ok = await send(
      '/orders',
      {},
      { headers: { authorization: `Basic ${Buffer.from(`${key.body.clientid}:${key.body.clientsecret}`).toString('base64')}` } },
    );
    expect(ok.status).toBe(200);
  });
});
