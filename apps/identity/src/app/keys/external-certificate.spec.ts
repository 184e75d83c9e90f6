import { CertgateError } from '@certgate/contracts';
import { createTestPki, type TestPki } from '@certgate/testing';
import { acceptExternalCertificate } from './external-certificate';

function refusal(pem: string, now = new Date()): CertgateError {
  try {
    acceptExternalCertificate(pem, now);
  } catch (err) {
    expect(err).toBeInstanceOf(CertgateError);
    return err as CertgateError;
  }
  throw new Error('expected the certificate to be refused');
}

describe('acceptExternalCertificate', () => {
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
  });

  it('accepts one valid clientAuth leaf', async () => {
    const leaf = await pki.issueClient('sender-a');
    expect(acceptExternalCertificate(leaf.certPem, new Date()).fingerprint).toBe(leaf.certificate.fingerprint);
  });

  it('accepts a leaf without extended key usage (any purpose)', async () => {
    const leaf = await pki.issueClient('any', { extendedKeyUsage: [] });
    expect(acceptExternalCertificate(leaf.certPem, new Date()).subjectCN).toBe('any');
  });

  it('a chain → 400 "send only the leaf certificate, not a chain"', async () => {
    const leaf = await pki.issueClient('sender-b');
    const err = refusal(leaf.chainPem);
    expect(err.code).toBe('certificate_is_chain');
    expect(err.details).toMatchObject({ field: 'certificate', certificates: 2 });
    expect(err.message).toContain('send only the leaf certificate, not a chain');
  });

  it('a CA certificate → 400 certificate_is_ca', () => {
    expect(refusal(pki.intermediate.certPem).message).toMatch(/is a CA certificate/);
    expect(refusal(pki.root.certPem).code).toBe('certificate_is_ca');
  });

  it('an expired certificate → 400 with the date', async () => {
    const notAfter = new Date(Date.now() - 86_400_000);
    const leaf = await pki.issueClient('old', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter });
    const err = refusal(leaf.certPem);
    expect(err.code).toBe('certificate_expired');
    expect(err.message).toContain('has expired');
    expect(err.message).toContain(leaf.certificate.notAfter.toISOString());
  });

  it('a certificate not valid yet → 400 with the date', async () => {
    const leaf = await pki.issueClient('future', { notBefore: new Date(Date.now() + 86_400_000), validityDays: 30 });
    const err = refusal(leaf.certPem);
    expect(err.code).toBe('certificate_not_yet_valid');
    expect(err.message).toContain('is not valid yet');
    expect(err.message).toContain(leaf.certificate.notBefore.toISOString());
  });

  it('a serverAuth-only certificate → 400: the ingress would refuse it', async () => {
    const server = await pki.issueServer('server.example');
    expect(refusal(server.certPem)).toMatchObject({ code: 'certificate_wrong_usage', message: expect.stringMatching(/not allowed for client authentication/) });
  });

  it.each([
    ['garbage', 'hello'],
    ['a truncated PEM', '-----BEGIN CERTIFICATE-----\nMIIB'],
    ['a CSR', '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n'],
  ])('%s → 400 with the reason', (_what, pem) => {
    const err = refusal(pem);
    expect(err.code).toBe('certificate_invalid');
    expect(err.details).toMatchObject({ field: 'certificate' });
    expect(err.message).toMatch(/^certificate: .{10,}/);
  });

  it('a private key pasted with the certificate is refused without echoing it', async () => {
    const leaf = await pki.issueClient('careless');
    const err = refusal(leaf.certPem + leaf.keyPem);
    expect(err.message).toContain('private key');
    expect(err.message).not.toContain(leaf.keyPem.split('\n')[1]);
  });
});
