import { KeystoreKv, type StoredKeystoreEntry } from '@certgate/contracts';
import { aliasTaken, findEntry, type KeystoreEntries } from './entry-lookup';

/**
 * Stores a new entry under its alias, atomically: a taken alias is never overwritten,
 * whichever replica (or operator) was first, and the 409 names what holds it. A plain
 * create rather than `claimUnique`: that would take over a key whose value does not
 * pass the schema, and an entry this version cannot read must not be lost.
 */
export async function createEntry(entries: KeystoreEntries, entry: StoredKeystoreEntry): Promise<void> {
  if ((await entries.create(KeystoreKv.entry(entry.alias), entry)) !== undefined) return;
  throw aliasTaken(entry.alias, (await findEntry(entries, entry.alias))?.kind);
}
