import { CertgateError, chainFailureCode, HTTP_STATUS_OF } from '@certgate/contracts';
import { createTestPki, type TestPki } from '@certgate/testing';
import { ChainFailureReason, generateKeyPair, issueCertificate, toPemBundle, type Certificate, type CryptoKeyPair } from '@certgate/x509';
import { checkChainForKey, keystoreCertificates } from './chain-check';

const NOW = new Date();
const DAY_MS = 86_400_000;

async function refusal(p: Promise<unknown>): Promise<CertgateError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof CertgateError)) throw new Error(`expected a CertgateError, got ${String(err)}`);
  return err;
}

describe('checkChainForKey', () => {
  let pki: TestPki;
  let keys: CryptoKeyPair;
  let leaf: Certificate;

  const issueFor = (o: { eku?: string[]; notAfter?: Date; notBefore?: Date } = {}) =>
    issueCertificate({
      subjectDN: 'CN=tenant-a, O=Acme',
      publicKey: keys.publicKey,
      issuer: { certificate: pki.intermediate.certificate, privateKey: pki.intermediate.privateKey },
      notBefore: o.notBefore,
      notAfter: o.notAfter,
      extendedKeyUsage: o.eku ?? ['clientAuth'],
    });
  const check = (chain: Certificate[] | string, keystore: Certificate[] = []) =>
    checkChainForKey({
      owner: "'a'",
      privateKey: keys.privateKey,
      chainPem: typeof chain === 'string' ? chain : toPemBundle(chain),
      keystoreCertificates: keystore,
      now: NOW,
    });

  beforeAll(async () => {
    pki = await createTestPki();
    keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    leaf = await issueFor();
  });

  it('a whole chain with its root: the verified path, leaf first, root last', async () => {
    const path = await check([leaf, pki.intermediate.certificate, pki.root.certificate]);
    expect(path.map((c) => c.fingerprint)).toEqual([leaf, pki.intermediate.certificate, pki.root.certificate].map((c) => c.fingerprint));
  });

  it('a root held by the keystore completes a chain sent without it', async () => {
    const path = await check([leaf, pki.intermediate.certificate], [pki.root.certificate]);
    expect(path).toHaveLength(3);
  });

  it('an intermediate and root held by the keystore complete a leaf sent alone', async () => {
    const path = await check([leaf], keystoreCertificates([pki.root.certPem, toPemBundle([pki.intermediate.certificate, pki.root.certificate])]));
    expect(path.map((c) => c.subjectDN)).toEqual([leaf.subjectDN, pki.intermediate.certificate.subjectDN, pki.root.certificate.subjectDN]);
  });

  it('no root anywhere → 400 saying where a root may come from', async () => {
    const err = await refusal(check([leaf, pki.intermediate.certificate]));
    expect(err).toMatchObject({
      code: 'chain_incomplete',
      details: { field: 'chain', reason: 'chain_incomplete' },
      message: expect.stringMatching(/^the chain does not verify: .*add it to the keystore as a trusted certificate/),
    });
  });

  it('a chain of another key → 400 naming the entry', async () => {
    const other = await pki.issueClient('someone-else');
    const err = await refusal(check([other.certificate, pki.intermediate.certificate, pki.root.certificate]));
    expect(err.code).toBe('key_mismatch');
    expect(err.message).toMatch(/^the leaf certificate does not match the private key of 'a' \(the leaf is 'CN=someone-else/);
  });

  it("the key's certificate not first → 400 saying which one to put first", async () => {
    const err = await refusal(check([pki.intermediate.certificate, leaf, pki.root.certificate]));
    expect(err.message).toContain(
      `the leaf certificate does not match the private key of 'a': certificate #2 of the chain ('${leaf.subjectDN}') is the one for this key; put it first`,
    );
  });

  it('a self-signed leaf → 400', async () => {
    const self = await issueCertificate({ subjectDN: 'CN=self', publicKey: keys.publicKey, signingKey: keys.privateKey });
    const err = await refusal(check([self]));
    expect(err.code).toBe('self_signed_leaf');
    expect(err.message).toMatch(/^the chain does not verify: its leaf 'CN=self' is self-signed/);
  });

  it('an expired leaf → 400 with the reason', async () => {
    const expired = await issueFor({ notBefore: new Date(NOW.getTime() - 10 * DAY_MS), notAfter: new Date(NOW.getTime() - DAY_MS) });
    const err = await refusal(check([expired, pki.intermediate.certificate, pki.root.certificate]));
    expect(err).toMatchObject({ code: 'certificate_expired', details: { reason: 'expired' }, message: expect.stringMatching(/^the chain does not verify: /) });
  });

  it('a serverAuth-only leaf cannot serve as a client certificate → 400', async () => {
    const serverOnly = await issueFor({ eku: ['serverAuth'] });
    const err = await refusal(check([serverOnly, pki.intermediate.certificate, pki.root.certificate]));
    expect(err).toMatchObject({ code: 'wrong_eku', details: { field: 'chain', reason: 'wrong_eku' } });
  });

  it('something that is not a chain → 400 naming the field', async () => {
    expect(await refusal(check('hello'))).toMatchObject({ code: 'certificate_invalid', message: expect.stringMatching(/^chainPem: /) });
    expect((await refusal(check(pki.root.keyPem))).message).toMatch(/^chainPem: the input contains a private key/);
  });
});

describe('chain-failure reasons as error codes', () => {
  const SAME_AS: Record<string, string> = {
    expired: 'certificate_expired',
    not_yet_valid: 'certificate_not_yet_valid',
    no_certificate: 'certificate_invalid',
    unknown: 'chain_invalid',
    // Revocation is a trusted root's policy on the ingress; no admin request answers with these.
    revoked: 'chain_invalid',
    revocation_unknown: 'chain_invalid',
  };
  it.each(Object.values(ChainFailureReason))('%s is an error code of its own (or the certificate code it stands for), status 400', (reason) => {
    const code = chainFailureCode(reason);
    expect(HTTP_STATUS_OF[code]).toBe(400);
    expect(code).toBe(SAME_AS[reason] ?? reason);
  });
});
