import type { StoredKeystoreEntry } from '@certgate/contracts';
import type { Versioned } from '@certgate/messaging';
import type { KeystoreEntries } from './entry-lookup';
import { updateEntry } from './entry-update';

const entry = { alias: 'a', updatedAt: 'r0' } as StoredKeystoreEntry;

/** A bucket whose conditional writes fail `conflicts` times (another replica wrote in between) before one succeeds. */
function storeWithConflicts(conflicts: number) {
  let revision = 1;
  const writes: { at: number; entry: StoredKeystoreEntry }[] = [];
  const entries = {
    get: async (key: string): Promise<Versioned<StoredKeystoreEntry>> => ({ key, value: entry, revision, created: new Date(0) }),
    update: async (_key: string, next: StoredKeystoreEntry, at: number): Promise<number | undefined> => {
      writes.push({ at, entry: next });
      if (writes.length <= conflicts) {
        revision++;
        return undefined;
      }
      return at === revision ? revision + 1 : undefined;
    },
  };
  return { store: entries as unknown as KeystoreEntries, writes };
}

describe('updateEntry', () => {
  it('writes at the revision it read; on a conflict it reads again and re-runs the change', async () => {
    const { store, writes } = storeWithConflicts(2);
    const seen: number[] = [];
    const result = await updateEntry(store, 'a', async ({ value: e, revision }) => {
      seen.push(revision);
      return { ...e, updatedAt: `r${revision}` };
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(writes.map((w) => w.at)).toEqual([1, 2, 3]);
    expect(result.updatedAt).toBe('r3');
  });

  it('gives up with a 409 when others keep winning', async () => {
    const { store, writes } = storeWithConflicts(99);
    await expect(updateEntry(store, 'a', async ({ value: e }) => e)).rejects.toMatchObject({
      code: 'concurrent_change',
      message: expect.stringContaining("'a' was changed by other requests"),
    });
    expect(writes).toHaveLength(5);
  });

  it('a refusal from the change is passed on and nothing is written', async () => {
    const { store, writes } = storeWithConflicts(0);
    await expect(
      updateEntry(store, 'a', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(writes).toHaveLength(0);
  });
});
