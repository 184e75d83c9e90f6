import { CertgateError } from '@certgate/contracts';
import { createTestPki, type TestLeaf, type TestPki } from '@certgate/testing';
import { resolveCertificateMatchers } from './certificate-matchers';

function refusal(run: () => unknown): CertgateError {
  try {
    run();
  } catch (err) {
    if (err instanceof CertgateError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('resolveCertificateMatchers', () => {
  let pki: TestPki;
  let alice: TestLeaf;

  beforeAll(async () => {
    pki = await createTestPki();
    alice = await pki.issueClient('alice');
  });

  it('a role channel has no matchers', () => {
    expect(resolveCertificateMatchers({ type: 'role', role: 'Role1' })).toEqual([]);
  });

  it('a PEM entry becomes fingerprint, DNs and expiry of that certificate', () => {
    expect(resolveCertificateMatchers({ type: 'client-certificate', certificates: [{ pem: alice.certPem }] })).toEqual([
      {
        fingerprint: alice.certificate.fingerprint,
        subjectDN: alice.certificate.subjectDN,
        issuerDN: alice.certificate.issuerDN,
        notAfter: alice.certificate.notAfter.toISOString(),
      },
    ]);
  });

  it('a DN entry is normalized (case and spacing do not matter), and kept as written for display', () => {
    const [matcher] = resolveCertificateMatchers({
      type: 'client-certificate',
      certificates: [{ subjectDN: 'cn = ALICE ,  O=Acme   Corp', issuerDN: 'CN=Issuing CA,O=Acme Corp' }],
    });
    expect(matcher).toEqual({
      normalizedSubjectDN: 'cn=alice,o=acme corp',
      normalizedIssuerDN: 'cn=issuing ca,o=acme corp',
      normalizedSubjectDNReversed: 'o=acme corp,cn=alice',
      normalizedIssuerDNReversed: 'o=acme corp,cn=issuing ca',
      subjectDN: 'cn = ALICE ,  O=Acme   Corp',
      issuerDN: 'CN=Issuing CA,O=Acme Corp',
    });
  });

  it("a certificate's own DNs and a DN entry written differently normalize alike", () => {
    const loud = alice.certificate.subjectDN.toUpperCase().replace(/, /g, ' ,   ');
    const [dn] = resolveCertificateMatchers({ type: 'client-certificate', certificates: [{ subjectDN: loud, issuerDN: alice.certificate.issuerDN }] });
    expect('normalizedSubjectDN' in dn && dn.normalizedSubjectDN).toBe(alice.certificate.normalizedSubject);
  });

  it('an unreadable PEM refuses the deployment naming the entry', () => {
    const err = refusal(() =>
      resolveCertificateMatchers({
        type: 'client-certificate',
        certificates: [{ pem: alice.certPem }, { pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }],
      }),
    );
    expect(err.code).toBe('certificate_invalid');
    expect(err.message).toMatch(/^sender\.authorization\.certificates\[1\]: /);
    expect(err.details).toMatchObject({ field: 'sender.authorization.certificates[1]', index: 1 });
  });

  it('a chain where one certificate is expected is refused', () => {
    const err = refusal(() => resolveCertificateMatchers({ type: 'client-certificate', certificates: [{ pem: alice.chainPem }] }));
    expect(err.code).toBe('certificate_is_chain');
    expect(err.message).toMatch(/^sender\.authorization\.certificates\[0\]: /);
  });

  it('a DN that does not parse is refused naming the entry and the field', () => {
    const err = refusal(() =>
      resolveCertificateMatchers({ type: 'client-certificate', certificates: [{ subjectDN: 'CN=a', issuerDN: 'no equals sign here' }] }),
    );
    expect(err.code).toBe('validation_failed');
    expect(err.message).toMatch(/^sender\.authorization\.certificates\[0\]\.issuerDN: .*no equals sign here/);
  });
});
