import { createTestPki, type TestPki } from '@certgate/testing';
import { singleTrustedCertificate } from './trusted-certificate';

describe('singleTrustedCertificate', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki();
  });

  it('one PEM certificate', () => {
    expect(singleTrustedCertificate(pki.root.certPem).fingerprint).toBe(pki.root.certificate.fingerprint);
  });

  it.each([
    [
      'a bundle',
      () => pki.root.certPem + pki.intermediate.certPem,
      'certificate_is_chain',
      /^certificatePem holds 2 certificates; a trusted certificate entry holds one/,
    ],
    ['a private key', () => pki.root.keyPem, 'certificate_invalid', /^certificatePem: the input contains a private key/],
    ['a certificate with its key', () => pki.root.certPem + pki.root.keyPem, 'certificate_invalid', /^certificatePem: the input contains a private key/],
    ['garbage', () => 'not a certificate', 'certificate_invalid', /^certificatePem: /],
  ])('refuses %s with a 400 saying what it is', (_what, input, code, message) => {
    expect(() => singleTrustedCertificate(input())).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message), details: expect.objectContaining({ field: 'certificate' }) }),
    );
  });
});
