import type { KeystoreEntryView, StoredKeystoreEntry } from '@certgate/contracts';

/** An entry this close to its end is `expiring` (the first alert threshold of design §5). */
export const EXPIRING_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;

export type EntryStatus = KeystoreEntryView['status'];

export function entryStatus(notAfter: string, now: Date): EntryStatus {
  const left = Date.parse(notAfter) - now.getTime();
  if (left < 0) return 'expired';
  return left <= EXPIRING_WITHIN_DAYS * DAY_MS ? 'expiring' : 'valid';
}

/** What leaves the keystore about an entry: everything but the sealed private key. */
export function toEntryView(entry: StoredKeystoreEntry, now: Date): KeystoreEntryView {
  const { encryptedKey: _sealed, pending, ...rest } = entry;
  const view: KeystoreEntryView = { ...rest, status: entryStatus(entry.notAfter, now), chainLength: countCertificates(entry.chainPem) };
  if (pending) {
    const { encryptedKey: _pendingSealed, ...pendingView } = pending;
    view.pending = pendingView;
  }
  return view;
}

function countCertificates(pem: string): number {
  return pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
}
