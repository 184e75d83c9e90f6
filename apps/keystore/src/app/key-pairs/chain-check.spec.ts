import { CertgateError } from '@certgate/contracts';
import { createTestPki, type TestPki } from '@certgate/testing';
import { generateKeyPair, issueCertificate, toPemBundle, type Certificate, type CryptoKeyPair } from '@certgate/x509';
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
      code: 'bad_request',
      message: expect.stringMatching(/^the chain does not verify: .*add it to the keystore as a trusted certificate/),
    });
  });

  it('a chain of another key → 400 naming the entry', async () => {
    const other = await pki.issueClient('someone-else');
    const err = await refusal(check([other.certificate, pki.intermediate.certificate, pki.root.certificate]));
    expect(err.code).toBe('bad_request');
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
    expect(err.message).toMatch(/^the chain does not verify: its leaf 'CN=self' is self-signed/);
  });

  it('an expired leaf → 400 with the reason', async () => {
    const expired = await issueFor({ notBefore: new Date(NOW.getTime() - 10 * DAY_MS), notAfter: new Date(NOW.getTime() - DAY_MS) });
    const err = await refusal(check([expired, pki.intermediate.certificate, pki.root.certificate]));
    expect(err).toMatchObject({ details: { reason: 'expired' }, message: expect.stringMatching(/^the chain does not verify: /) });
  });

  it('a serverAuth-only leaf cannot serve as a client certificate → 400', async () => {
    const serverOnly = await issueFor({ eku: ['serverAuth'] });
    const err = await refusal(check([serverOnly, pki.intermediate.certificate, pki.root.certificate]));
    expect(err.details).toMatchObject({ reason: 'wrong_eku' });
  });

  it('something that is not a chain → 400 naming the field', async () => {
    expect((await refusal(check('hello'))).message).toMatch(/^chainPem: /);
    expect((await refusal(check(pki.root.keyPem))).message).toMatch(/^chainPem: the input contains a private key/);
  });
});
