import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptedKey } from '@certgate/contracts';

/*
 * Key derivation: HKDF-SHA256 over the UTF-8 bytes of CERTGATE_MASTER_KEY with a
 * fixed salt and info. Both are public on purpose: they separate this use of the
 * master key from any other (the ingress also encrypts with it), while the secret is
 * the master key alone. Changing either makes every stored key unreadable, hence the
 * version in the salt.
 */
export const KEY_VAULT_HKDF_SALT = 'certgate/keystore/v1';
export const KEY_VAULT_HKDF_INFO = 'private keys at rest, AES-256-GCM';
export const MIN_MASTER_KEY_LENGTH = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A private key that cannot be opened: wrong master key, altered ciphertext, or a ciphertext moved to another alias. */
export class KeyVaultError extends Error {
  override readonly name = 'KeyVaultError';
}

/**
 * Seals private keys for the keystore bucket: AES-256-GCM, a random 12-byte IV per
 * seal, and the alias as additional authenticated data, so a ciphertext copied to
 * another entry does not open there. The plain key exists only in memory.
 */
export class KeyVault {
  private readonly key: Buffer;

  constructor(masterKey: string) {
    if (masterKey.length < MIN_MASTER_KEY_LENGTH) {
      throw new KeyVaultError(`CERTGATE_MASTER_KEY must be at least ${MIN_MASTER_KEY_LENGTH} characters long`);
    }
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(masterKey, 'utf8'), KEY_VAULT_HKDF_SALT, KEY_VAULT_HKDF_INFO, 32));
  }

  seal(alias: string, privateKeyPem: string): EncryptedKey {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(alias));
    const data = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
    return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  open(alias: string, sealed: EncryptedKey): string {
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (sealed.alg !== 'A256GCM' || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new KeyVaultError(`the stored private key of '${alias}' is malformed (expected AES-256-GCM with a 12-byte IV and a 16-byte tag)`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(alias));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch (cause) {
      // GCM cannot tell these apart, so the message names all three.
      throw new KeyVaultError(
        `the private key of '${alias}' cannot be decrypted: CERTGATE_MASTER_KEY is not the one it was stored with, or the stored entry was altered or copied from another alias`,
        { cause },
      );
    }
  }
}

function aad(alias: string): Buffer {
  return Buffer.from(`certgate keystore entry:${alias}`, 'utf8');
}
