import { CertgateError, ErrorCode, type PendingKeyPair, type StoredKeystoreEntry } from '@certgate/contracts';
import { describeKey, exportPrivateKeyPem, type Certificate, type CryptoKey } from '@certgate/x509';
import { certificateFacts } from '../entries/key-pair-entry';
import type { KeyVault } from '../vault/key-vault';
import { openSealedKey, renewalKeyAad } from '../vault/open-sealed-key';

const DAY_MS = 86_400_000;
const MAX_VALIDITY_DAYS = 3650;

/** A renewal lasts as long as the certificate it renews, unless the operator says otherwise. */
export function defaultValidityDays(entry: Pick<StoredKeystoreEntry, 'notBefore' | 'notAfter'>): number {
  const days = Math.round((Date.parse(entry.notAfter) - Date.parse(entry.notBefore)) / DAY_MS);
  return Math.min(Math.max(days, 1), MAX_VALIDITY_DAYS);
}

export function refuseSecondRenewal(entry: StoredKeystoreEntry): void {
  if (!entry.pending) return;
  throw new CertgateError(
    ErrorCode.renewalPending,
    `a renewal of '${entry.alias}' is already pending (started ${entry.pending.createdAt}, ${entry.pending.keyAlgorithm}, subject '${entry.pending.subjectDN}'): activate or cancel it first`,
    { alias: entry.alias },
  );
}

/** The new pair, sealed for `<alias>/renewal` so it never opens as the entry's current key. */
export async function pendingKeyPair(input: {
  alias: string;
  privateKey: CryptoKey;
  certificate: Certificate;
  vault: KeyVault;
  now: Date;
}): Promise<PendingKeyPair> {
  return {
    keyAlgorithm: describeKey(input.certificate),
    ...certificateFacts([input.certificate]),
    encryptedKey: input.vault.seal(renewalKeyAad(input.alias), await exportPrivateKeyPem(input.privateKey)),
    createdAt: input.now.toISOString(),
  };
}

/** The entry with its pending pair as the current one, under the same alias. */
export function activated(entry: StoredKeystoreEntry, pending: PendingKeyPair, vault: KeyVault, now: Date): StoredKeystoreEntry {
  const { pending: _replaced, ...current } = entry;
  const { encryptedKey, createdAt: _started, ...facts } = pending;
  return {
    ...current,
    ...facts,
    encryptedKey: vault.seal(entry.alias, openSealedKey(vault, renewalKeyAad(entry.alias), encryptedKey)),
    updatedAt: now.toISOString(),
  };
}

export function withoutPending(entry: StoredKeystoreEntry, now: Date): StoredKeystoreEntry {
  const { pending: _dropped, ...rest } = entry;
  return { ...rest, updatedAt: now.toISOString() };
}
