import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate } from './certificate';
import type { CryptoKey } from './engine';
import { X509Error } from './errors';
import { issueCertificate } from './issue';
import { exportPrivateKeyPem, generateKeyPair, keyMatchesCertificate } from './keys';
import { readPkcs12, writePkcs12 } from './pkcs12';
import { toPemBundle } from './parse';
import { ecKeys, itWithOpenssl, openssl, specPki, withTempDir } from './spec-fixtures';

// Few iterations keep the suite fast; the default (100000) is exercised once.
const FAST = 1000;

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(X509Error);
    return (err as X509Error).code;
  }
}

describe('PKCS#12', () => {
  let leaf: Certificate;
  let key: CryptoKey;
  let chain: Certificate[];

  beforeAll(async () => {
    const pki = await specPki();
    const alice = await pki.leaf('alice');
    leaf = alice.certificate;
    key = alice.privateKey;
    chain = [leaf, pki.intermediate.certificate, pki.root.certificate];
  });

  it('round-trips key and chain, leaf first', async () => {
    const p12 = await writePkcs12({ privateKey: key, certificates: chain, password: 'correct horse', friendlyName: 'alice', iterations: FAST });
    const back = await readPkcs12(p12, 'correct horse');
    expect(back.certificates.map((c) => c.fingerprint)).toEqual(chain.map((c) => c.fingerprint));
    expect(back.privateKey && (await keyMatchesCertificate(back.privateKey, leaf))).toBe(true);
    expect(back.privateKeyPem).toBe(await exportPrivateKeyPem(key));
  });

  it('puts the leaf first and orders the chain whatever the order in the file', async () => {
    const p12 = await writePkcs12({ privateKey: key, certificates: [leaf, chain[2], chain[1]], password: 'pw', iterations: FAST });
    const back = await readPkcs12(p12, 'pw');
    expect(back.certificates.map((c) => c.subjectDN)).toEqual(chain.map((c) => c.subjectDN));
  });

  it('handles RSA keys and non-ASCII and empty passwords', async () => {
    const pki = await specPki();
    const rsa = await generateKeyPair({ type: 'RSA', size: 2048 });
    const rsaCert = await issueCertificate({ subjectDN: 'CN=rsa', publicKey: rsa.publicKey, issuer: pki.intermediate });
    for (const password of ['pässwörd ✓', '']) {
      const back = await readPkcs12(await writePkcs12({ privateKey: rsa.privateKey, certificates: [rsaCert], password, iterations: FAST }), password);
      expect(back.privateKey?.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
      expect(back.certificates[0].fingerprint).toBe(rsaCert.fingerprint);
    }
  });

  it('uses 100000 iterations by default', async () => {
    const p12 = await writePkcs12({ privateKey: key, certificates: [leaf], password: 'pw' });
    expect((await readPkcs12(p12, 'pw')).certificates).toHaveLength(1);
  });

  describe('written files are standard', () => {
    itWithOpenssl('OpenSSL 3 opens them: PBES2/AES-256-CBC, HMAC-SHA256 MAC, friendly name, all certificates and the key', async () => {
      const p12 = await writePkcs12({ privateKey: key, certificates: chain, password: 'pässword', friendlyName: 'alice key', iterations: FAST });
      await withTempDir((dir) => {
        writeFileSync(join(dir, 'a.p12'), p12);
        const info = openssl(['pkcs12', '-info', '-noout', '-in', 'a.p12', '-passin', 'pass:pässword'], { cwd: dir });
        expect(info.status).toBe(0);
        expect(info.output).toMatch(/MAC: sha256/);
        expect(info.output).toMatch(/salt length: 16/);
        expect(info.output).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC/);
        expect(info.output).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC/);
        const dump = openssl(['pkcs12', '-in', 'a.p12', '-passin', 'pass:pässword', '-nodes'], { cwd: dir });
        expect(dump.status).toBe(0);
        expect(dump.output.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
        expect(dump.output).toMatch(/friendlyName: alice key/);
        expect(dump.output).toContain('BEGIN PRIVATE KEY');
        const wrong = openssl(['pkcs12', '-info', '-noout', '-in', 'a.p12', '-passin', 'pass:wrong'], { cwd: dir });
        expect(wrong.status).not.toBe(0);
      });
    });
  });

  describe('reading files made by OpenSSL', () => {
    async function opensslExport(dir: string, extra: string[]): Promise<Uint8Array> {
      writeFileSync(join(dir, 'key.pem'), await exportPrivateKeyPem(key));
      writeFileSync(join(dir, 'chain.pem'), toPemBundle(chain));
      const out = openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'chain.pem', '-out', 'x.p12', '-passout', 'pass:secret', ...extra], { cwd: dir });
      expect(out.status).toBe(0);
      return new Uint8Array(readFileSync(join(dir, 'x.p12')));
    }

    itWithOpenssl('reads the OpenSSL 3 default (PBES2 AES-256-CBC, SHA-256 MAC)', async () => {
      await withTempDir(async (dir) => {
        const back = await readPkcs12(await opensslExport(dir, []), 'secret');
        expect(back.certificates.map((c) => c.fingerprint)).toEqual(chain.map((c) => c.fingerprint));
        expect(back.privateKey && (await keyMatchesCertificate(back.privateKey, leaf))).toBe(true);
      });
    });

    itWithOpenssl('reads AES-128 with a SHA-1 MAC, unencrypted certificates, and files without a MAC', async () => {
      await withTempDir(async (dir) => {
        for (const extra of [['-keypbe', 'AES-128-CBC', '-certpbe', 'AES-128-CBC', '-macalg', 'sha1'], ['-certpbe', 'NONE'], ['-nomac']]) {
          const back = await readPkcs12(await opensslExport(dir, extra), 'secret');
          expect(back.certificates[0].fingerprint).toBe(leaf.fingerprint);
        }
      });
    });

    itWithOpenssl('reads a certificates-only file (truststore export)', async () => {
      await withTempDir(async (dir) => {
        writeFileSync(join(dir, 'chain.pem'), toPemBundle(chain));
        expect(openssl(['pkcs12', '-export', '-nokeys', '-in', 'chain.pem', '-out', 't.p12', '-passout', 'pass:secret'], { cwd: dir }).status).toBe(0);
        const back = await readPkcs12(new Uint8Array(readFileSync(join(dir, 't.p12'))), 'secret');
        expect(back.privateKey).toBeUndefined();
        expect(back.privateKeyPem).toBeUndefined();
        expect(back.certificates).toHaveLength(3);
      });
    });

    itWithOpenssl('a legacy file (openssl -legacy: RC2-40 certificates, 3DES key) → pkcs12_legacy_algorithm with the command that converts it', async () => {
      await withTempDir(async (dir) => {
        const legacy = await opensslExport(dir, ['-legacy']);
        const err = await readPkcs12(legacy, 'secret').catch((e: X509Error) => e);
        expect(err).toBeInstanceOf(X509Error);
        expect((err as X509Error).code).toBe('pkcs12_legacy_algorithm');
        expect((err as X509Error).message).toContain('pbeWithSHAAnd40BitRC2-CBC');
        expect((err as X509Error).message).toContain('openssl pkcs12 -in old.p12 -legacy -nodes | openssl pkcs12 -export');
        expect((err as X509Error).message).toContain('-keypbe AES-256-CBC -certpbe AES-256-CBC');
        // The advice does not depend on knowing the password.
        expect(await codeOf(readPkcs12(legacy, 'wrong'))).toBe('pkcs12_legacy_algorithm');
      });
    });

    itWithOpenssl('3DES throughout (-certpbe/-keypbe PBE-SHA1-3DES -macalg sha1) → pkcs12_legacy_algorithm', async () => {
      await withTempDir(async (dir) => {
        const p12 = await opensslExport(dir, ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
        await expect(readPkcs12(p12, 'secret')).rejects.toThrow(
          expect.objectContaining({ code: 'pkcs12_legacy_algorithm', message: expect.stringContaining('pbeWithSHAAnd3-KeyTripleDES-CBC') }),
        );
      });
    });

    itWithOpenssl('a 3DES-protected key inside an AES file is refused as legacy too', async () => {
      await withTempDir(async (dir) => {
        const p12 = await opensslExport(dir, ['-certpbe', 'AES-256-CBC', '-keypbe', 'PBE-SHA1-3DES']);
        expect(await codeOf(readPkcs12(p12, 'secret'))).toBe('pkcs12_legacy_algorithm');
      });
    });

    itWithOpenssl('a file without a MAC and the wrong password → pkcs12_bad_password', async () => {
      await withTempDir(async (dir) => {
        expect(await codeOf(readPkcs12(await opensslExport(dir, ['-nomac']), 'wrong'))).toBe('pkcs12_bad_password');
      });
    });
  });

  describe('refusals', () => {
    let p12: Uint8Array;

    beforeAll(async () => {
      p12 = await writePkcs12({ privateKey: key, certificates: chain, password: 'right', iterations: FAST });
    });

    it('the wrong password → pkcs12_bad_password', async () => {
      expect(await codeOf(readPkcs12(p12, 'wrong'))).toBe('pkcs12_bad_password');
      expect(await codeOf(readPkcs12(p12, ''))).toBe('pkcs12_bad_password');
    });

    it.each([
      ['random bytes', Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])],
      ['a truncated file', () => p12.subarray(0, 200)],
      ['a DER SEQUENCE that is not PKCS#12', Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x05])],
      ['PEM text', () => new TextEncoder().encode(leaf.pem)],
      ['a certificate in DER', () => leaf.der],
    ])('%s → pkcs12_invalid', async (_what, input: Uint8Array | (() => Uint8Array)) => {
      expect(await codeOf(readPkcs12(typeof input === 'function' ? input() : input, 'right'))).toBe('pkcs12_invalid');
    });

    it('an empty file → empty_input', async () => {
      expect(await codeOf(readPkcs12(new Uint8Array(), 'x'))).toBe('empty_input');
    });

    it('a file whose MAC does not match → pkcs12_bad_password, saying the file may be damaged', async () => {
      // MacData ends the file: ... OCTET STRING mac(32), OCTET STRING salt(16), INTEGER 1000 (02 02 03 e8).
      const damaged = new Uint8Array(p12);
      damaged[damaged.length - 4 - 18 - 1] ^= 0x01;
      await expect(readPkcs12(damaged, 'right')).rejects.toThrow(
        expect.objectContaining({ code: 'pkcs12_bad_password', message: expect.stringContaining('damaged') }),
      );
    });

    it('writePkcs12 with a key that is not the first certificate’s → key_mismatch', async () => {
      expect(await codeOf(writePkcs12({ privateKey: (await ecKeys()).privateKey, certificates: chain, password: 'x', iterations: FAST }))).toBe('key_mismatch');
      expect(await codeOf(writePkcs12({ privateKey: key, certificates: [chain[1], leaf], password: 'x', iterations: FAST }))).toBe('key_mismatch');
    });

    it('writePkcs12 without certificates → RangeError', async () => {
      await expect(writePkcs12({ privateKey: key, certificates: [], password: 'x' })).rejects.toThrow(RangeError);
    });

    it('error messages never contain the password', async () => {
      const err = (await readPkcs12(p12, 'hunter2-secret').catch((e: Error) => e)) as Error;
      expect(err.message).not.toContain('hunter2');
    });
  });
});
