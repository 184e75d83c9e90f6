import type { KV, KvEntry, QueuedIterator } from 'nats';
import type { z } from 'zod';
import { type MessagingLogger, silentLogger } from './logger';

export interface KvCacheOptions<T> {
  /** Key filter, e.g. `key.>` (default: every key). */
  key?: string | string[];
  schema: z.ZodType<T>;
  logger?: MessagingLogger;
  /** Called after every applied change (not during the initial load). */
  onChange?: (key: string, value: T | undefined) => void;
}

/**
 * An in-memory copy of (part of) a KV bucket, kept current by a KV watch. This is how
 * every replica serves lookups from memory and still sees a change made anywhere
 * within milliseconds, with no restart. Values that fail their schema are logged and
 * left out (deny rather than guess).
 */
export class KvCache<T> {
  private readonly map = new Map<string, T>();
  private lastRevision = 0;
  private watcher?: QueuedIterator<KvEntry>;
  private loop?: Promise<void>;

  private constructor(private readonly opts: KvCacheOptions<T>) {}

  /** Resolves once the bucket's current values are loaded. */
  static async start<T>(kv: KV, opts: KvCacheOptions<T>): Promise<KvCache<T>> {
    const cache = new KvCache(opts);
    let initialized!: () => void;
    const ready = new Promise<void>((resolve) => (initialized = resolve));
    cache.watcher = await kv.watch({ key: opts.key, initializedFn: () => initialized() });
    cache.loop = cache.consume(cache.watcher, ready);
    await ready;
    return cache;
  }

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  values(): IterableIterator<T> {
    return this.map.values();
  }

  entries(): IterableIterator<[string, T]> {
    return this.map.entries();
  }

  get size(): number {
    return this.map.size;
  }

  /**
   * The bucket revision of the newest change applied (0 before any). A writer's `put`
   * returns the revision it made, so `revision >= that` proves this copy has the change:
   * how propagation to each replica is measured.
   */
  get revision(): number {
    return this.lastRevision;
  }

  async stop(): Promise<void> {
    this.watcher?.stop();
    await this.loop;
  }

  private async consume(watcher: QueuedIterator<KvEntry>, ready: Promise<void>): Promise<void> {
    const logger = this.opts.logger ?? silentLogger;
    let loaded = false;
    void ready.then(() => (loaded = true));
    for await (const entry of watcher) {
      let value: T | undefined;
      if (entry.operation === 'PUT') {
        const parsed = this.opts.schema.safeParse(safeJson(entry));
        if (parsed.success) value = parsed.data;
        else logger.error('KV value does not match its schema; ignored', { bucket: entry.bucket, key: entry.key });
      }
      if (value === undefined) this.map.delete(entry.key);
      else this.map.set(entry.key, value);
      this.lastRevision = Math.max(this.lastRevision, entry.revision);
      if (loaded) this.opts.onChange?.(entry.key, value);
    }
  }
}

function safeJson(entry: KvEntry): unknown {
  try {
    return entry.json();
  } catch {
    return undefined;
  }
}
