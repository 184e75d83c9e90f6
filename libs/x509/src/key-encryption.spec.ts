import { decryptPrivateKey, encryptPrivateKeyPem } from './key-encryption';
import { exportPrivateKeyPem, generateKeyPair } from './keys';
import { X509Error } from './errors';

const PASS = 'a-passphrase-of-enough-length';

describe('private keys at rest', () => {
  it.each([
    ['EC P-256', { type: 'EC', curve: 'P-256' } as const],
    ['RSA 2048', { type: 'RSA', size: 2048 } as const],
  ])('an encrypted %s PEM opens with the passphrase into a signing key', async (_name, spec) => {
    const keys = await generateKeyPair(spec);
    const sealed = encryptPrivateKeyPem(await exportPrivateKeyPem(keys.privateKey), PASS);
    expect(sealed).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const opened = await decryptPrivateKey(sealed, PASS);
    expect(opened.usages).toContain('sign');
    expect(opened.algorithm.name).toBe(keys.privateKey.algorithm.name);
  });

  it('a wrong passphrase is a parse_error that carries no key material', async () => {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const sealed = encryptPrivateKeyPem(await exportPrivateKeyPem(keys.privateKey), PASS);
    const err = await decryptPrivateKey(sealed, 'another-passphrase-entirely').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(X509Error);
    expect((err as X509Error).code).toBe('parse_error');
    expect((err as X509Error).message).not.toMatch(/BEGIN|PRIVATE KEY-----/);
  });

  it('refuses a passphrase shorter than 16 characters', async () => {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    expect(() => encryptPrivateKeyPem('-----BEGIN PRIVATE KEY-----', 'short')).toThrow(/at least 16/);
    expect(keys.privateKey.type).toBe('private');
  });
});
