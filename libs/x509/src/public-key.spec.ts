import { generateKeyPairSync } from 'node:crypto';
import { X509Error } from './errors';
import { issueCertificate } from './issue';
import { exportPublicKeyPem, generateKeyPair } from './keys';
import { importPublicKeyPem } from './public-key';
import { selfSignedRoot } from './spec-fixtures';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(X509Error);
    return (err as X509Error).code;
  }
}

describe('importPublicKeyPem', () => {
  it.each([
    [{ type: 'EC', curve: 'P-256' } as const, 'ECDSA'],
    [{ type: 'RSA', size: 2048 } as const, 'RSASSA-PKCS1-v1_5'],
  ])(
    'a %j SPKI PEM becomes a key a CA can issue a certificate for',
    async (spec, algorithm) => {
      const keys = await generateKeyPair(spec);
      const publicKey = await importPublicKeyPem(await exportPublicKeyPem(keys.publicKey));
      expect(publicKey.algorithm.name).toBe(algorithm);
      const ca = await selfSignedRoot();
      const cert = await issueCertificate({ subjectDN: 'CN=holder', publicKey, issuer: ca });
      expect(Buffer.from(cert.spkiDer).toString('base64')).toBe(Buffer.from(await crypto.subtle.exportKey('spki', keys.publicKey)).toString('base64'));
    },
    30_000,
  );

  it('reads the curve from the key (P-384)', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const key = await importPublicKeyPem(publicKey.export({ type: 'spki', format: 'pem' }) as string);
    expect(key.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-384' });
  });

  it('empty → empty_input', async () => {
    expect(await codeOf(importPublicKeyPem('  '))).toBe('empty_input');
  });

  it.each([
    ['garbage', 'not a key'],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
    ['a damaged key', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'],
  ])('%s → parse_error', async (_what, pem) => {
    expect(await codeOf(importPublicKeyPem(pem))).toBe('parse_error');
  });

  it('a private key is refused, not silently reduced to its public half', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const err = await importPublicKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).catch((e: X509Error) => e);
    expect(err).toMatchObject({ code: 'parse_error', message: expect.stringContaining('private key') });
  });

  it.each([
    ['RSA 1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey],
    ['Ed25519', () => generateKeyPairSync('ed25519').publicKey],
    ['EC secp256k1', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey],
  ])('%s → unsupported_algorithm', async (_what, make) => {
    expect(await codeOf(importPublicKeyPem(make().export({ type: 'spki', format: 'pem' }) as string))).toBe('unsupported_algorithm');
  });
});
