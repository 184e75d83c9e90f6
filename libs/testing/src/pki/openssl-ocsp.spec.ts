// libs/x509's OCSP request and verdict against `openssl ocsp` as the responder, on loopback.
import { checkRevocation, ocspNonce, ocspRequest, ocspVerdict, type Certificate, type OcspStatus } from '@certgate/x509';
import { opensslAvailable } from './openssl';
import { startOpensslOcspResponder, type OpensslOcspResponder } from './openssl-ocsp';
import { createTestPki, type TestLeaf, type TestPki } from './test-pki';

const describeWithOpenssl = opensslAvailable() ? describe : describe.skip;

async function ask(url: string, cert: Certificate, issuer: Certificate): Promise<OcspStatus> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: ocspRequest(cert, issuer) });
  return ocspVerdict(new Uint8Array(await res.arrayBuffer()), cert, issuer);
}

describeWithOpenssl('OCSP against openssl ocsp on loopback', () => {
  let pki: TestPki;
  let alice: TestLeaf;
  let bob: TestLeaf;
  let responder: OpensslOcspResponder;

  beforeAll(async () => {
    pki = await createTestPki();
    [alice, bob] = await Promise.all([pki.issueClient('alice'), pki.issueClient('bob')]);
    responder = await startOpensslOcspResponder(pki.intermediate, [
      { certificate: alice.certificate, status: 'good' },
      { certificate: bob.certificate, status: 'revoked' },
    ]);
  });

  afterAll(async () => {
    await responder?.stop();
  });

  it('good, revoked (with the reason) and unknown, as the responder says', async () => {
    expect(await ask(responder.url, alice.certificate, pki.intermediate.certificate)).toMatchObject({ status: 'good', nextUpdate: expect.any(Date) });
    expect(await ask(responder.url, bob.certificate, pki.intermediate.certificate)).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    const carol = await pki.issueClient('carol');
    expect(await ask(responder.url, carol.certificate, pki.intermediate.certificate)).toMatchObject({
      status: 'unknown',
      problem: expect.stringContaining("says 'unknown'"),
    });
  });

  it('an answer signed by another CA, or about another certificate, is not taken', async () => {
    const other = await createTestPki();
    const impostor = await startOpensslOcspResponder(other.intermediate, [{ certificate: alice.certificate, status: 'good' }]);
    try {
      const verdict = await ask(impostor.url, alice.certificate, pki.intermediate.certificate);
      expect(verdict.status).toBe('unknown');
    } finally {
      await impostor.stop();
    }
    const res = await fetch(responder.url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: ocspRequest(alice.certificate, pki.intermediate.certificate),
    });
    const aboutAlice = new Uint8Array(await res.arrayBuffer());
    expect(ocspVerdict(aboutAlice, bob.certificate, pki.intermediate.certificate)).toMatchObject({
      status: 'unknown',
      problem: expect.stringContaining('does not speak of this certificate'),
    });
    expect(ocspVerdict(new Uint8Array([1, 2, 3]), alice.certificate, pki.intermediate.certificate)).toMatchObject({ status: 'unknown' });
  });

  it('sends a nonce the responder echoes, and refuses an answer carrying another', async () => {
    const nonce = ocspNonce();
    const res = await fetch(responder.url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: ocspRequest(alice.certificate, pki.intermediate.certificate, nonce),
    });
    const answer = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(answer).includes(Buffer.from(nonce))).toBe(true);
    expect(ocspVerdict(answer, alice.certificate, pki.intermediate.certificate, { nonce })).toMatchObject({ status: 'good' });
    expect(ocspVerdict(answer, alice.certificate, pki.intermediate.certificate, { nonce: ocspNonce() })).toMatchObject({
      status: 'unknown',
      problem: expect.stringContaining('nonce'),
    });
  });

  it("takes a delegated responder's answer only if the issuer really issued its certificate", async () => {
    const [real, twin] = await Promise.all([createTestPki({ name: 'OCSP Twin' }), createTestPki({ name: 'OCSP Twin' })]);
    const dave = await real.issueClient('dave');
    const delegated = await real.issueClient('responder', { extendedKeyUsage: ['OCSPSigning'] });
    // Same issuer name as the real CA's responder, other key: only the signature tells them apart.
    const forged = await twin.issueClient('responder', { extendedKeyUsage: ['OCSPSigning'] });
    for (const [signer, expected] of [
      [delegated, { status: 'good' }],
      [forged, { status: 'unknown', problem: expect.stringContaining('did not issue') }],
    ] as const) {
      const delegatedResponder = await startOpensslOcspResponder(real.intermediate, [{ certificate: dave.certificate, status: 'good' }], { signer });
      try {
        expect(await ask(delegatedResponder.url, dave.certificate, real.intermediate.certificate)).toMatchObject(expected);
      } finally {
        await delegatedResponder.stop();
      }
    }
  });

  it('checkRevocation asks OCSP where no CRL is current: revoked refuses, good admits', async () => {
    const ocsp = (cert: Certificate, issuer: Certificate) =>
      cert.fingerprint === pki.intermediate.certificate.fingerprint ? Promise.resolve<OcspStatus>({ status: 'good' }) : ask(responder.url, cert, issuer);
    const path = (leaf: TestLeaf) => [...leaf.chain, pki.root.certificate];
    expect(await checkRevocation({ chain: path(alice), crlsOf: () => [], mode: 'fail-closed', ocsp })).toEqual({ ok: true, unknown: [] });
    expect(await checkRevocation({ chain: path(bob), crlsOf: () => [], mode: 'fail-closed', ocsp })).toMatchObject({
      ok: false,
      reason: 'revoked',
      message: expect.stringContaining('(OCSP)'),
    });
  });
});
