import { CertgateError, ErrorCode, type StoredKeystoreEntry } from '@certgate/contracts';
import type { Versioned } from '@certgate/messaging';
import { requireEntry, type KeystoreEntries } from './entry-lookup';

/** Rounds of read → change → conditional write before giving up on an entry others keep changing. */
const MAX_ATTEMPTS = 5;

/**
 * Read-modify-write of one entry that never loses another replica's write: the new
 * value is written only if the entry is still at the revision it was computed from;
 * otherwise `change` runs again on the fresh entry (so its checks see that write too).
 * Not `KvRepository.modify`: the change is async (it may verify a chain against the
 * keystore) and a missing entry is a 404.
 */
export async function updateEntry(
  entries: KeystoreEntries,
  alias: string,
  change: (current: Versioned<StoredKeystoreEntry>) => Promise<StoredKeystoreEntry>,
): Promise<StoredKeystoreEntry> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await requireEntry(entries, alias);
    const next = await change(current);
    if ((await entries.update(current.key, next, current.revision)) !== undefined) return next;
  }
  throw new CertgateError(ErrorCode.concurrentChange, `'${alias}' was changed by other requests at the same time ${MAX_ATTEMPTS} times in a row; try again`, {
    alias,
  });
}
