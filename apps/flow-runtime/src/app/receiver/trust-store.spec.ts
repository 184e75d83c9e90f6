import type { StoredKeystoreEntry } from '@certgate/contracts';
import type { KeystoreEntries } from '../state/keystore-entries';
import { TrustStore, trustedPems } from './trust-store';

function entry(alias: string, kind: StoredKeystoreEntry['kind'], pem = `PEM of ${alias}`): StoredKeystoreEntry {
  const at = '2025-01-01T00:00:00.000Z';
  return {
    alias,
    kind,
    owner: 'tenant',
    subjectDN: `CN=${alias}`,
    issuerDN: `CN=${alias}`,
    serialNumber: '1',
    notBefore: at,
    notAfter: at,
    fingerprint: alias,
    chainPem: pem,
    createdAt: at,
    updatedAt: at,
  };
}

/** The part of KeystoreEntries the trust store reads. */
function entriesOf(list: StoredKeystoreEntry[]): KeystoreEntries & { set(next: StoredKeystoreEntry[]): void } {
  let current = list;
  let generation = 1;
  return {
    get generation() {
      return generation;
    },
    values: () => current,
    set(next: StoredKeystoreEntry[]) {
      current = next;
      generation++;
    },
  } as unknown as KeystoreEntries & { set(next: StoredKeystoreEntry[]): void };
}

describe('trust store', () => {
  it('only trusted-certificate entries count, never key pairs (not even the client CA)', () => {
    expect(
      trustedPems([entry('b-root', 'certificate'), entry('certgate_client_ca', 'key-pair'), entry('a-root', 'certificate'), entry('mine', 'key-pair')]),
    ).toEqual(['PEM of a-root', 'PEM of b-root']);
  });

  it('the version moves when the trusted set changes, not for other entries', () => {
    const entries = entriesOf([entry('root', 'certificate'), entry('mine', 'key-pair')]);
    const store = new TrustStore(entries);
    const first = store.trusted();
    expect(first.pems).toEqual(['PEM of root']);
    expect(store.trusted()).toBe(first);

    entries.set([entry('root', 'certificate'), entry('mine', 'key-pair', 'renewed chain')]);
    expect(store.trusted()).toBe(first);

    entries.set([entry('root', 'certificate'), entry('other-root', 'certificate'), entry('mine', 'key-pair')]);
    const second = store.trusted();
    expect(second.version).toBe(first.version + 1);
    expect(second.pems).toEqual(['PEM of other-root', 'PEM of root']);

    entries.set([]);
    expect(store.trusted()).toEqual({ version: second.version + 1, pems: [] });
  });
});
