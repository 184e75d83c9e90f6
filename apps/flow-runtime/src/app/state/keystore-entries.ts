import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { Buckets, KeystoreKv, storedKeystoreEntrySchema, type StoredKeystoreEntry } from '@certgate/contracts';
import { HealthResponder, KvCache, MESSAGING_OPTIONS, NATS_CONNECTION, ensureKv, type MessagingOptions, nestMessagingLogger } from '@certgate/messaging';

/**
 * The keystore's entries as this replica sees them, kept current by one watch of
 * `entry.>` (NATS 2.9 takes one filter per watch). Holds public data only: the stored
 * private keys stay sealed under the keystore's master key and are never read here.
 * The system key state, the receiver trust store and the client-key cache all read it.
 */
@Injectable()
export class KeystoreEntries implements OnModuleInit, OnModuleDestroy {
  private cache?: KvCache<StoredKeystoreEntry>;
  private changes = 0;
  private readonly listeners: ((alias: string) => void)[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly health: HealthResponder,
  ) {}

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.options.tenant, Buckets.keystore);
    this.cache = await KvCache.start(kv, {
      key: `${KeystoreKv.prefix}>`,
      schema: storedKeystoreEntrySchema,
      logger: nestMessagingLogger('keystore-entries'),
      onChange: (key) => this.changed(key),
    });
    this.health.register('cache.keystore', () => ({ status: 'up', message: `${this.cache?.size ?? 0} keystore entries` }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.cache?.revision ?? 0;
  }

  /** The entry stored under `entry.<alias>`, if its value names that alias too. */
  entry(alias: string): StoredKeystoreEntry | undefined {
    const entry = this.cache?.get(KeystoreKv.entry(alias));
    return entry?.alias === alias ? entry : undefined;
  }

  values(): Iterable<StoredKeystoreEntry> {
    return this.cache?.values() ?? [];
  }

  /** Grows with every applied change: lets a reader recompute what it derives only when needed. */
  get generation(): number {
    return this.cache ? this.changes + 1 : 0;
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
