import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KV, NatsConnection } from 'nats';
import type { z } from 'zod';
import { Buckets, CertgateError, ErrorCode } from '@certgate/contracts';
import { decodeJson, encodeJson, ensureKv, jetStreamErrorCode, kvLiveEntries, MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions, JS_WRONG_LAST_SEQUENCE } from '@certgate/messaging';

/** `kv.create` / a revision-checked write lost against another writer. */

export interface Stored<T> {
  key: string;
  value: T;
  revision: number;
  created: Date;
}

/**
 * The identity bucket (design §2, layout `IdentityKv`): typed reads that validate
 * every value, and the conditional writes that keep replicas from overwriting each
 * other. Only identity writes here; the runtime and ingress watch it.
 */
@Injectable()
export class IdentityStore {
  private readonly logger = new Logger(IdentityStore.name);
  private kv?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  private bucket(): Promise<KV> {
    this.kv ??= ensureKv(this.nc, this.options.tenant, Buckets.identity).catch((err: unknown) => {
      this.kv = undefined;
      throw err;
    });
    return this.kv;
  }

  async get<T>(key: string, schema: z.ZodType<T>): Promise<Stored<T> | undefined> {
    const entry = await (await this.bucket()).get(key);
    if (!entry || entry.operation !== 'PUT') return undefined;
    const value = this.parse(key, entry.value, schema);
    return value === undefined ? undefined : { key, value, revision: entry.revision, created: entry.created };
  }

  /** Every live value under a key filter (`role.>`), sorted by key. */
  async list<T>(filter: string, schema: z.ZodType<T>): Promise<Stored<T>[]> {
    const out: Stored<T>[] = [];
    for (const entry of await kvLiveEntries(this.nc, await this.bucket(), filter)) {
      const value = this.parse(entry.key, entry.value, schema);
      if (value !== undefined) out.push({ key: entry.key, value, revision: entry.revision, created: entry.created });
    }
    return out;
  }

  /** Writes only if the key holds nothing; the new revision, or undefined when someone else holds it. */
  async create<T>(key: string, schema: z.ZodType<T>, value: T): Promise<number | undefined> {
    try {
      return await (await this.bucket()).create(key, encodeJson(schema.parse(value)));
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return undefined;
      throw err;
    }
  }

  /**
   * Read-modify-write that never overwrites a concurrent change: `change` gets the
   * current value (undefined when absent or unreadable) and the write is retried when
   * another writer got there first (`what` names the thing for that error). Returns what was written.
   */
  async modify<T>(key: string, schema: z.ZodType<T>, change: (current: T | undefined) => T, what: string, attempts = 5): Promise<T> {
    const kv = await this.bucket();
    for (let attempt = 0; attempt < attempts; attempt++) {
      const entry = await kv.get(key);
      const live = entry?.operation === 'PUT' ? entry : undefined;
      const next = schema.parse(change(live ? this.parse(key, live.value, schema) : undefined));
      try {
        // An unreadable value is replaced as well, but only the revision that was read.
        if (live) await kv.update(key, encodeJson(next), live.revision);
        else await kv.create(key, encodeJson(next));
        return next;
      } catch (err) {
        if (jetStreamErrorCode(err) !== JS_WRONG_LAST_SEQUENCE) throw err;
      }
    }
    throw new CertgateError(ErrorCode.conflict, `${what} is being changed by other requests at the same time; try again`, { key });
  }

  /**
   * Deletes a key; with `revision`, only if it still holds that revision (so a
   * rollback never removes what another writer put there since). False when it did not.
   */
  async delete(key: string, revision?: number): Promise<boolean> {
    try {
      await (await this.bucket()).delete(key, revision === undefined ? undefined : { previousSeq: revision });
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
      throw err;
    }
  }

  private parse<T>(key: string, data: Uint8Array, schema: z.ZodType<T>): T | undefined {
    let raw: unknown;
    try {
      raw = decodeJson(data);
    } catch {
      raw = undefined;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.error({ msg: 'identity value does not match its schema; ignored', key });
    return undefined;
  }
}
