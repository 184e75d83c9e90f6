// The certificate policy verifyChain enforces beyond path building (docs/certificate-policy.md):
// key policy, CA certificates as leaves, the certificate profile, name constraints,
// and reasons that name what is actually wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { NameConstraints } from '@peculiar/asn1-x509';
import { Certificate } from './certificate';
import { DEFAULT_KEY_POLICY, isValidAnchor, verifyChain, type ChainVerdict, type VerifyChainOptions } from './chain';
import { subtle, type CryptoKeyPair } from './engine';
import { issueCertificate, type IssueOptions } from './issue';
import { describeNameConstraints } from './name-constraints';
import { DAY, issued, selfSignedRoot, specPki, type Ca } from './spec-fixtures';

type Failed = Extract<ChainVerdict, { ok: false }>;

async function refused(opts: VerifyChainOptions): Promise<Failed> {
  const verdict = await verifyChain(opts);
  if (verdict.ok) throw new Error(`expected a refusal, got ok for ${opts.leaf.subjectDN}`);
  return verdict;
}

const rsaKeys = (bits: number): Promise<CryptoKeyPair> =>
  subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, [
    'sign',
    'verify',
  ]) as Promise<CryptoKeyPair>;

/** A certificate from the x509-limbo testdata, for keys and encodings our issuer cannot make (P-192, DSA, v1). */
function limboCertificate(id: string, which: 'peer' | 'root'): Certificate {
  const limbo = JSON.parse(readFileSync(join(__dirname, '../testdata/x509-limbo/limbo.json'), 'utf8')) as {
    testcases: { id: string; peer_certificate: string; trusted_certs: string[] }[];
  };
  const tc = limbo.testcases.find((t) => t.id === id);
  if (!tc) throw new Error(`no limbo case ${id}`);
  return Certificate.fromPem(which === 'peer' ? tc.peer_certificate : tc.trusted_certs[0]);
}

/** NameConstraints DER from hex, for encodings the issuing API does not offer. */
const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

/** SEQUENCE { [0|1] { SEQUENCE { base } } }: one permitted (tag 0xa0) or excluded (0xa1) subtree. */
function oneSubtree(kind: 'permitted' | 'excluded', base: Uint8Array): Uint8Array {
  const tlv = (tag: number, content: Uint8Array) => Uint8Array.from([tag, content.length, ...content]);
  return tlv(0x30, tlv(kind === 'permitted' ? 0xa0 : 0xa1, tlv(0x30, base)));
}
const dnsBase = (name: string) => Uint8Array.from([0x82, name.length, ...Buffer.from(name, 'ascii')]);
const nc = (value: Uint8Array, critical = true): Partial<IssueOptions> => ({ ca: true, extraExtensions: [{ oid: '2.5.29.30', critical, value }] });

describe('verifyChain: certificate policy', () => {
  let pki: Awaited<ReturnType<typeof specPki>>;
  let root: Certificate;
  const now = new Date();

  beforeAll(async () => {
    pki = await specPki();
    root = pki.root.certificate;
  });

  const chain = (leaf: Certificate, intermediates: Certificate[] = [pki.intermediate.certificate]): VerifyChainOptions => ({
    leaf,
    intermediates,
    anchors: [root],
    purpose: 'clientAuth',
    at: now,
  });

  describe('key policy (weak_key)', () => {
    it('refuses a 1024-bit RSA leaf, naming it and the rule; a deployment may lower the minimum', async () => {
      const keys = await rsaKeys(1024);
      const leaf = await issueCertificate({ subjectDN: 'CN=old-rsa', publicKey: keys.publicKey, issuer: pki.intermediate, extendedKeyUsage: ['clientAuth'] });
      const verdict = await refused(chain(leaf));
      expect(verdict).toMatchObject({ reason: 'weak_key', certificate: leaf });
      expect(verdict.message).toBe("certificate 'CN=old-rsa' is refused by the key policy: its RSA key has 1024 bits; at least 2048 are required");
      expect(await verifyChain({ ...chain(leaf), keyPolicy: { minRsaBits: 1024 } })).toMatchObject({ ok: true });
    });

    it('refuses a weak root as weak_key before trying its signature (isValidAnchor and verifyChain)', async () => {
      const keys = await rsaKeys(1024);
      const weakRoot = await issueCertificate({ subjectDN: 'CN=Weak Root', publicKey: keys.publicKey, signingKey: keys.privateKey, ca: true });
      expect(await isValidAnchor(weakRoot)).toMatchObject({ ok: false, reason: 'weak_key', message: expect.stringContaining('1024 bits') });
      expect(await isValidAnchor(weakRoot, { keyPolicy: { minRsaBits: 1024 } })).toEqual({ ok: true });
      // P-192 and DSA: WebCrypto cannot verify them, which used to read "not signed by its own key".
      for (const id of ['webpki::forbidden-p192-root', 'webpki::forbidden-dsa-root']) {
        const verdict = await isValidAnchor(limboCertificate(id, 'root'));
        expect(verdict).toMatchObject({ ok: false, reason: 'weak_key', message: expect.stringMatching(/P-192|DSA/) });
      }
    });

    it('names an issuer whose key is refused, even though its signature cannot be checked', async () => {
      const keys = await rsaKeys(1024);
      const weakCa = await issueCertificate({ subjectDN: 'CN=Weak CA', publicKey: keys.publicKey, issuer: pki.root, ca: true });
      const leaf = await issued({ certificate: weakCa, privateKey: keys.privateKey }, 'CN=under-weak');
      const verdict = await refused(chain(leaf.certificate, [weakCa]));
      expect(verdict).toMatchObject({ reason: 'weak_key', certificate: weakCa });
    });

    it('takes curves and Ed25519 from the policy', async () => {
      expect(DEFAULT_KEY_POLICY).toEqual({ minRsaBits: 2048, ecCurves: ['P-256', 'P-384', 'P-521'], edwardsCurves: ['Ed25519'] });
      const alice = (await pki.leaf('alice')).certificate;
      expect(await refused({ ...chain(alice), keyPolicy: { ecCurves: ['P-384'] } })).toMatchObject({
        reason: 'weak_key',
        message: expect.stringContaining('curve P-256; allowed curves are P-384'),
      });
      const ed = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
      const edLeaf = await issueCertificate({ subjectDN: 'CN=ed', publicKey: ed.publicKey, issuer: pki.intermediate, extendedKeyUsage: ['clientAuth'] });
      expect(await verifyChain(chain(edLeaf))).toMatchObject({ ok: true });
      expect(await refused({ ...chain(edLeaf), keyPolicy: { edwardsCurves: [] } })).toMatchObject({ reason: 'weak_key' });
    });

    it('refuses a policy that makes no sense rather than guessing', async () => {
      const alice = (await pki.leaf('alice')).certificate;
      await expect(verifyChain({ ...chain(alice), keyPolicy: { minRsaBits: 512 } })).rejects.toThrow(RangeError);
      await expect(verifyChain({ ...chain(alice), keyPolicy: { ecCurves: ['P-192' as 'P-256'] } })).rejects.toThrow(/unknown curve/);
    });
  });

  describe('end-entity certificates (leaf_is_ca)', () => {
    it.each([
      ['cA=true', { ca: true, keyUsage: ['digitalSignature', 'keyCertSign'] }, 'its basicConstraints say cA=true'],
      ['keyCertSign without cA', { keyUsage: ['digitalSignature', 'keyCertSign'] }, 'its key usage includes keyCertSign'],
    ])('refuses a leaf with %s', async (_what, extra, why) => {
      const leaf = await pki.leaf('ca-ish', extra);
      const verdict = await refused(chain(leaf.certificate));
      expect(verdict).toMatchObject({ reason: 'leaf_is_ca', certificate: leaf.certificate });
      expect(verdict.message).toContain(why);
    });
  });

  describe('certificate profile (profile_violation)', () => {
    it('refuses a leaf without an authority key identifier', async () => {
      const leaf = await pki.leaf('no-aki', { omitAuthorityKeyId: true });
      const verdict = await refused(chain(leaf.certificate));
      expect(verdict).toMatchObject({ reason: 'profile_violation', certificate: leaf.certificate });
      expect(verdict.message).toContain('no authorityKeyIdentifier');
    });

    it('refuses a critical authority key identifier', async () => {
      // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] 20 bytes }, marked critical.
      const akiValue = Uint8Array.from([0x30, 0x16, 0x80, 0x14, ...Buffer.from(pki.intermediate.certificate.subjectKeyId ?? '', 'hex')]);
      const leaf = await pki.leaf('critical-aki', { omitAuthorityKeyId: true, extraExtensions: [{ oid: '2.5.29.35', critical: true, value: akiValue }] });
      expect(await refused(chain(leaf.certificate))).toMatchObject({ reason: 'profile_violation', message: expect.stringContaining('is critical') });
    });

    it('refuses a version 1 certificate', async () => {
      expect(limboCertificate('webpki::v1-cert', 'peer').version).toBe(1);
      const root = limboCertificate('webpki::v1-cert', 'root');
      const verdict = await refused({ leaf: limboCertificate('webpki::v1-cert', 'peer'), anchors: [root], purpose: 'serverAuth' });
      expect(verdict).toMatchObject({ reason: 'profile_violation', message: expect.stringContaining('version 1') });
    });
  });

  describe('name constraints (name_constraints)', () => {
    let constrained: Ca;

    beforeAll(async () => {
      // The issue's example: a non-critical exclusion must bind just the same.
      constrained = await issued(pki.root, 'CN=Constrained CA', nc(oneSubtree('excluded', dnsBase('evil.example')), false));
    });

    it('refuses a leaf for client.evil.example under a CA excluding evil.example, naming the leaf and the CA', async () => {
      const leaf = await issued(constrained, 'CN=client', { dnsNames: ['client.evil.example'] });
      const verdict = await refused(chain(leaf.certificate, [constrained.certificate]));
      expect(verdict).toMatchObject({ reason: 'name_constraints', certificate: leaf.certificate });
      expect(verdict.message).toBe(
        "DNS name 'client.evil.example' of 'CN=client' falls within the excluded DNS name 'evil.example' in the name constraints of CA 'CN=Constrained CA'",
      );
      const fine = await issued(constrained, 'CN=fine', { dnsNames: ['good.example', 'notevil.example'] });
      expect(await verifyChain(chain(fine.certificate, [constrained.certificate]))).toMatchObject({ ok: true });
    });

    it('treats a host-name CN of a leaf without DNS names as a DNS name, as OpenSSL does', async () => {
      const leaf = await issued(constrained, 'CN=host.evil.example');
      expect(await refused(chain(leaf.certificate, [constrained.certificate]))).toMatchObject({ reason: 'name_constraints' });
    });

    it('accepts what critical constraints permit (they used to be refused as unprocessed)', async () => {
      const permits = await issued(pki.root, 'CN=Example CA', nc(oneSubtree('permitted', dnsBase('example.com'))));
      const ok = await issued(permits, 'CN=a', { dnsNames: ['a.b.example.com'] });
      expect(await verifyChain(chain(ok.certificate, [permits.certificate]))).toMatchObject({ ok: true });
      const outside = await issued(permits, 'CN=b', { dnsNames: ['example.org'] });
      expect(await refused(chain(outside.certificate, [permits.certificate]))).toMatchObject({
        reason: 'name_constraints',
        message: expect.stringContaining("lies outside the permitted DNS name 'example.com'"),
      });
    });

    it('applies directory-name and e-mail constraints to the subject and its e-mail addresses', async () => {
      // permitted directoryName O=Acme: [4] { Name { RDN { O=Acme } } }
      const acme = hex('a4 11 30 0f 31 0d 30 0b 06 03 55 04 0a 0c 04 41 63 6d 65');
      const byO = await issued(pki.root, 'CN=Acme CA, O=Acme', nc(oneSubtree('permitted', acme)));
      expect(await verifyChain(chain((await issued(byO, 'CN=a, O=Acme')).certificate, [byO.certificate]))).toMatchObject({ ok: true });
      expect(await refused(chain((await issued(byO, 'CN=a, O=Other')).certificate, [byO.certificate]))).toMatchObject({ reason: 'name_constraints' });
      // excluded rfc822Name example.org: [1] "example.org"
      const noOrg = await issued(pki.root, 'CN=Mail CA', nc(oneSubtree('excluded', Uint8Array.from([0x81, 11, ...Buffer.from('example.org')])), false));
      expect(await refused(chain((await issued(noOrg, 'CN=m', { emails: ['x@example.org'] })).certificate, [noOrg.certificate]))).toMatchObject({
        reason: 'name_constraints',
      });
      expect(await verifyChain(chain((await issued(noOrg, 'CN=m', { emails: ['x@example.com'] })).certificate, [noOrg.certificate]))).toMatchObject({
        ok: true,
      });
    });

    it('refuses an IP constraint whose mask is not contiguous, which @peculiar/asn1-x509 reads without complaint', async () => {
      // permitted iPAddress 10.0.0.0 mask 255.0.255.0: [7] 0a000000 ff00ff00
      const value = oneSubtree('permitted', hex('87 08 0a 00 00 00 ff 00 ff 00'));
      // The library turns the mask into a bit count and the value into plausible CIDR text: the defect is gone.
      const lenient = AsnConvert.parse(value, NameConstraints);
      expect(lenient.permittedSubtrees?.[0].base.iPAddress).toBe('10.0.0.0/16');
      const ca = await issued(pki.root, 'CN=IP CA', nc(value));
      expect(describeNameConstraints(ca.certificate)).toBe('the IP constraint IP range 10.0.0.0/16 has a mask whose bits are not contiguous');
      const leaf = await issued(ca, 'CN=ip', { ipAddresses: ['10.0.0.1'] });
      expect(await refused(chain(leaf.certificate, [ca.certificate]))).toMatchObject({ reason: 'name_constraints', certificate: ca.certificate });
    });

    it('refuses name constraints in an end-entity certificate', async () => {
      const leaf = await pki.leaf('nc-leaf', {
        extraExtensions: [{ oid: '2.5.29.30', critical: false, value: oneSubtree('permitted', dnsBase('example.com')) }],
      });
      expect(await refused(chain(leaf.certificate))).toMatchObject({ reason: 'name_constraints', message: expect.stringContaining('only a CA may') });
    });
  });

  describe('reasons that tell the truth', () => {
    it('not_a_ca names the certificate at its depth', async () => {
      const fake = await issued(pki.root, 'CN=Not A CA');
      const leaf = await issued(fake, 'CN=victim');
      const verdict = await refused(chain(leaf.certificate, [fake.certificate]));
      expect(verdict).toMatchObject({ reason: 'not_a_ca', certificate: fake.certificate });
      expect(verdict.message).toMatch(/^the certificate at depth 1 of the chain, 'CN=Not A CA', issued 'CN=victim'/);
    });

    it('untrusted_root names the root the sender sent, and why it could not be trusted anyway', async () => {
      const keys = await rsaKeys(1024);
      const otherRoot = await issueCertificate({ subjectDN: 'CN=Other Root', publicKey: keys.publicKey, signingKey: keys.privateKey, ca: true });
      const ca = await issued({ certificate: otherRoot, privateKey: keys.privateKey }, 'CN=Other CA', { ca: true });
      const leaf = await issued(ca, 'CN=stranger');
      const verdict = await refused(chain(leaf.certificate, [ca.certificate, otherRoot]));
      expect(verdict).toMatchObject({ reason: 'untrusted_root', certificate: otherRoot });
      expect(verdict.message).toBe(
        "the chain of 'CN=stranger' ends at root 'CN=Other Root', which the sender sent but is not a trusted root; it could not be trusted either, as it is refused by the key policy: its RSA key has 1024 bits; at least 2048 are required",
      );
    });

    it('chain_incomplete when the CA sent under the issuer name has another key, not bad_signature', async () => {
      const sameName = await issued(pki.root, pki.intermediate.certificate.subjectDN, { ca: true });
      const alice = (await pki.leaf('alice2')).certificate;
      const verdict = await refused(chain(alice, [sameName.certificate]));
      expect(verdict).toMatchObject({ reason: 'chain_incomplete', certificate: alice });
      expect(verdict.message).toContain('has another key');
    });

    it('a leaf whose signature was altered is still bad_signature', async () => {
      const alice = (await pki.leaf('alice3')).certificate;
      const der = new Uint8Array(alice.der);
      der[der.length - 1] ^= 1;
      expect(await refused(chain(Certificate.fromDer(der)))).toMatchObject({ reason: 'bad_signature' });
    });
  });

  describe('path building stays cheap', () => {
    it('does not count the trust store against the budget: many anchors, one chain', async () => {
      const strangers = await Promise.all(Array.from({ length: 40 }, (_, k) => selfSignedRoot(`CN=Stranger Root ${k}`)));
      const alice = (await pki.leaf('many-anchors')).certificate;
      const verdict = await verifyChain({ ...chain(alice), anchors: [...strangers.map((s) => s.certificate), root] });
      expect(verdict).toMatchObject({ ok: true });
    });

    it('finds the issuer among 100 look-alikes (same name, other keys) in a handful of signature checks', async () => {
      const decoys = await Promise.all(Array.from({ length: 100 }, () => issued(pki.root, pki.intermediate.certificate.subjectDN, { ca: true })));
      const alice = (await pki.leaf('popular')).certificate;
      const started = process.cpuUsage();
      const verdict = await verifyChain(chain(alice, [...decoys.map((d) => d.certificate), pki.intermediate.certificate]));
      const used = process.cpuUsage(started);
      expect(verdict).toMatchObject({ ok: true });
      expect((used.user + used.system) / 1000).toBeLessThan(100);
    }, 60_000);
  });
});

describe('Certificate fields the policy reads', () => {
  it('version, serial bytes, signature algorithms and the whole authority key identifier', async () => {
    const root = await selfSignedRoot('CN=Fields Root');
    const leaf = (await issued(root, 'CN=fields', { serialNumber: '00ff' })).certificate;
    expect(leaf.version).toBe(3);
    expect(Buffer.from(leaf.serialBytes).toString('hex')).toBe('00ff');
    expect(leaf.signatureAlgorithmsAgree).toBe(true);
    expect(leaf.authorityKeyIdentifier).toEqual({
      critical: false,
      keyId: root.certificate.subjectKeyId,
      hasAuthorityCertIssuer: false,
      hasAuthorityCertSerialNumber: false,
    });
  });

  it('isValidAt works at the one-second resolution of certificate times', async () => {
    const root = await selfSignedRoot('CN=Time Root');
    const notAfter = new Date(Math.floor(Date.now() / 1000) * 1000 + 10 * DAY);
    const cert = (await issued(root, 'CN=t', { notAfter })).certificate;
    expect(cert.isValidAt(new Date(notAfter.getTime() + 999))).toBe(true);
    expect(cert.isValidAt(new Date(notAfter.getTime() + 1000))).toBe(false);
  });
});
