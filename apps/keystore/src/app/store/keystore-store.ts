import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KV, KvEntry, NatsConnection } from 'nats';
import { Buckets, KeystoreKv, storedKeystoreEntrySchema, type StoredKeystoreEntry } from '@certgate/contracts';
import { decodeJson, encodeJson, ensureKv, jetStreamErrorCode, kvLiveEntries, JS_WRONG_LAST_SEQUENCE, kvCreateUnique, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';

/**
 * Keys of the bucket that are the keystore's own bookkeeping, not entries: they sit
 * outside `entry.` so caches watching `entry.>` never see them.
 */
export const ProvisioningMarkers = {
  /** Written once the system key pair of an alias was provisioned: a pair deleted later on purpose stays deleted. */
  systemKey: (alias: string) => `provisioned.system-key.${alias}`,
} as const;

/** An entry with the bucket revision it was read at: the condition of a later update or delete. */
export interface VersionedEntry {
  entry: StoredKeystoreEntry;
  revision: number;
}

/** The keystore bucket: entries (private keys only sealed by the KeyVault) and provisioning markers. */
@Injectable()
export class KeystoreStore {
  private readonly logger = new Logger(KeystoreStore.name);
  private kv?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  /** Opened on first use, so whichever provider needs it first (provisioning, a handler) can. */
  bucket(): Promise<KV> {
    this.kv ??= ensureKv(this.nc, this.env.CERTGATE_TENANT, Buckets.keystore).catch((err: unknown) => {
      this.kv = undefined;
      throw err;
    });
    return this.kv;
  }

  async get(alias: string): Promise<StoredKeystoreEntry | undefined> {
    return (await this.getVersioned(alias))?.entry;
  }

  async getVersioned(alias: string): Promise<VersionedEntry | undefined> {
    const kvEntry = await (await this.bucket()).get(KeystoreKv.entry(alias));
    if (!kvEntry || kvEntry.operation !== 'PUT') return undefined;
    const entry = this.parse(kvEntry.key, kvEntry.value);
    return entry && { entry, revision: kvEntry.revision };
  }

  /** The live values under a key filter, in key order (for the bucket's other layouts, such as signing keys). */
  async liveEntries(filter: string): Promise<KvEntry[]> {
    return kvLiveEntries(this.nc, await this.bucket(), filter);
  }

  async list(): Promise<StoredKeystoreEntry[]> {
    const entries: StoredKeystoreEntry[] = [];
    for (const entry of await this.liveEntries(`${KeystoreKv.prefix}>`)) {
      const parsed = this.parse(entry.key, entry.value);
      if (parsed) entries.push(parsed);
    }
    return entries;
  }

  /** False when the alias is taken: another replica (or an operator) was first. */
  async createUnique(entry: StoredKeystoreEntry): Promise<boolean> {
    return kvCreateUnique(await this.bucket(), KeystoreKv.entry(entry.alias), encodeJson(storedKeystoreEntrySchema.parse(entry)));
  }

  /**
   * Writes `entry` only if its key is still at `revision`. False when another request
   * (on any replica) wrote it since it was read: the caller reads again instead of
   * overwriting that write.
   */
  async update(entry: StoredKeystoreEntry, revision: number): Promise<boolean> {
    const kv = await this.bucket();
    try {
      await kv.update(KeystoreKv.entry(entry.alias), encodeJson(storedKeystoreEntrySchema.parse(entry)), revision);
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }

  async delete(alias: string): Promise<void> {
    await (await this.bucket()).delete(KeystoreKv.entry(alias));
  }

  /** Deletes the entry only if it is still at `revision`; false when it was changed or deleted since. */
  async deleteIfUnchanged(alias: string, revision: number): Promise<boolean> {
    try {
      await (await this.bucket()).delete(KeystoreKv.entry(alias), { previousSeq: revision });
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }

  async hasMarker(key: string): Promise<boolean> {
    const entry = await (await this.bucket()).get(key);
    return entry?.operation === 'PUT';
  }

  async setMarker(key: string, at: Date): Promise<void> {
    await kvCreateUnique(await this.bucket(), key, encodeJson({ at: at.toISOString() }));
  }

  private parse(key: string, value: Uint8Array): StoredKeystoreEntry | undefined {
    let raw: unknown;
    try {
      raw = decodeJson(value);
    } catch {
      raw = undefined;
    }
    const parsed = storedKeystoreEntrySchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.error({ msg: 'keystore entry does not match its schema; ignored', key });
    return undefined;
  }
}
