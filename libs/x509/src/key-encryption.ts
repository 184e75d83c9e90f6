import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { CryptoKey } from './engine';
import { X509Error } from './errors';
import { importKeyObject } from './keys';

/**
 * Private keys at rest are PKCS#8 `ENCRYPTED PRIVATE KEY` PEMs (PBES2, scrypt-free
 * PBKDF2 + AES-256-CBC as OpenSSL writes them), so OpenSSL and Node's TLS can read
 * them with the passphrase and nothing ever holds a plain key on disk.
 */
export function encryptPrivateKeyPem(plainPem: string, passphrase: string): string {
  if (passphrase.length < 16) throw new X509Error('unsupported_algorithm', 'the key passphrase must be at least 16 characters');
  try {
    return createPrivateKey(plainPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string;
  } catch (err) {
    throw new X509Error('parse_error', 'the private key could not be read', { cause: err });
  }
}

/** Opens an encrypted (or plain) PKCS#8/PKCS#1/SEC1 PEM into a WebCrypto key for signing. */
export async function decryptPrivateKey(pem: string, passphrase: string | undefined): Promise<CryptoKey> {
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: pem, passphrase });
  } catch (err) {
    throw new X509Error('parse_error', 'the private key could not be decrypted: wrong passphrase or not a private key', { cause: err });
  }
  return importKeyObject(keyObject);
}
