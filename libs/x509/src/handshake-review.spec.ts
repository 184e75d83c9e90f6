import { reviewHandshakeChain } from './handshake-review';
import { issued, specPki } from './spec-fixtures';

describe('reviewHandshakeChain: OpenSSL in the handshake, then the certificate policy', () => {
  let pki: Awaited<ReturnType<typeof specPki>>;

  beforeAll(async () => {
    pki = await specPki();
  });

  const chainOf = async (cn = 'alice') => [(await pki.leaf(cn)).certificate, pki.intermediate.certificate, pki.root.certificate];

  it('admits a chain both accept', async () => {
    const review = await reviewHandshakeChain({ tlsError: '', chain: await chainOf(), anchors: [pki.root.certificate], purpose: 'clientAuth' });
    expect(review).toMatchObject({ ok: true });
    expect((review as { chain: { subjectDN: string }[] }).chain.map((c) => c.subjectDN)).toEqual((await chainOf()).map((c) => c.subjectDN));
  });

  it('refuses a chain OpenSSL accepted and the policy refuses, with the policy reason (engine: policy)', async () => {
    const poser = await issued(pki.root, 'CN=Poser, O=Spec', { ca: true, extendedKeyUsage: ['clientAuth'] });
    const review = await reviewHandshakeChain({
      tlsError: '',
      chain: [poser.certificate, pki.root.certificate],
      anchors: [pki.root.certificate],
      purpose: 'clientAuth',
    });
    expect(review).toMatchObject({ ok: false, reason: 'leaf_is_ca', engine: 'policy' });
  });

  it('keeps a refusal of OpenSSL that the policy would not make, with OpenSSL reason (nothing fails open)', async () => {
    const review = await reviewHandshakeChain({
      tlsError: 'CERT_UNTRUSTED_BY_PLUGIN',
      chain: await chainOf(),
      anchors: [pki.root.certificate],
      purpose: 'clientAuth',
    });
    expect(review).toMatchObject({ ok: false, reason: 'unknown', engine: 'openssl' });
    expect((review as { message: string }).message).toContain('CERT_UNTRUSTED_BY_PLUGIN');
  });

  it('tells the policy reason, which names the certificate, when both refuse', async () => {
    const leaf = (await pki.leaf('bob')).certificate;
    const review = await reviewHandshakeChain({
      tlsError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      chain: [leaf],
      anchors: [pki.root.certificate],
      purpose: 'clientAuth',
    });
    expect(review).toMatchObject({ ok: false, reason: 'chain_incomplete', engine: 'both' });
    expect((review as { message: string }).message).toContain(pki.intermediate.certificate.subjectDN);
  });

  it("takes OpenSSL's reason, at the depth where Node's chain stops, when Node left out an issuer OpenSSL refused to link", async () => {
    const leaf = (await pki.leaf('carol')).certificate;
    const review = await reviewHandshakeChain({ tlsError: 'UNSPECIFIED', chain: [leaf], anchors: [pki.root.certificate], purpose: 'clientAuth' });
    expect(review).toMatchObject({ ok: false, reason: 'not_a_ca', engine: 'both' });
    expect((review as { message: string }).message).toMatch(
      /the issuer 'CN=Spec Issuing CA,O=Spec' of 'CN=carol,O=Spec', at depth 1, was sent but OpenSSL would not take it/,
    );
  });
});
