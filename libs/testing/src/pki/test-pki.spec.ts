import { X509Certificate } from 'node:crypto';
import { isValidAnchor, keyMatchesCertificate, parseCertificates, verifyChain } from '@certgate/x509';
import { createTestPki, escapeDnValue, type TestPki } from './test-pki';

describe('createTestPki', () => {
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
  });

  it('builds root → issuing CA (pathLen 0) with EC P-256 keys', async () => {
    expect(await isValidAnchor(pki.root.certificate)).toEqual({ ok: true });
    expect(pki.intermediate.certificate.isCA).toBe(true);
    expect(pki.intermediate.certificate.pathLength).toBe(0);
    expect(await pki.intermediate.certificate.verifySignedBy(pki.root.certificate)).toBe(true);
    expect(new X509Certificate(pki.root.certPem).publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(pki.root.chain).toEqual([]);
    expect(pki.intermediate.chain).toEqual([pki.intermediate.certificate]);
  });

  it('issues client certificates with key, PEMs and a chain without the root', async () => {
    const alice = await pki.issueClient('alice');
    expect(alice.certificate.subjectDN).toBe('CN=alice,O=certgate Test');
    expect(alice.certificate.extendedKeyUsage).toEqual(['clientAuth']);
    expect(await keyMatchesCertificate(alice.privateKey, alice.certificate)).toBe(true);
    expect(alice.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(alice.certPem).toBe(alice.certificate.pem);
    expect(parseCertificates(alice.chainPem).map((c) => c.fingerprint)).toEqual([alice.certificate.fingerprint, pki.intermediate.certificate.fingerprint]);
    expect(
      await verifyChain({ leaf: alice.certificate, intermediates: alice.chain.slice(1), anchors: [pki.root.certificate], purpose: 'clientAuth' }),
    ).toMatchObject({ ok: true });
  });

  it('issues server certificates, putting IP addresses and DNS names where they belong', async () => {
    const server = await pki.issueServer(['localhost', '127.0.0.1', '::1']);
    expect(server.certificate.subjectCN).toBe('localhost');
    expect(server.certificate.subjectAltNames).toEqual([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]);
    expect(
      await verifyChain({ leaf: server.certificate, intermediates: server.chain.slice(1), anchors: [pki.root.certificate], purpose: 'serverAuth' }),
    ).toMatchObject({ ok: true });
    await expect(pki.issueServer([])).rejects.toThrow(/at least one name/);
  });

  it('gives each PKI its own CA names and keys, so two PKIs never vouch for each other (#ingress-tls: "other" PKI)', async () => {
    const other = await createTestPki();
    expect(other.root.certificate.subjectDN).not.toBe(pki.root.certificate.subjectDN);
    expect(other.intermediate.certificate.subjectDN).not.toBe(pki.intermediate.certificate.subjectDN);
    const mallory = await other.issueClient('mallory');
    const verdict = await verifyChain({
      leaf: mallory.certificate,
      intermediates: mallory.chain.slice(1),
      anchors: [pki.root.certificate],
      purpose: 'clientAuth',
    });
    expect(verdict).toMatchObject({ ok: false, reason: 'chain_incomplete' });
  });

  it('uses fixed names when given one, and lays validity out around `at`', async () => {
    const at = new Date('2031-06-01T00:00:00Z');
    const named = await createTestPki({ name: 'Acme, Inc.', at });
    expect(named.root.certificate.subjectDN).toBe('CN=Acme\\, Inc. Root CA,O=Acme\\, Inc.');
    expect(named.root.certificate.isValidAt(at)).toBe(true);
    const leaf = await named.issueClient('bob');
    expect(leaf.certificate.isValidAt(at)).toBe(true);
    expect(leaf.certificate.isValidAt(new Date())).toBe(false);
  });

  it('makes RSA PKIs on request', async () => {
    const rsa = await createTestPki({ keyType: 'RSA' });
    const leaf = await rsa.issueClient('r');
    expect(new X509Certificate(leaf.certPem).publicKey.asymmetricKeyType).toBe('rsa');
    expect(leaf.certificate.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
  }, 30_000);

  it('issues extra CAs and leaves with overrides', async () => {
    const sub = await pki.issueCa('Team CA', { issuer: pki.root, pathLength: 1 });
    expect(sub.certificate.pathLength).toBe(1);
    expect(sub.chain).toEqual([sub.certificate]);
    const leaf = await pki.issueClient('x', { issuer: sub, subjectDN: 'CN=custom, OU=Team', extendedKeyUsage: [] });
    expect(leaf.certificate.subjectDN).toBe('CN=custom,OU=Team');
    expect(leaf.certificate.extendedKeyUsage).toBeUndefined();
    expect(leaf.chain.map((c) => c.subjectDN)).toEqual(['CN=custom,OU=Team', sub.certificate.subjectDN]);
    const notCa = await pki.issueCa('Fake', { ca: false });
    expect(notCa.certificate.isCA).toBe(false);
    const noBc = await pki.issueCa('NoBC', { omitBasicConstraints: true, keyUsage: ['keyCertSign'] });
    expect(noBc.certificate.hasBasicConstraints).toBe(false);
  });

  it('escapeDnValue escapes what RFC 4514 requires', () => {
    expect(escapeDnValue('Acme, Inc.')).toBe('Acme\\, Inc.');
    expect(escapeDnValue(' #lead+trail ')).toBe('\\ #lead\\+trail\\ ');
    expect(escapeDnValue('#x')).toBe('\\#x');
  });
});
