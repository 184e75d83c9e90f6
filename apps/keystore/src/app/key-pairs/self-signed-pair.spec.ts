import { describeKey, dnEquals, keyMatchesCertificate } from '@certgate/x509';
import { createSelfSignedPair } from './self-signed-pair';

const NOW = new Date();

describe('createSelfSignedPair', () => {
  it.each([
    [{ keyType: 'EC', curve: 'P-384' } as const, 'EC P-384'],
    [{ keyType: 'RSA', keySize: 2048 } as const, 'RSA 2048'],
  ])('%j: a self-signed clientAuth certificate of the asked subject and validity', async (spec, algorithm) => {
    const { privateKey, certificate } = await createSelfSignedPair({ spec, subjectDN: 'CN=tenant-a, O=Acme', validityDays: 90, now: NOW });
    expect(describeKey(certificate)).toBe(algorithm);
    expect(dnEquals(certificate.subjectDN, 'CN=tenant-a, O=Acme')).toBe(true);
    expect(certificate.issuerDN).toBe(certificate.subjectDN);
    expect(certificate.extendedKeyUsage).toEqual(['clientAuth']);
    expect(Math.round((certificate.notAfter.getTime() - NOW.getTime()) / 86_400_000)).toBe(90);
    expect(await keyMatchesCertificate(privateKey, certificate)).toBe(true);
  });

  it.each(['XYZ=1, O', '', 'CN'])('subject %j → 400 naming subjectDN', async (subjectDN) => {
    await expect(createSelfSignedPair({ spec: { keyType: 'EC', curve: 'P-256' }, subjectDN, validityDays: 1, now: NOW })).rejects.toMatchObject({
      code: 'subject_dn_invalid',
      message: expect.stringMatching(/^subjectDN: /),
      details: { field: 'subjectDN' },
    });
  });
});
