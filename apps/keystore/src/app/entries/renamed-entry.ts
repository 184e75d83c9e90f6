import type { StoredKeystoreEntry } from '@certgate/contracts';
import type { KeyVault } from '../vault/key-vault';
import { openSealedKey, renewalKeyAad } from '../vault/open-sealed-key';

/**
 * The entry under `newAlias`. Sealed keys are bound to their alias (the vault's
 * additional data), so the current key and a pending renewal key are opened under the
 * old alias and sealed again under the new one; the certificate facts stay as they are.
 */
export function renamedEntry(
  entry: StoredKeystoreEntry,
  newAlias: string,
  owner: StoredKeystoreEntry['owner'],
  vault: KeyVault,
  now: Date,
): StoredKeystoreEntry {
  const renamed: StoredKeystoreEntry = { ...entry, alias: newAlias, owner, updatedAt: now.toISOString() };
  if (entry.encryptedKey) renamed.encryptedKey = vault.seal(newAlias, openSealedKey(vault, entry.alias, entry.encryptedKey));
  if (entry.pending) {
    const pendingKey = openSealedKey(vault, renewalKeyAad(entry.alias), entry.pending.encryptedKey);
    renamed.pending = { ...entry.pending, encryptedKey: vault.seal(renewalKeyAad(newAlias), pendingKey) };
  }
  return renamed;
}
