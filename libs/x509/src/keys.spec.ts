import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { subtle, type CryptoKeyPair } from './engine';
import { X509Error } from './errors';
import { issueCertificate } from './issue';
import { describeKey, exportPrivateKeyPem, exportPublicKeyPem, generateKeyPair, importPrivateKeyPem, keyMatchesCertificate, type KeySpec } from './keys';
import { ecKeys } from './spec-fixtures';

async function selfSigned(keys: CryptoKeyPair) {
  return issueCertificate({ subjectDN: 'CN=k', publicKey: keys.publicKey, signingKey: keys.privateKey });
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(X509Error);
    return (err as X509Error).code;
  }
}

describe('keys', () => {
  it.each<[KeySpec, string]>([
    [{ type: 'EC', curve: 'P-256' }, 'EC P-256'],
    [{ type: 'EC', curve: 'P-384' }, 'EC P-384'],
    [{ type: 'RSA', size: 2048 }, 'RSA 2048'],
    [{ type: 'RSA', size: 3072 }, 'RSA 3072'],
  ])(
    'generates %j extractable keys, described as %s, that survive a PEM round trip',
    async (spec, description) => {
      const keys = await generateKeyPair(spec);
      expect(keys.privateKey.extractable).toBe(true);
      const cert = await selfSigned(keys);
      expect(describeKey(cert)).toBe(description);
      const pem = await exportPrivateKeyPem(keys.privateKey);
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      const back = await importPrivateKeyPem(pem);
      expect(await keyMatchesCertificate(back, cert)).toBe(true);
      expect(back.algorithm.name).toBe(keys.privateKey.algorithm.name);
    },
    60_000,
  );

  it('generates RSA 4096 too', async () => {
    const keys = await generateKeyPair({ type: 'RSA', size: 4096 });
    expect((keys.publicKey.algorithm as unknown as { modulusLength: number }).modulusLength).toBe(4096);
  }, 60_000);

  it.each([[{ type: 'RSA', size: 1024 }], [{ type: 'EC', curve: 'P-521' }], [{ type: 'DSA' }]])('refuses to generate %j', async (spec) => {
    expect(await codeOf(generateKeyPair(spec as unknown as KeySpec))).toBe('unsupported_algorithm');
  });

  it('imports PKCS#1 and SEC1 PEMs, reading type and curve from the key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const rsaKey = await importPrivateKeyPem(rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string);
    const ecKey = await importPrivateKeyPem(ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string);
    expect(rsaKey.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5' });
    expect(ecKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-384' });
  });

  it('imports the key from a PEM file that also holds the certificate', async () => {
    const keys = await ecKeys();
    const cert = await selfSigned(keys);
    const key = await importPrivateKeyPem(cert.pem + (await exportPrivateKeyPem(keys.privateKey)));
    expect(await keyMatchesCertificate(key, cert)).toBe(true);
  });

  describe('importPrivateKeyPem refusals', () => {
    it('empty → empty_input', async () => {
      expect(await codeOf(importPrivateKeyPem(''))).toBe('empty_input');
    });

    it.each([
      ['garbage', 'not a key'],
      ['a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
      ['a damaged key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
    ])('%s → parse_error', async (_what, pem) => {
      expect(await codeOf(importPrivateKeyPem(pem))).toBe('parse_error');
    });

    it('an encrypted key → parse_error saying it is encrypted', async () => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string;
      await expect(importPrivateKeyPem(pem)).rejects.toThrow(/passphrase/);
      const legacy = privateKey.export({ type: 'sec1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string;
      expect(await codeOf(importPrivateKeyPem(legacy))).toBe('parse_error');
    });

    it.each([
      ['Ed25519', () => generateKeyPairSync('ed25519').privateKey],
      ['EC secp256k1', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey],
      ['RSA 1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey],
    ])('%s → unsupported_algorithm', async (_what, make) => {
      const pem = make().export({ type: 'pkcs8', format: 'pem' }) as string;
      expect(await codeOf(importPrivateKeyPem(pem))).toBe('unsupported_algorithm');
    });

    it('messages never echo the key', async () => {
      const pem = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';
      await expect(importPrivateKeyPem(pem)).rejects.toThrow(expect.objectContaining({ message: expect.not.stringContaining('MIGH') }));
    });
  });

  describe('keyMatchesCertificate', () => {
    it('is false for another key of the same type and for another key type', async () => {
      const a = await ecKeys();
      const cert = await selfSigned(a);
      expect(await keyMatchesCertificate((await ecKeys()).privateKey, cert)).toBe(false);
      expect(await keyMatchesCertificate((await generateKeyPair({ type: 'RSA', size: 2048 })).privateKey, cert)).toBe(false);
    });

    it('a key of another type leaves the process able to read keys (Node 20 KeyObject.equals queued an OpenSSL error)', async () => {
      const ecCert = await selfSigned(await ecKeys());
      const rsa = await generateKeyPair({ type: 'RSA', size: 2048 });
      const ecPem = await exportPrivateKeyPem((await ecKeys()).privateKey);
      expect(await keyMatchesCertificate(rsa.privateKey, ecCert)).toBe(false);
      expect(() => createPrivateKey(ecPem)).not.toThrow();
      await expect(importPrivateKeyPem(ecPem)).resolves.toBeDefined();
    });

    it('works for a key that cannot be exported, by signing', async () => {
      const keys = await ecKeys();
      const cert = await selfSigned(keys);
      const pkcs8 = await subtle.exportKey('pkcs8', keys.privateKey);
      const locked = await subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
      expect(await keyMatchesCertificate(locked, cert)).toBe(true);
      const other = await subtle.importKey(
        'pkcs8',
        await subtle.exportKey('pkcs8', (await ecKeys()).privateKey),
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['sign'],
      );
      expect(await keyMatchesCertificate(other, cert)).toBe(false);
    });
  });

  it('exportPublicKeyPem writes an SPKI PEM that Node reads back as the same key', async () => {
    const keys = await ecKeys();
    const pem = await exportPublicKeyPem(keys.publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const expected = createPublicKey(createPrivateKey(await exportPrivateKeyPem(keys.privateKey))).export({ type: 'spki', format: 'pem' });
    expect(pem).toBe(expected);
  });
});
