import { CertgateError, ErrorCode, type StoredKeystoreEntry } from '@certgate/contracts';
import type { KeystoreStore, VersionedEntry } from '../store/keystore-store';
import { requireEntry } from './entry-lookup';

/** Rounds of read → change → conditional write before giving up on an entry others keep changing. */
const MAX_ATTEMPTS = 5;

/**
 * Read-modify-write of one entry that never loses another replica's write: the new
 * value is written only if the entry is still at the revision it was computed from;
 * otherwise `change` runs again on the fresh entry (so its checks see that write too).
 */
export async function updateEntry(
  store: KeystoreStore,
  alias: string,
  change: (current: VersionedEntry) => Promise<StoredKeystoreEntry>,
): Promise<StoredKeystoreEntry> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await requireEntry(store, alias);
    const next = await change(current);
    if (await store.update(next, current.revision)) return next;
  }
  throw new CertgateError(ErrorCode.conflict, `'${alias}' was changed by other requests at the same time ${MAX_ATTEMPTS} times in a row; try again`, { alias });
}
