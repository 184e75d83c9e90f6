import { Certificate } from './certificate';
import { ChainFailureReason, describeReason, isValidAnchor, reasonFromTlsError, verifyChain, type ChainVerdict, type VerifyChainOptions } from './chain';
import { issueCertificate } from './issue';
import { DAY, ecKeys, issued, selfSignedRoot, specPki, type Ca } from './spec-fixtures';

type Failed = Extract<ChainVerdict, { ok: false }>;

async function refused(opts: VerifyChainOptions): Promise<Failed> {
  const verdict = await verifyChain(opts);
  if (verdict.ok) throw new Error(`expected a refusal, got ok for ${opts.leaf.subjectDN}`);
  return verdict;
}

function tampered(cert: Certificate): Certificate {
  const der = new Uint8Array(cert.der);
  der[der.length - 1] ^= 0x01;
  return Certificate.fromDer(der);
}

describe('verifyChain', () => {
  let pki: Awaited<ReturnType<typeof specPki>>;
  let root: Certificate;
  let intermediate: Certificate;
  let alice: Certificate;
  const now = new Date();

  beforeAll(async () => {
    pki = await specPki();
    root = pki.root.certificate;
    intermediate = pki.intermediate.certificate;
    alice = (await pki.leaf('alice')).certificate;
  });

  const base = (leaf: Certificate, intermediates: Certificate[] = [intermediate]): VerifyChainOptions => ({
    leaf,
    intermediates,
    anchors: [root],
    purpose: 'clientAuth',
    at: now,
  });

  it('accepts a whole chain and returns it leaf → anchor', async () => {
    const verdict = await verifyChain(base(alice));
    expect(verdict).toEqual({ ok: true, chain: [alice, intermediate, root] });
  });

  it('defaults `at` to now', async () => {
    expect(await verifyChain({ leaf: alice, intermediates: [intermediate], anchors: [root], purpose: 'clientAuth' })).toMatchObject({ ok: true });
  });

  it('ignores duplicates, the order of intermediates, strangers and a copy of the root', async () => {
    const stranger = (await selfSignedRoot('CN=Stranger')).certificate;
    const verdict = await verifyChain(base(alice, [stranger, root, intermediate, intermediate]));
    expect(verdict).toEqual({ ok: true, chain: [alice, intermediate, root] });
  });

  it('#multiple-issuers: picks the issuer whose key signed, among several with the same name', async () => {
    const impostor = await issued(pki.root, intermediate.subjectDN, { ca: true, pathLength: 0 });
    const verdict = await verifyChain(base(alice, [impostor.certificate, intermediate]));
    expect(verdict).toEqual({ ok: true, chain: [alice, intermediate, root] });
  });

  it('#multiple-issuers: prefers a path that passes over one that fails (renewed intermediate with the same key)', async () => {
    // An expired and a current certificate for the same CA key: either verifies the signature.
    const keys = await ecKeys();
    const ca = (over: object) => issueCertificate({ subjectDN: 'CN=Renewed CA, O=Spec', publicKey: keys.publicKey, issuer: pki.root, ca: true, ...over });
    const old = await ca({ notBefore: new Date(now.getTime() - 800 * DAY), notAfter: new Date(now.getTime() - DAY) });
    const renewed = await ca({});
    const leaf = await issueCertificate({
      subjectDN: 'CN=bob',
      publicKey: (await ecKeys()).publicKey,
      issuer: { certificate: renewed, privateKey: keys.privateKey },
    });
    expect(await verifyChain(base(leaf, [old, renewed]))).toEqual({ ok: true, chain: [leaf, renewed, root] });
    expect(await verifyChain(base(leaf, [old]))).toMatchObject({ ok: false, reason: 'expired', certificate: old });
  });

  it('accepts serverAuth for a server certificate', async () => {
    const server = await issued(pki.intermediate, 'CN=srv', { extendedKeyUsage: ['serverAuth'], dnsNames: ['srv.example'] });
    expect(await verifyChain({ ...base(server.certificate), purpose: 'serverAuth' })).toMatchObject({ ok: true });
  });

  describe('one test per reason', () => {
    it('no_certificate: nothing to verify', async () => {
      const verdict = await refused({ ...base(alice), leaf: undefined as unknown as Certificate });
      expect(verdict.reason).toBe(ChainFailureReason.noCertificate);
    });

    it('invalid_anchor: no anchors at all', async () => {
      expect((await refused({ ...base(alice), anchors: [] })).reason).toBe('invalid_anchor');
    });

    it('invalid_anchor: an intermediate given as anchor, named in the message', async () => {
      const verdict = await refused({ ...base(alice, []), anchors: [intermediate] });
      expect(verdict.reason).toBe('invalid_anchor');
      expect(verdict.certificate).toBe(intermediate);
      expect(verdict.message).toContain("'CN=Spec Issuing CA,O=Spec' is an intermediate CA certificate");
    });

    it('self_signed_leaf: refused even when it is itself a trusted root', async () => {
      const keys = await ecKeys();
      const selfSigned = await issueCertificate({
        subjectDN: 'CN=me',
        publicKey: keys.publicKey,
        signingKey: keys.privateKey,
        extendedKeyUsage: ['clientAuth'],
      });
      const verdict = await refused(base(selfSigned, []));
      expect(verdict).toMatchObject({ reason: 'self_signed_leaf', certificate: selfSigned });
      expect(verdict.message).toBe("certificate 'CN=me' is self-signed; it must be issued by a CA whose root is trusted");
      expect((await refused({ ...base(root, []), anchors: [root] })).reason).toBe('self_signed_leaf');
    });

    it('chain_incomplete: the leaf without its intermediate, with the message users see', async () => {
      const verdict = await refused(base(alice, []));
      expect(verdict).toMatchObject({ reason: 'chain_incomplete', certificate: alice });
      expect(verdict.message).toBe("issuer of 'CN=alice,O=Spec' (CN=Spec Issuing CA,O=Spec) was not sent: send the whole chain, leaf first");
    });

    it('untrusted_root: a whole chain up to another root', async () => {
      const other = await specPkiNamed('Other');
      const verdict = await refused(base(other.leaf, [other.intermediate, other.root]));
      expect(verdict).toMatchObject({ reason: 'untrusted_root', certificate: other.root });
      expect(verdict.message).toContain("ends at root 'CN=Other Root CA'");
    });

    it('expired: names the expired certificate and the date, whichever level it is at', async () => {
      const notAfter = new Date(Math.floor((now.getTime() - 30 * DAY) / 1000) * 1000);
      const old = await pki.leaf('old', { notBefore: new Date(now.getTime() - 100 * DAY), notAfter });
      const verdict = await refused(base(old.certificate));
      expect(verdict).toMatchObject({ reason: 'expired', certificate: old.certificate });
      expect(verdict.message).toBe(`certificate 'CN=old,O=Spec' has expired on ${notAfter.toISOString()}`);
      // Twenty years on, the root has expired too; the leaf is named first.
      const farFuture = await refused({ ...base(alice), at: new Date(now.getTime() + 20 * 365 * DAY) });
      expect(farFuture).toMatchObject({ reason: 'expired', certificate: alice });
      const oldCa = await issued(pki.root, 'CN=Old CA', { ca: true, notBefore: new Date(now.getTime() - 100 * DAY), notAfter: new Date(now.getTime() - DAY) });
      const fresh = await issued(oldCa, 'CN=fresh');
      expect(await refused(base(fresh.certificate, [oldCa.certificate]))).toMatchObject({ reason: 'expired', certificate: oldCa.certificate });
    });

    it('not_yet_valid', async () => {
      const future = await pki.leaf('future', { notBefore: new Date(now.getTime() + 5 * DAY) });
      const verdict = await refused(base(future.certificate));
      expect(verdict).toMatchObject({ reason: 'not_yet_valid', certificate: future.certificate });
      expect(verdict.message).toMatch(/^certificate 'CN=future,O=Spec' is not valid before \d{4}-/);
    });

    it('bad_signature: a leaf whose signature was altered', async () => {
      const forged = tampered(alice);
      const verdict = await refused(base(forged));
      expect(verdict).toMatchObject({ reason: 'bad_signature', certificate: forged });
    });

    it('bad_signature: an intermediate whose signature was altered', async () => {
      const verdict = await refused(base(alice, [tampered(intermediate)]));
      expect(verdict.reason).toBe('bad_signature');
      expect(verdict.certificate?.subjectDN).toBe(intermediate.subjectDN);
    });

    it('not_a_ca: issuer with cA=false, and issuer without basicConstraints', async () => {
      const fakeCa = await issued(pki.root, 'CN=Not A CA', { keyUsage: ['digitalSignature', 'keyCertSign'] });
      const under = await issued(fakeCa, 'CN=victim');
      const a = await refused(base(under.certificate, [fakeCa.certificate]));
      expect(a).toMatchObject({ reason: 'not_a_ca', certificate: fakeCa.certificate });
      expect(a.message).toContain('cA=false');
      const noBc = await issued(pki.root, 'CN=No BC', { omitBasicConstraints: true, keyUsage: ['keyCertSign'] });
      const under2 = await issued(noBc, 'CN=victim2');
      const b = await refused(base(under2.certificate, [noBc.certificate]));
      expect(b).toMatchObject({ reason: 'not_a_ca', certificate: noBc.certificate });
      expect(b.message).toContain('no basicConstraints');
    });

    it('path_too_long: a pathLen 0 CA above another CA', async () => {
      const sub = await issued(pki.intermediate, 'CN=Sub CA', { ca: true });
      const leaf = await issued(sub, 'CN=deep');
      const verdict = await refused(base(leaf.certificate, [sub.certificate, intermediate]));
      expect(verdict).toMatchObject({ reason: 'path_too_long', certificate: intermediate });
    });

    it('path length: a self-issued intermediate does not count (RFC 5280 §6.1.4)', async () => {
      const ca = await selfSignedRoot('CN=PL Root', { pathLength: 1 });
      const keys = await ecKeys();
      const issuing = await issueCertificate({ subjectDN: 'CN=Issuing', publicKey: keys.publicKey, issuer: ca, ca: true });
      // Key rollover certificate: same name, new key, signed by the old key.
      const newKeys = await ecKeys();
      const rollover = await issueCertificate({
        subjectDN: 'CN=Issuing',
        publicKey: newKeys.publicKey,
        issuer: { certificate: issuing, privateKey: keys.privateKey },
        ca: true,
      });
      const leafKeys = await ecKeys();
      const leaf = await issueCertificate({
        subjectDN: 'CN=l',
        publicKey: leafKeys.publicKey,
        issuer: { certificate: rollover, privateKey: newKeys.privateKey },
      });
      expect(await verifyChain({ leaf, intermediates: [rollover, issuing], anchors: [ca.certificate], purpose: 'clientAuth' })).toMatchObject({ ok: true });
    });

    it('wrong_key_usage: issuer without keyCertSign, and a leaf that may not sign', async () => {
      const noSign = await issued(pki.root, 'CN=No CertSign', { ca: true, keyUsage: ['cRLSign', 'digitalSignature'] });
      const under = await issued(noSign, 'CN=under');
      const a = await refused(base(under.certificate, [noSign.certificate]));
      expect(a).toMatchObject({ reason: 'wrong_key_usage', certificate: noSign.certificate });
      expect(a.message).toContain('lacks keyCertSign');
      const encipherOnly = await pki.leaf('enc', { keyUsage: ['dataEncipherment'] });
      const b = await refused(base(encipherOnly.certificate));
      expect(b).toMatchObject({ reason: 'wrong_key_usage', certificate: encipherOnly.certificate });
    });

    it('leaf key usage follows OpenSSL: keyAgreement suffices for a client, keyEncipherment for a server only', async () => {
      const agreement = await pki.leaf('ka', { keyUsage: ['keyAgreement'] });
      expect(await verifyChain(base(agreement.certificate))).toMatchObject({ ok: true });
      const rsaStyle = await pki.leaf('ke', { keyUsage: ['keyEncipherment'], extendedKeyUsage: [] });
      expect(await verifyChain({ ...base(rsaStyle.certificate), purpose: 'serverAuth' })).toMatchObject({ ok: true });
      expect((await refused(base(rsaStyle.certificate))).reason).toBe('wrong_key_usage');
    });

    it('wrong_eku: a serverAuth-only leaf used for clientAuth, and a CA restricted to serverAuth', async () => {
      const server = await pki.leaf('srv', { extendedKeyUsage: ['serverAuth'] });
      const a = await refused(base(server.certificate));
      expect(a).toMatchObject({ reason: 'wrong_eku', certificate: server.certificate });
      expect(a.message).toBe("certificate 'CN=srv,O=Spec' is not allowed for TLS client authentication (clientAuth): its extended key usage is serverAuth");
      const serverCa = await issued(pki.root, 'CN=Server CA', { ca: true, extendedKeyUsage: ['serverAuth'] });
      const under = await issued(serverCa, 'CN=c', { extendedKeyUsage: ['clientAuth'] });
      expect(await refused(base(under.certificate, [serverCa.certificate]))).toMatchObject({ reason: 'wrong_eku', certificate: serverCa.certificate });
    });

    it('absent EKU means any purpose', async () => {
      const any = await pki.leaf('any', { extendedKeyUsage: [] });
      expect(await verifyChain(base(any.certificate))).toMatchObject({ ok: true });
      expect(await verifyChain({ ...base(any.certificate), purpose: 'serverAuth' })).toMatchObject({ ok: true });
    });

    it('unknown: a critical extension nobody processes is refused (RFC 5280 §4.2)', async () => {
      const odd = await pki.leaf('odd', { extraExtensions: [{ oid: '1.3.6.1.4.1.32473.9', critical: true, value: Uint8Array.of(5, 0) }] });
      expect(await refused(base(odd.certificate))).toMatchObject({ reason: 'unknown', certificate: odd.certificate });
      const harmless = await pki.leaf('fine', { extraExtensions: [{ oid: '1.3.6.1.4.1.32473.9', critical: false, value: Uint8Array.of(5, 0) }] });
      expect(await verifyChain(base(harmless.certificate))).toMatchObject({ ok: true });
    });
  });

  it('reports problems in the documented order: signature before validity before CA flags', async () => {
    const notCa = await issued(pki.root, 'CN=Expired Non-CA', {
      notBefore: new Date(now.getTime() - 10 * DAY),
      notAfter: new Date(now.getTime() - DAY),
      keyUsage: ['keyCertSign'],
    });
    const leaf = await issued(notCa, 'CN=l');
    expect((await refused(base(leaf.certificate, [notCa.certificate]))).reason).toBe('expired');
    expect((await refused(base(tampered(leaf.certificate), [notCa.certificate]))).reason).toBe('bad_signature');
  });

  async function specPkiNamed(name: string) {
    const r = await selfSignedRoot(`CN=${name} Root CA`);
    const i = await issued(r, `CN=${name} Issuing CA`, { ca: true });
    const l = await issued(i, `CN=${name} leaf`);
    return { root: r.certificate, intermediate: i.certificate, leaf: l.certificate };
  }
});

describe('isValidAnchor', () => {
  let root: Ca;

  beforeAll(async () => {
    root = await selfSignedRoot('CN=Anchor Root');
  });

  it('accepts a self-signed CA', async () => {
    expect(await isValidAnchor(root.certificate)).toEqual({ ok: true });
  });

  it.each([
    [
      'an intermediate CA',
      async () => (await issued(root, 'CN=Int', { ca: true })).certificate,
      /'CN=Int' is an intermediate CA certificate issued by 'CN=Anchor Root'/,
    ],
    ['a leaf', async () => (await issued(root, 'CN=Leaf')).certificate, /'CN=Leaf' is an end-entity \(leaf\) certificate/],
    [
      'a self-signed leaf',
      async () => {
        const k = await ecKeys();
        return issueCertificate({ subjectDN: 'CN=Self', publicKey: k.publicKey, signingKey: k.privateKey });
      },
      /'CN=Self' is self-signed but not a CA certificate/,
    ],
    [
      'a CA that names itself as issuer but was signed by another key',
      async () => (await issued(root, 'CN=Anchor Root', { ca: true })).certificate,
      /names itself as its issuer but is not signed by its own key/,
    ],
    [
      'a root whose key usage lacks keyCertSign',
      async () => (await selfSignedRoot('CN=No Sign Root', { keyUsage: ['cRLSign'] })).certificate,
      /lacks keyCertSign/,
    ],
  ])('refuses %s as invalid_anchor, naming it', async (_what, make, message) => {
    const verdict = await isValidAnchor(await make());
    expect(verdict).toMatchObject({ ok: false, reason: 'invalid_anchor' });
    expect((verdict as { message: string }).message).toMatch(message);
  });
});

describe('reasonFromTlsError', () => {
  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'chain_incomplete'],
    ['UNABLE_TO_GET_ISSUER_CERT', 'chain_incomplete'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'chain_incomplete'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted_root'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self_signed_leaf'],
    ['CERT_HAS_EXPIRED', 'expired'],
    ['CERT_NOT_YET_VALID', 'not_yet_valid'],
    ['CERT_SIGNATURE_FAILURE', 'bad_signature'],
    ['INVALID_CA', 'not_a_ca'],
    ['UNSPECIFIED', 'not_a_ca'],
    ['PATH_LENGTH_EXCEEDED', 'path_too_long'],
    ['INVALID_PURPOSE', 'wrong_eku'],
    ['KEYUSAGE_NO_CERTSIGN', 'wrong_key_usage'],
    ['X509_V_ERR_CERT_HAS_EXPIRED', 'expired'],
    ['cert_has_expired', 'expired'],
    ['HOSTNAME_MISMATCH', 'unknown'],
    ['SOMETHING_NEW', 'unknown'],
  ])('%s → %s', (code, reason) => {
    expect(reasonFromTlsError(code)).toBe(reason);
  });

  it.each([undefined, null, ''])('%p (no certificate) → no_certificate', (code) => {
    expect(reasonFromTlsError(code)).toBe('no_certificate');
  });
});

describe('describeReason', () => {
  it('has a distinct sentence for every reason', () => {
    const reasons = Object.values(ChainFailureReason);
    const sentences = reasons.map(describeReason);
    expect(new Set(sentences).size).toBe(reasons.length);
    for (const s of sentences) expect(s.length).toBeGreaterThan(20);
    expect(describeReason('chain_incomplete')).toMatch(/send the whole chain/);
  });

  it('falls back to the unknown sentence for a code it does not know', () => {
    expect(describeReason('nonsense' as ChainFailureReason)).toBe(describeReason('unknown'));
  });
});

describe('ChainFailureReason', () => {
  it('lists the stable codes', () => {
    expect(Object.values(ChainFailureReason).sort()).toEqual(
      [
        'bad_signature',
        'chain_incomplete',
        'expired',
        'invalid_anchor',
        'leaf_is_ca',
        'name_constraints',
        'no_certificate',
        'not_a_ca',
        'not_yet_valid',
        'path_too_long',
        'profile_violation',
        'revocation_unknown',
        'revoked',
        'self_signed_leaf',
        'unknown',
        'untrusted_root',
        'weak_key',
        'wrong_eku',
        'wrong_key_usage',
      ].sort(),
    );
  });
});

describe('messages about a certificate with an empty subject', () => {
  it('name it by its subject alternative name instead of an empty string', async () => {
    const root = await selfSignedRoot('CN=Msg Root');
    const ca = await issued(root, 'CN=Msg CA', { ca: true });
    const robot = await issued(ca, '', { emails: ['robot@example.com'], extendedKeyUsage: ['serverAuth'] });
    const verdict = await verifyChain({ leaf: robot.certificate, intermediates: [ca.certificate], anchors: [root.certificate], purpose: 'clientAuth' });
    expect(verdict).toMatchObject({ ok: false, reason: 'wrong_eku' });
    expect((verdict as { message: string }).message).toContain("certificate with empty subject and email name 'robot@example.com' is not allowed");
  });
});
