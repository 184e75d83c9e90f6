import { X509Certificate as NodeX509Certificate, createHash } from 'node:crypto';
import { Certificate } from './certificate';
import { X509Error } from './errors';
import { generateKeyPair } from './keys';
import { issueCertificate } from './issue';
import { DAY, issued, selfSignedRoot, specPki } from './spec-fixtures';
import { readTlsPeerCertificate } from './tls-peer';

describe('Certificate', () => {
  let pki: Awaited<ReturnType<typeof specPki>>;
  let leaf: Certificate;

  beforeAll(async () => {
    pki = await specPki();
    leaf = (
      await pki.leaf('alice', {
        dnsNames: ['alice.example', '*.alice.example'],
        ipAddresses: ['10.1.2.3', '2001:db8::1'],
        emails: ['alice@example.com'],
        extendedKeyUsage: ['clientAuth', 'serverAuth', '1.3.6.1.5.5.7.3.4'],
      })
    ).certificate;
  });

  it('round-trips DER and PEM', () => {
    expect(Certificate.fromPem(leaf.pem).der).toEqual(leaf.der);
    expect(Certificate.fromDer(leaf.der.buffer.slice(leaf.der.byteOffset, leaf.der.byteOffset + leaf.der.byteLength) as ArrayBuffer).fingerprint).toBe(
      leaf.fingerprint,
    );
    expect(leaf.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
  });

  it('has the SHA-256 fingerprint of the DER as lowercase hex without colons (not SHA-1)', () => {
    expect(leaf.fingerprint).toBe(createHash('sha256').update(leaf.der).digest('hex'));
    expect(leaf.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(leaf.fingerprint).toBe(new NodeX509Certificate(leaf.der).fingerprint256.replace(/:/g, '').toLowerCase());
  });

  it('names subject and issuer in RFC 4514 order', () => {
    expect(leaf.subjectDN).toBe('CN=alice,O=Spec');
    expect(leaf.issuerDN).toBe('CN=Spec Issuing CA,O=Spec');
    expect(leaf.subjectCN).toBe('alice');
    expect(leaf.issuerCN).toBe('Spec Issuing CA');
  });

  it('reads the serial number as lowercase hex, as OpenSSL prints it', () => {
    expect(leaf.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(leaf.serialNumber).toBe(new NodeX509Certificate(leaf.der).serialNumber.toLowerCase());
  });

  it('reads validity, CA flags, key usage, EKU and SANs', () => {
    expect(leaf.notBefore).toBeInstanceOf(Date);
    expect(leaf.notAfter.getTime() - leaf.notBefore.getTime()).toBeGreaterThan(364 * DAY);
    expect(leaf.isCA).toBe(false);
    expect(leaf.pathLength).toBeUndefined();
    expect(leaf.keyUsage).toEqual(['digitalSignature']);
    expect(leaf.extendedKeyUsage).toEqual(['clientAuth', 'serverAuth', '1.3.6.1.5.5.7.3.4']);
    expect(leaf.subjectAltNames).toEqual([
      { type: 'dns', value: 'alice.example' },
      { type: 'dns', value: '*.alice.example' },
      { type: 'ip', value: '10.1.2.3' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'email', value: 'alice@example.com' },
    ]);
    expect(pki.intermediate.certificate.isCA).toBe(true);
    expect(pki.intermediate.certificate.pathLength).toBe(0);
    expect(pki.root.certificate.pathLength).toBeUndefined();
    expect(pki.intermediate.certificate.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
  });

  it('reports absent extensions as undefined (any usage) rather than empty', async () => {
    const bare = await issued(pki.root, 'CN=bare', { keyUsage: [], omitBasicConstraints: true });
    expect(bare.certificate.keyUsage).toBeUndefined();
    expect(bare.certificate.extendedKeyUsage).toBeUndefined();
    expect(bare.certificate.subjectAltNames).toEqual([]);
    expect(bare.certificate.isCA).toBe(false);
    expect(bare.certificate.hasBasicConstraints).toBe(false);
  });

  it('links key identifiers', () => {
    expect(leaf.authorityKeyId).toBe(pki.intermediate.certificate.subjectKeyId);
    expect(leaf.subjectKeyId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('knows a self-issued certificate and who signed what', async () => {
    expect(pki.root.certificate.isSelfIssued).toBe(true);
    expect(await pki.root.certificate.isSelfSigned()).toBe(true);
    expect(leaf.isSelfIssued).toBe(false);
    expect(await leaf.isSelfSigned()).toBe(false);
    expect(await leaf.verifySignedBy(pki.intermediate.certificate)).toBe(true);
    expect(await leaf.verifySignedBy(pki.root.certificate)).toBe(false);
    expect(await pki.intermediate.certificate.verifySignedBy(pki.root.certificate)).toBe(true);
  });

  it('verifySignedBy is false, not an error, when the key types differ', async () => {
    const rsaKeys = await generateKeyPair({ type: 'RSA', size: 2048 });
    const rsaRoot = await issueCertificate({ subjectDN: 'CN=Spec Issuing CA, O=Spec', publicKey: rsaKeys.publicKey, signingKey: rsaKeys.privateKey, ca: true });
    await expect(leaf.verifySignedBy(rsaRoot)).resolves.toBe(false);
  });

  it('isSelfIssued compares normalized names', async () => {
    const root = await selfSignedRoot('CN=Mixed Case Root, O=Spec');
    expect(root.certificate.normalizedSubject).toBe('cn=mixed case root,o=spec');
    expect(root.certificate.isSelfIssued).toBe(true);
  });

  it('isValidAt includes both bounds', () => {
    expect(leaf.isValidAt(leaf.notBefore)).toBe(true);
    expect(leaf.isValidAt(leaf.notAfter)).toBe(true);
    expect(leaf.isValidAt(new Date(leaf.notBefore.getTime() - 1000))).toBe(false);
    expect(leaf.isValidAt(new Date(leaf.notAfter.getTime() + 1000))).toBe(false);
  });

  it('caches derived fields (same object on every read)', () => {
    expect(leaf.subjectAltNames).toBe(leaf.subjectAltNames);
    expect(leaf.keyUsage).toBe(leaf.keyUsage);
    expect(leaf.publicKey).toBe(leaf.publicKey);
  });

  it('is not changed by later changes to the bytes it was made from', () => {
    const bytes = new Uint8Array(leaf.der);
    const cert = Certificate.fromDer(bytes);
    bytes.fill(0);
    expect(cert.fingerprint).toBe(leaf.fingerprint);
  });

  it('returns copies of its dates', () => {
    leaf.notAfter.setFullYear(1999);
    expect(leaf.notAfter.getFullYear()).not.toBe(1999);
  });

  it('exposes the @peculiar/x509 object and its public key', () => {
    expect(leaf.toX509().serialNumber.toLowerCase()).toBe(leaf.serialNumber);
    expect(leaf.publicKey.algorithm.name).toBe('ECDSA');
  });

  it('serializes to a summary without the DER', () => {
    expect(JSON.parse(JSON.stringify(leaf))).toEqual({
      subjectDN: leaf.subjectDN,
      issuerDN: leaf.issuerDN,
      serialNumber: leaf.serialNumber,
      fingerprint: leaf.fingerprint,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
    });
    expect(String(leaf)).toBe('Certificate(CN=alice,O=Spec)');
  });

  it('equals compares fingerprints', () => {
    expect(leaf.equals(Certificate.fromDer(leaf.der))).toBe(true);
    expect(leaf.equals(pki.root.certificate)).toBe(false);
  });

  describe('DNs agree with what Node (OpenSSL) reports for the same certificate', () => {
    it.each([
      ['UTF-8 values', 'CN=Jürgen Müller, O=Bäckerei'],
      ['an escaped comma', 'CN=bob, O=Acme\\, Inc.'],
      ['a multi-valued RDN', 'CN=a+UID=b, O=Spec'],
      ['several attribute types', 'CN=c, OU=Unit, O=Org, L=Town, ST=State, C=DE'],
      ['special characters', 'CN=\\#hash \\"quoted\\" a\\<b\\>c\\;d, O=Spec'],
    ])('%s', async (_what, dn) => {
      const { certificate } = await issued(pki.root, dn);
      const node = readTlsPeerCertificate(new NodeX509Certificate(certificate.der));
      expect(certificate.subjectDN).toBe(node.subjectDN);
      expect(certificate.issuerDN).toBe(node.issuerDN);
      expect(certificate.subjectCN).toBe(node.subjectCN);
      expect(certificate.fingerprint).toBe(node.fingerprint);
      expect(certificate.serialNumber).toBe(node.serialNumber);
    });
  });

  describe('refuses what is not a certificate', () => {
    it.each([
      ['random bytes', Uint8Array.from([1, 2, 3, 4, 5])],
      ['an empty SEQUENCE', Uint8Array.from([0x30, 0x00])],
      ['a truncated certificate', () => leaf.der.subarray(0, 100)],
      ['a certificate with trailing garbage', () => Uint8Array.from([...leaf.der, 0, 1, 2])],
      ['a DER SEQUENCE that is not a certificate', Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00])],
    ])('%s → X509Error parse_error', (_what, input) => {
      const der = typeof input === 'function' ? input() : input;
      expect(() => Certificate.fromDer(der)).toThrow(X509Error);
      expect(() => Certificate.fromDer(der)).toThrow(expect.objectContaining({ code: 'parse_error' }));
    });

    it('a certificate with a duplicated extension (RFC 5280 forbids it)', async () => {
      const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
      const dup = issueCertificate({
        subjectDN: 'CN=dup',
        publicKey: keys.publicKey,
        signingKey: keys.privateKey,
        extraExtensions: [{ oid: '2.5.29.19', value: Uint8Array.from([0x30, 0x00]) }],
      });
      await expect(dup).rejects.toThrow(/twice/);
    });

    it('fromPem with no PEM at all', () => {
      expect(() => Certificate.fromPem('hello')).toThrow(expect.objectContaining({ code: 'parse_error' }));
    });
  });
});
