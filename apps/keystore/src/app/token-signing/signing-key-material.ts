import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type KeyLike } from 'jose';
import { ecPublicJwkSchema, OAUTH_SIGNING_ALG, type StoredSigningKey } from '@certgate/contracts';
import type { KeyVault } from '../vault/key-vault';

export interface SigningKeyMaterial {
  record: StoredSigningKey;
  privateKey: KeyLike;
}

/*
 * The vault binds each sealed key to a label. Entry aliases never hold a ':', so a
 * signing key's ciphertext cannot be opened as a keystore entry's, nor the other way.
 */
const vaultLabel = (kid: string) => `oauth-signing-key:${kid}`;

/** A fresh ES256 (P-256) token signing key; its id is the RFC 7638 thumbprint of the public key. */
export async function createSigningKey(vault: KeyVault, now: Date): Promise<SigningKeyMaterial> {
  const { publicKey, privateKey } = await generateKeyPair(OAUTH_SIGNING_ALG, { extractable: true });
  const publicJwk = ecPublicJwkSchema.parse(await exportJWK(publicKey));
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return {
    record: {
      kid,
      alg: OAUTH_SIGNING_ALG,
      owner: 'system',
      publicJwk,
      encryptedKey: vault.seal(vaultLabel(kid), await exportPKCS8(privateKey)),
      createdAt: now.toISOString(),
    },
    privateKey,
  };
}

/** The private key of a stored signing key, in memory only (throws KeyVaultError under another master key). */
export async function openSigningKey(vault: KeyVault, record: StoredSigningKey): Promise<KeyLike> {
  return importPKCS8(vault.open(vaultLabel(record.kid), record.encryptedKey), OAUTH_SIGNING_ALG);
}
