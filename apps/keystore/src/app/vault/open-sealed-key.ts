import { CertgateError, ErrorCode, type EncryptedKey } from '@certgate/contracts';
import { importPrivateKeyPem, type CryptoKey } from '@certgate/x509';
import { KeyVault, KeyVaultError } from './key-vault';

/** Additional data of a pending renewal key: it cannot be opened as the entry's current key (aliases hold no '/'). */
export const renewalKeyAad = (alias: string) => `${alias}/renewal`;

/**
 * The PEM of a sealed key, or a CertgateError a caller can pass on: a key the vault
 * cannot open is the keystore's fault (master key, altered bucket), never the caller's.
 */
export function openSealedKey(vault: KeyVault, aad: string, sealed: EncryptedKey): string {
  try {
    return vault.open(aad, sealed);
  } catch (err) {
    if (err instanceof KeyVaultError) throw new CertgateError(ErrorCode.internal, err.message, { alias: aad });
    throw err;
  }
}

/** The sealed key as a signing key; it exists in plain form only in this process' memory. */
export async function openPrivateKey(vault: KeyVault, aad: string, sealed: EncryptedKey): Promise<CryptoKey> {
  return importPrivateKeyPem(openSealedKey(vault, aad, sealed));
}
