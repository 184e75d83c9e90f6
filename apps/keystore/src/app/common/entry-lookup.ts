import { CertgateError, ErrorCode, KeystoreKv, type EncryptedKey, type PendingKeyPair, type StoredKeystoreEntry } from '@certgate/contracts';
import type { KvRepository, Versioned } from '@certgate/messaging';

export type KeyPairEntry = StoredKeystoreEntry & { kind: 'key-pair'; encryptedKey: EncryptedKey };

/** The keystore's entries, each under `KeystoreKv.entry(alias)`. */
export type KeystoreEntries = KvRepository<StoredKeystoreEntry>;

export async function findEntry(entries: KeystoreEntries, alias: string): Promise<StoredKeystoreEntry | undefined> {
  return (await entries.get(KeystoreKv.entry(alias)))?.value;
}

/** The entry with the revision it was read at: the condition of a later update or delete. */
export async function requireEntry(entries: KeystoreEntries, alias: string): Promise<Versioned<StoredKeystoreEntry>> {
  const found = await entries.get(KeystoreKv.entry(alias));
  if (!found) throw new CertgateError(ErrorCode.entryNotFound, `no keystore entry with alias '${alias}'`, { alias });
  return found;
}

export async function listEntries(entries: KeystoreEntries): Promise<StoredKeystoreEntry[]> {
  return (await entries.list(`${KeystoreKv.prefix}>`)).map((e) => e.value);
}

/** The entry as a key pair; `what` completes "it has no private key to ...", e.g. "sign a CSR with". */
export function asKeyPair(entry: StoredKeystoreEntry, what: string): KeyPairEntry {
  if (entry.kind !== 'key-pair' || !entry.encryptedKey) {
    throw new CertgateError(ErrorCode.notAKeyPair, `'${entry.alias}' is a trusted certificate, not a key pair: it has no private key to ${what}`, {
      alias: entry.alias,
      kind: entry.kind,
    });
  }
  return entry as KeyPairEntry;
}

/** Refuses an alias that is taken, before the expensive part (an RSA 4096 key takes seconds); `createEntry` decides races. */
export async function requireFreeAlias(entries: KeystoreEntries, alias: string): Promise<void> {
  const existing = await findEntry(entries, alias);
  if (existing) throw aliasTaken(alias, existing.kind);
}

export function aliasTaken(alias: string, kind?: StoredKeystoreEntry['kind']): CertgateError {
  const what = kind === 'certificate' ? 'a trusted certificate' : kind === 'key-pair' ? 'a key pair' : 'another entry';
  return new CertgateError(
    ErrorCode.aliasTaken,
    `alias '${alias}' is already taken by ${what} in the keystore; choose another alias or delete that entry first`,
    { alias },
  );
}

export function requirePending(entry: StoredKeystoreEntry): PendingKeyPair {
  if (!entry.pending) throw new CertgateError(ErrorCode.renewalNotFound, `no renewal of '${entry.alias}' is pending: start one first`, { alias: entry.alias });
  return entry.pending;
}
