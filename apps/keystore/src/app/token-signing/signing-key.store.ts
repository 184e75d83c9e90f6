import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { activeSigningKeySchema, SigningKv, storedSigningKeySchema, type ActiveSigningKey, type StoredSigningKey } from '@certgate/contracts';
import { decodeJson, encodeJson, jetStreamErrorCode, kvCreateUnique, JS_WRONG_LAST_SEQUENCE } from '@certgate/messaging';
import { KeystoreStore } from '../store/keystore-store';

/** JetStream's answer to a write whose expected revision is no longer the latest. */

export interface SigningKeyState {
  active?: { value: ActiveSigningKey; revision: number };
  keys: StoredSigningKey[];
  /** The KV revision each key was read at (by kid): writes back are conditional on it. */
  revisions: ReadonlyMap<string, number>;
}

/** The signing keys in the keystore bucket (`SigningKv` layout), read and written straight in KV. */
@Injectable()
export class SigningKeyStore {
  private readonly logger = new Logger(SigningKeyStore.name);

  constructor(private readonly store: KeystoreStore) {}

  async load(): Promise<SigningKeyState> {
    const kv = await this.store.bucket();
    const pointer = await kv.get(SigningKv.active);
    const active = pointer?.operation === 'PUT' ? this.parse(pointer.key, pointer.value, activeSigningKeySchema) : undefined;
    const keys: StoredSigningKey[] = [];
    const revisions = new Map<string, number>();
    for (const entry of await this.store.liveEntries(SigningKv.keys)) {
      const key = this.parse(entry.key, entry.value, storedSigningKeySchema);
      if (!key || SigningKv.key(key.kid) !== entry.key) continue;
      keys.push(key);
      revisions.set(key.kid, entry.revision);
    }
    return { active: active && pointer ? { value: active, revision: pointer.revision } : undefined, keys, revisions };
  }

  /** The key that signs now, in two reads: what every token request needs. */
  async activeKey(): Promise<StoredSigningKey | undefined> {
    const kv = await this.store.bucket();
    const pointer = await kv.get(SigningKv.active);
    const active = pointer?.operation === 'PUT' ? this.parse(pointer.key, pointer.value, activeSigningKeySchema) : undefined;
    if (!active) return undefined;
    const entry = await kv.get(SigningKv.key(active.kid));
    const key = entry?.operation === 'PUT' ? this.parse(entry.key, entry.value, storedSigningKeySchema) : undefined;
    return key?.kid === active.kid ? key : undefined;
  }

  async create(key: StoredSigningKey): Promise<boolean> {
    return kvCreateUnique(await this.store.bucket(), SigningKv.key(key.kid), encodeJson(storedSigningKeySchema.parse(key)));
  }

  /**
   * Writes a key back only if it is still at the revision it was read at: false when
   * another replica changed or dropped it meanwhile. An unconditional write would bring
   * back a key a replica dropped after losing the race for the first key.
   */
  async update(key: StoredSigningKey, revision: number): Promise<boolean> {
    try {
      await (await this.store.bucket()).update(SigningKv.key(key.kid), encodeJson(storedSigningKeySchema.parse(key)), revision);
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }

  async drop(kid: string): Promise<void> {
    await (await this.store.bucket()).delete(SigningKv.key(kid));
  }

  /**
   * Points signing at `kid`: created when there is no pointer yet (`expectedRevision`
   * undefined), else compare-and-set. False when another replica changed it first.
   */
  async activate(kid: string, since: Date, expectedRevision: number | undefined): Promise<boolean> {
    const kv = await this.store.bucket();
    const value = encodeJson(activeSigningKeySchema.parse({ kid, since: since.toISOString() }));
    if (expectedRevision === undefined) return kvCreateUnique(kv, SigningKv.active, value);
    try {
      await kv.update(SigningKv.active, value, expectedRevision);
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }

  private parse<T>(key: string, value: Uint8Array, schema: z.ZodType<T>): T | undefined {
    let raw: unknown;
    try {
      raw = decodeJson(value);
    } catch {
      raw = undefined;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.error({ msg: 'signing key value does not match its schema; ignored', key });
    return undefined;
  }
}
