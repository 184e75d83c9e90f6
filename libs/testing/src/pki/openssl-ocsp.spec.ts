// libs/x509's OCSP request and verdict against `openssl ocsp` as the responder, on loopback.
import { checkRevocation, ocspRequest, ocspVerdict, type Certificate, type OcspStatus } from '@certgate/x509';
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
