import type { KvEntry } from 'nats';
import type { z } from 'zod';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { maxPayloadOf } from '../chunks';
import { decodeJson, encodeJson } from '../codec';
import { jetStreamErrorCode, JS_WRONG_LAST_SEQUENCE } from '../errors';
import type { KvBucket } from './kv-bucket';
import { kvLiveEntries } from './kv-keys';

/** A value with the bucket revision it was read at: the condition of a later update or delete. */
export interface Versioned<T> {
  key: string;
  value: T;
  revision: number;
  created: Date;
}

/** A stored key whose value may not pass its schema (`value` undefined): it exists, but nobody can use it. */
export interface Inspected<T> {
  key: string;
  value: T | undefined;
  revision: number;
  created: Date;
}

export interface ClaimOptions<T> {
  /** The holder is the claimant itself (a repeated claim): counted as won. */
  mine?: (holder: T) => boolean;
  /** The holder was left by a write that died halfway: taken over, atomically, at the revision it was read. */
  stale?: (holder: Versioned<T>) => boolean | Promise<boolean>;
  attempts?: number;
}

/** `holder` undefined: other writers kept changing the key for every attempt. */
export type Claim<T> = { won: true; revision: number } | { won: false; holder?: Versioned<T> };

/** Longest key a repository writes: `$KV.<bucket>.<key>` stays far inside NATS' 4096-byte control line. */
export const MAX_KEY_CHARS = 1024;
/** JetStream's headers of a KV write (expected revision, message id) count into max_payload. */
const KV_HEADER_ROOM_BYTES = 1024;

const DEFAULT_ATTEMPTS = 5;

/**
 * Typed access to one kind of value in a KV bucket: every value is checked against its
 * schema on the way in and on the way out. A stored value that fails its schema is
 * logged and treated as absent (deny rather than guess). Writes that must not
 * overwrite a concurrent change are conditional on a revision; `create` is the
 * basis of every uniqueness rule, because exactly one writer of a key wins it, on
 * whatever replica it runs.
 */
export class KvRepository<T> {
  constructor(
    private readonly bucket: KvBucket,
    private readonly schema: z.ZodType<T>,
    /** Names the values in logs and messages ("service key", "flow"). */
    readonly what: string,
  ) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const found = await this.inspect(key);
    return found?.value === undefined ? undefined : (found as Versioned<T>);
  }

  /** The key as stored, readable or not; undefined when it does not exist. */
  async inspect(key: string): Promise<Inspected<T> | undefined> {
    const entry = await (await this.bucket.open()).get(key);
    if (!entry || entry.operation !== 'PUT') return undefined;
    return { key, value: this.parse(entry), revision: entry.revision, created: entry.created };
  }

  /** Every readable value under a key filter (`role.>`), in key order. */
  async list(filter = '>'): Promise<Versioned<T>[]> {
    const out: Versioned<T>[] = [];
    for (const entry of await kvLiveEntries(this.bucket.nc, await this.bucket.open(), filter)) {
      const value = this.parse(entry);
      if (value !== undefined) out.push({ key: entry.key, value, revision: entry.revision, created: entry.created });
    }
    return out;
  }

  /** Unconditional write; the new revision. */
  async put(key: string, value: T): Promise<number> {
    return (await this.bucket.open()).put(key, this.encode(key, value));
  }

  /** Writes only if the key holds nothing: the new revision, or undefined when another writer holds it. */
  async create(key: string, value: T): Promise<number | undefined> {
    return this.conditional(async (kv) => kv.create(key, this.encode(key, value)));
  }

  /** Writes only if the key is still at `revision`: the new revision, or undefined when it changed since. */
  async update(key: string, value: T, revision: number): Promise<number | undefined> {
    return this.conditional(async (kv) => kv.update(key, this.encode(key, value), revision));
  }

  /**
   * Deletes a key; with `revision`, only if it still holds that revision (so a rollback
   * never removes what another writer put there since). False when it did not.
   */
  async delete(key: string, revision?: number): Promise<boolean> {
    const done = await this.conditional(async (kv) => {
      await kv.delete(key, revision === undefined ? undefined : { previousSeq: revision });
      return 1;
    });
    return done !== undefined;
  }

  /**
   * Read-modify-write that never overwrites a concurrent change: `change` gets the
   * current value (undefined when absent or unreadable) and returns the next one, or
   * undefined to write nothing; the write is retried when another writer got there
   * first. Returns what was written. After `attempts` lost races: 409 `concurrent_change`
   * naming `what`.
   */
  async modify(key: string, change: (current: T | undefined) => T | undefined, opts: { what?: string; attempts?: number } = {}): Promise<T | undefined> {
    for (let attempt = 0; attempt < (opts.attempts ?? DEFAULT_ATTEMPTS); attempt++) {
      const current = await this.inspect(key);
      const next = change(current?.value);
      if (next === undefined) return undefined;
      // An unreadable value is replaced as well, but only at the revision that was read.
      const written = current ? await this.update(key, next, current.revision) : await this.create(key, next);
      if (written !== undefined) return next;
    }
    throw new CertgateError(ErrorCode.concurrentChange, `${opts.what ?? this.what} is being changed by other requests at the same time; try again`, { key });
  }

  /**
   * Takes `key` for `value` if nobody holds it, and otherwise answers who does. A
   * holder that is gone by the time it is read is retried; a stale or unreadable holder
   * is taken over at the revision it was read (so a concurrent claimant cannot lose
   * its win to this one).
   */
  async claimUnique(key: string, value: T, opts: ClaimOptions<T> = {}): Promise<Claim<T>> {
    for (let attempt = 0; attempt < (opts.attempts ?? DEFAULT_ATTEMPTS); attempt++) {
      const created = await this.create(key, value);
      if (created !== undefined) return { won: true, revision: created };
      const holder = await this.inspect(key);
      if (!holder) continue; // released in the meantime
      if (holder.value !== undefined && opts.mine?.(holder.value)) return { won: true, revision: holder.revision };
      const readable = holder.value === undefined ? undefined : (holder as Versioned<T>);
      if (readable && !(await opts.stale?.(readable))) return { won: false, holder: readable };
      this.bucket.logger.warn('taking over a stale claim', { bucket: this.bucket.name, key, what: this.what, readable: readable !== undefined });
      const taken = await this.update(key, value, holder.revision);
      if (taken !== undefined) return { won: true, revision: taken };
    }
    return { won: false };
  }

  /**
   * The value as stored, refused (before anything is sent) when NATS could not carry it:
   * a key past {@link MAX_KEY_CHARS} would make the server close the connection (its
   * control line is 4096 bytes), a value past max_payload fails the publish. Input limits
   * keep both far away; this is the backstop that turns a missed one into a 4xx.
   */
  private encode(key: string, value: T): Uint8Array {
    if (key.length > MAX_KEY_CHARS)
      throw new CertgateError(
        ErrorCode.validationFailed,
        `the ${this.what}'s key is ${key.length} characters, more than the ${MAX_KEY_CHARS} certgate stores`,
        {
          limit: MAX_KEY_CHARS,
        },
      );
    const payload = encodeJson(this.schema.parse(value));
    const limit = maxPayloadOf(this.bucket.nc) - KV_HEADER_ROOM_BYTES;
    if (payload.length > limit)
      throw new CertgateError(
        ErrorCode.payloadTooLarge,
        `the ${this.what} would be ${payload.length} bytes stored, more than the ${limit} bytes one NATS message carries (max_payload less room for headers)`,
        { bytes: payload.length, limit },
      );
    return payload;
  }

  private parse(entry: KvEntry): T | undefined {
    let raw: unknown;
    try {
      raw = decodeJson(entry.value);
    } catch {
      raw = undefined;
    }
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.bucket.logger.error(`${this.what} does not match its schema; ignored`, { bucket: this.bucket.name, key: entry.key });
    return undefined;
  }

  /** Runs a conditional write; undefined when JetStream refused it for the revision ("wrong last sequence"). */
  private async conditional(write: (kv: Awaited<ReturnType<KvBucket['open']>>) => Promise<number>): Promise<number | undefined> {
    const kv = await this.bucket.open();
    try {
      return await write(kv);
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return undefined;
      throw err;
    }
  }
}
