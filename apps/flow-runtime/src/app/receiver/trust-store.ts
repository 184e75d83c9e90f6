import { Injectable } from '@nestjs/common';
import type { StoredKeystoreEntry } from '@certgate/contracts';
import { KeystoreEntries } from '../state/keystore-entries';

/** The certificates a receiver's chain must lead to, with a version that changes whenever they do. */
export interface TrustedCertificates {
  readonly version: number;
  /** PEM text per trusted entry, ordered by alias. */
  readonly pems: readonly string[];
}

/**
 * The keystore's trusted certificates (entries of kind `certificate`): all a receiver
 * chain may end in. Key pairs do not count, not even the tenant's client CA: a key
 * pair is this tenant's own identity, not a statement about whom to trust.
 */
export function trustedPems(entries: Iterable<StoredKeystoreEntry>): string[] {
  return [...entries]
    .filter((e) => e.kind === 'certificate')
    .sort((a, b) => a.alias.localeCompare(b.alias))
    .map((e) => e.chainPem);
}

/**
 * The receiver trust store, derived from the watched keystore entries when they have
 * changed since the last look; the version moves only when the trusted set did, so
 * TLS contexts are rebuilt for a new trusted certificate, not for a renamed key pair.
 */
@Injectable()
export class TrustStore {
  private seenGeneration = -1;
  private current: TrustedCertificates = { version: 0, pems: [] };

  constructor(private readonly entries: KeystoreEntries) {}

  trusted(): TrustedCertificates {
    const generation = this.entries.generation;
    if (generation === this.seenGeneration) return this.current;
    this.seenGeneration = generation;
    const pems = trustedPems(this.entries.values());
    if (!samePems(pems, this.current.pems)) this.current = { version: this.current.version + 1, pems };
    return this.current;
  }
}

function samePems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((pem, i) => pem === b[i]);
}
