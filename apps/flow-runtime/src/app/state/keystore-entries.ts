import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Buckets, KeystoreKv, storedKeystoreEntrySchema, type StoredKeystoreEntry } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';

/**
 * The keystore's entries as this replica sees them, kept current by one watch of
 * `entry.>` (NATS 2.9 takes one filter per watch). Holds public data only: the stored
 * private keys stay sealed under the keystore's master key and are never read here.
 * The system key state, the receiver trust store and the client-key cache all read it.
 */
@Injectable()
export class KeystoreEntries implements OnModuleInit {
  private projection?: KvProjection<StoredKeystoreEntry>;
  private changes = 0;
  private readonly listeners: ((alias: string) => void)[] = [];

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.keystore, {
      key: `${KeystoreKv.prefix}>`,
      schema: storedKeystoreEntrySchema,
      logger: nestMessagingLogger('keystore-entries'),
      health: 'cache.keystore',
      describe: () => `${this.projection?.size ?? 0} keystore entries`,
      onChange: (key) => this.changed(key),
    });
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.projection?.revision ?? 0;
  }

  /** The entry stored under `entry.<alias>`, if its value names that alias too. */
  entry(alias: string): StoredKeystoreEntry | undefined {
    const entry = this.projection?.get(KeystoreKv.entry(alias));
    return entry?.alias === alias ? entry : undefined;
  }

  values(): Iterable<StoredKeystoreEntry> {
    return this.projection?.values() ?? [];
  }

  /** Grows with every applied change: lets a reader recompute what it derives only when needed. */
  get generation(): number {
    return this.projection ? this.changes + 1 : 0;
  }

  /** Called with the alias after every change of an entry (not during the initial load). */
  onChange(listener: (alias: string) => void): void {
    this.listeners.push(listener);
  }

  private changed(key: string): void {
    if (!key.startsWith(KeystoreKv.prefix)) return;
    this.changes++;
    const alias = key.slice(KeystoreKv.prefix.length);
    for (const listener of this.listeners) listener(alias);
  }
}
