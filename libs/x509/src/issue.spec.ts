import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Error } from './errors';
import { issueCertificate, type IssueOptions } from './issue';
import { generateKeyPair } from './keys';
import { DAY, ecKeys, itWithOpenssl, openssl, selfSignedRoot, withTempDir, type Ca } from './spec-fixtures';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(X509Error);
    return (err as X509Error).code;
  }
}

describe('issueCertificate', () => {
  let root: Ca;

  beforeAll(async () => {
    root = await selfSignedRoot('CN=Issue Root, O=Spec');
  });

  const leafOpts = async (extra: Partial<IssueOptions> = {}): Promise<IssueOptions> => ({
    subjectDN: 'CN=leaf, O=Spec',
    publicKey: (await ecKeys()).publicKey,
    issuer: root,
    ...extra,
  });

  it('self-signs a CA with the documented defaults', () => {
    const ca = root.certificate;
    expect(ca.isSelfIssued).toBe(true);
    expect(ca.isCA).toBe(true);
    expect(ca.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(ca.criticalExtensions).toEqual(expect.arrayContaining(['2.5.29.19', '2.5.29.15']));
    expect(ca.subjectKeyId).toBeDefined();
    expect(ca.authorityKeyId).toBe(ca.subjectKeyId);
  });

  it('defaults: random positive 16-byte serial, valid from 5 minutes ago for 365 days', async () => {
    const before = Date.now();
    const a = await issueCertificate(await leafOpts());
    const b = await issueCertificate(await leafOpts());
    expect(a.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
    expect(a.serialNumber).not.toBe(b.serialNumber);
    expect(a.notBefore.getTime()).toBeGreaterThanOrEqual(before - 5 * 60_000 - 1000);
    expect(a.notBefore.getTime()).toBeLessThanOrEqual(before - 5 * 60_000 + 5000);
    expect(Math.round((a.notAfter.getTime() - before) / DAY)).toBe(365);
  });

  it('leaf defaults: cA=false (critical), digitalSignature for EC, plus keyEncipherment for RSA, no EKU, AKI = issuer SKI', async () => {
    const ec = await issueCertificate(await leafOpts());
    expect(ec.isCA).toBe(false);
    expect(ec.hasBasicConstraints).toBe(true);
    expect(ec.keyUsage).toEqual(['digitalSignature']);
    expect(ec.extendedKeyUsage).toBeUndefined();
    expect(ec.authorityKeyId).toBe(root.certificate.subjectKeyId);
    const rsa = await issueCertificate(await leafOpts({ publicKey: (await generateKeyPair({ type: 'RSA', size: 2048 })).publicKey }));
    expect(rsa.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
  });

  it('applies every option', async () => {
    const notBefore = new Date('2030-01-01T00:00:00Z');
    const cert = await issueCertificate(
      await leafOpts({
        serialNumber: '0A1B',
        notBefore,
        validityDays: 10,
        ca: true,
        pathLength: 2,
        keyUsage: ['keyCertSign', 'digitalSignature'],
        extendedKeyUsage: ['serverAuth', 'clientAuth', 'codeSigning', '1.2.3.4'],
        dnsNames: ['a.example', '*.b.example'],
        ipAddresses: ['192.0.2.1', '2001:db8::2'],
        emails: ['ops@example.com'],
        omitAuthorityKeyId: true,
      }),
    );
    expect(cert.serialNumber).toBe('0a1b');
    expect(cert.notBefore).toEqual(notBefore);
    expect(cert.notAfter).toEqual(new Date(notBefore.getTime() + 10 * DAY));
    expect(cert.pathLength).toBe(2);
    expect(cert.keyUsage).toEqual(['digitalSignature', 'keyCertSign']);
    expect(cert.extendedKeyUsage).toEqual(['serverAuth', 'clientAuth', '1.3.6.1.5.5.7.3.3', '1.2.3.4']);
    expect(cert.subjectAltNames.map((n) => n.value)).toEqual(['a.example', '*.b.example', '192.0.2.1', '2001:db8::2', 'ops@example.com']);
    expect(cert.authorityKeyId).toBeUndefined();
  });

  it('explicit notAfter wins over validityDays; keyUsage [] and omitBasicConstraints leave the extensions out', async () => {
    const notAfter = new Date(Date.now() + 3 * DAY);
    const cert = await issueCertificate(await leafOpts({ notAfter, validityDays: 999, keyUsage: [], omitBasicConstraints: true }));
    expect(cert.notAfter.getTime()).toBe(Math.floor(notAfter.getTime() / 1000) * 1000);
    expect(cert.keyUsage).toBeUndefined();
    expect(cert.hasBasicConstraints).toBe(false);
  });

  it('names the issuer with the exact bytes of its subject', async () => {
    const cert = await issueCertificate(await leafOpts());
    expect(cert.issuerDN).toBe(root.certificate.subjectDN);
    expect(await cert.verifySignedBy(root.certificate)).toBe(true);
  });

  it('encodes long values, dotted OIDs, #hex values and multi-valued RDNs (members in DER order)', async () => {
    const long = 'x'.repeat(300);
    const cert = await issueCertificate(await leafOpts({ subjectDN: `CN=${long}, DC=example, 2.999.1=y, 1.2.3.4=#020101, O=Spec` }));
    expect(cert.subjectDN).toBe(`CN=${long},DC=example,2.999.1=y,1.2.3.4=#020101,O=Spec`);
    const a = await issueCertificate(await leafOpts({ subjectDN: 'UID=b+CN=a, O=Spec' }));
    const b = await issueCertificate(await leafOpts({ subjectDN: 'CN=a+UID=b, O=Spec' }));
    expect(a.subjectNameDer).toEqual(b.subjectNameDer);
    expect(a.subjectDN).toBe('CN=a+UID=b,O=Spec');
  });

  it('a #hex value that is not exactly one DER element → parse_error', async () => {
    expect(await codeOf(issueCertificate(await leafOpts({ subjectDN: 'CN=x, 1.2.3.4=#0201' })))).toBe('parse_error');
    expect(await codeOf(issueCertificate(await leafOpts({ subjectDN: 'CN=x, 1.2.3.4=#02010100' })))).toBe('parse_error');
  });

  it('an empty subject needs a SAN, which is then critical', async () => {
    expect(await codeOf(issueCertificate(await leafOpts({ subjectDN: '' })))).toBe('parse_error');
    const cert = await issueCertificate(await leafOpts({ subjectDN: '', emails: ['a@example.com'] }));
    expect(cert.subjectDN).toBe('');
    expect(cert.criticalExtensions).toContain('2.5.29.17');
  });

  it('signs with SHA-384 for P-384 keys', async () => {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-384' });
    const cert = await issueCertificate({ subjectDN: 'CN=p384', publicKey: keys.publicKey, signingKey: keys.privateKey, ca: true });
    expect(cert.toX509().signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
  });

  describe('refusals', () => {
    it('an issuer key that does not belong to the issuer certificate → key_mismatch', async () => {
      const stranger = await ecKeys();
      const err = await issueCertificate(await leafOpts({ issuer: { certificate: root.certificate, privateKey: stranger.privateKey } })).catch((e) => e);
      expect(err).toMatchObject({ code: 'key_mismatch' });
      expect(err.message).toContain('CN=Issue Root');
    });

    it('a self-signed certificate whose signingKey is not the private key of publicKey → key_mismatch', async () => {
      const a = await ecKeys();
      const b = await ecKeys();
      expect(await codeOf(issueCertificate({ subjectDN: 'CN=x', publicKey: a.publicKey, signingKey: b.privateKey }))).toBe('key_mismatch');
    });

    it('no issuer and no signingKey → TypeError', async () => {
      await expect(issueCertificate({ subjectDN: 'CN=x', publicKey: (await ecKeys()).publicKey })).rejects.toThrow(TypeError);
    });

    it.each<[string, Partial<IssueOptions>]>([
      ['a DN that does not parse', { subjectDN: 'nonsense' }],
      ['a country that is not two letters', { subjectDN: 'CN=x, C=Germany' }],
      ['a non-ASCII e-mail in the DN', { subjectDN: 'CN=x, emailAddress=jö@x.de' }],
      ['a DNS name with a space', { dnsNames: ['not a host'] }],
      ['a non-ASCII DNS name', { dnsNames: ['bäcker.de'] }],
      ['an IP that is not one', { ipAddresses: ['1.2.3.999'] }],
      ['an e-mail without @', { emails: ['nobody'] }],
      ['an unknown key usage', { keyUsage: ['signEverything'] }],
      ['an unknown extended key usage', { extendedKeyUsage: ['superAuth'] }],
      ['a serial number that is not hex', { serialNumber: 'xyz' }],
      ['a zero serial number', { serialNumber: '00' }],
    ])('%s → parse_error', async (_what, extra) => {
      expect(await codeOf(issueCertificate(await leafOpts(extra)))).toBe('parse_error');
    });

    it.each<[string, Partial<IssueOptions>]>([
      ['pathLength without ca', { pathLength: 1 }],
      ['a negative pathLength', { ca: true, pathLength: -1 }],
      ['notAfter before notBefore', { notBefore: new Date(), notAfter: new Date(Date.now() - DAY) }],
      ['zero validityDays', { validityDays: 0 }],
    ])('%s → RangeError (a programming error, not user input)', async (_what, extra) => {
      await expect(issueCertificate(await leafOpts(extra))).rejects.toThrow(RangeError);
    });
  });

  itWithOpenssl('encodes names as OpenSSL expects: C PrintableString, emailAddress IA5String, others UTF8String', async () => {
    const cert = await issueCertificate(await leafOpts({ subjectDN: 'CN=Jürgen, emailAddress=j@example.com, O=Bäckerei, C=DE' }));
    await withTempDir((dir) => {
      writeFileSync(join(dir, 'c.pem'), cert.pem);
      const out = openssl(['asn1parse', '-in', 'c.pem'], { cwd: dir }).output;
      expect(out).toMatch(/countryName\s*\n.*PRINTABLESTRING\s*:DE/);
      expect(out).toMatch(/emailAddress\s*\n.*IA5STRING\s*:j@example.com/);
      expect(out).toMatch(/commonName\s*\n.*UTF8STRING/);
      const text = openssl(['x509', '-in', 'c.pem', '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb'], { cwd: dir }).output;
      expect(text.trim()).toBe('subject=CN=Jürgen,emailAddress=j@example.com,O=Bäckerei,C=DE');
    });
  });
});
