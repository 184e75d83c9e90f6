import { Events, type KV, type KvEntry, type NatsConnection, type QueuedIterator, type Status } from 'nats';
import type { z } from 'zod';
import { errorMessage } from '@certgate/contracts';
import { type MessagingLogger, silentLogger } from '../logger';

export interface KvProjectionOptions<T> {
  /** Key filter, e.g. `key.>` (default: every key). */
  key?: string | string[];
  schema: z.ZodType<T>;
  logger?: MessagingLogger;
  /**
   * Told of every key as it is applied, during the initial load too: for views that
   * keep their own structure (a directory fed one change at a time). Undefined: deleted
   * or unreadable.
   */
  apply?: (key: string, value: T | undefined) => void;
  /** Called after every applied change (not during the initial load). */
  onChange?: (key: string, value: T | undefined) => void;
  /** What the health check says it holds (default: the number of keys). */
  describe?: () => string;
  /** The connection whose reconnects restart the watch; default: the bucket's own. */
  nc?: NatsConnection;
}

/** How long a projection whose watch could not be restarted waits before it tries again. */
const LOST_WATCH_RETRY_MS = 5_000;

export interface ProjectionHealth {
  status: 'up' | 'down';
  message: string;
}

/**
 * An in-memory copy of (part of) a KV bucket, kept current by a KV watch. This is how
 * every replica serves lookups from memory and still sees a change made anywhere
 * within milliseconds, with no restart. Values that fail their schema are logged and
 * left out (deny rather than guess).
 *
 * After a reconnect the watch is started again from the last applied revision: the
 * watch's consumer lives on the server, and one lost with a restarted NATS (or a
 * cluster node) would only be replaced once nats.js misses two 5 s heartbeats, so a
 * revoked certificate could pass for up to ~10 s after NATS came back.
 */
export class KvProjection<T> {
  private readonly map = new Map<string, T>();
  /** Revision each key was last applied at: an older entry from a replaced watch is ignored. */
  private readonly keyRevisions = new Map<string, number>();
  private lastRevision = 0;
  private watcher?: QueuedIterator<KvEntry>;
  private readonly loops: Promise<void>[] = [];
  private status?: AsyncIterable<Status> & { stop(): void };
  private stopped = false;
  /** Set when the watch ended and could not be started again: the copy is frozen at `revision`. */
  private lost?: string;
  private retry?: NodeJS.Timeout;

  private constructor(
    private readonly kv: KV,
    private readonly opts: KvProjectionOptions<T>,
  ) {}

  /** Resolves once the bucket's current values are loaded. */
  static async start<T>(kv: KV, opts: KvProjectionOptions<T>): Promise<KvProjection<T>> {
    const cache = new KvProjection(kv, opts);
    let initialized!: () => void;
    const ready = new Promise<void>((resolve) => (initialized = resolve));
    cache.watcher = await kv.watch({ key: opts.key, initializedFn: () => initialized() });
    cache.loops.push(cache.consume(cache.watcher, ready));
    await ready;
    cache.rewatchOnReconnect(opts.nc ?? connectionOf(kv));
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

  /** Down once the watch is lost: lookups then answer from a copy that no longer changes. */
  health(): ProjectionHealth {
    if (this.stopped) return { status: 'down', message: 'stopped' };
    const held = this.opts.describe?.() ?? `${this.map.size} keys`;
    if (this.lost) return { status: 'down', message: `${held}; watch lost at revision ${this.lastRevision} (${this.lost})` };
    return { status: 'up', message: held };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.status?.stop();
    this.watcher?.stop();
    await Promise.all(this.loops);
  }

  private rewatchOnReconnect(nc: NatsConnection | undefined): void {
    if (!nc) return;
    const status = nc.status() as AsyncIterable<Status> & { stop(): void };
    this.status = status;
    void (async () => {
      for await (const s of status) if (s.type === Events.Reconnect && !this.stopped) await this.rewatch();
    })();
  }

  private async rewatch(attempts = 5): Promise<void> {
    const logger = this.opts.logger ?? silentLogger;
    let next: QueuedIterator<KvEntry> | undefined;
    for (let attempt = 1; !next && !this.stopped; attempt++) {
      try {
        next = await this.kv.watch({ key: this.opts.key, resumeFromRevision: this.lastRevision + 1 });
      } catch (err) {
        // JetStream may still be recovering right after a restart. Until a new watch
        // starts, the copy is frozen: health says so, and it keeps trying.
        if (attempt >= attempts) {
          this.lost = errorMessage(err);
          logger.warn('KV watch not restarted after reconnect; trying again', { error: this.lost, retryInMs: LOST_WATCH_RETRY_MS });
          this.retry = setTimeout(() => void this.rewatch(), LOST_WATCH_RETRY_MS);
          this.retry.unref();
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    if (!next) return;
    if (this.stopped) {
      next.stop();
      return;
    }
    const old = this.watcher;
    this.watcher = next;
    this.lost = undefined;
    old?.stop();
    this.loops.push(this.consume(next, Promise.resolve()));
    logger.info('KV watch restarted after reconnect', { fromRevision: this.lastRevision + 1 });
  }

  private async consume(watcher: QueuedIterator<KvEntry>, ready: Promise<void>): Promise<void> {
    const logger = this.opts.logger ?? silentLogger;
    let loaded = false;
    void ready.then(() => (loaded = true));
    try {
      await this.apply(watcher, () => loaded);
    } catch (err) {
      // nats.js ends a watch with an error when it cannot recreate its consumer: watch anew.
      logger.error('KV watch failed', { error: errorMessage(err) });
      if (!this.stopped && this.watcher === watcher) await this.rewatch();
    }
  }

  private async apply(watcher: QueuedIterator<KvEntry>, loaded: () => boolean): Promise<void> {
    const logger = this.opts.logger ?? silentLogger;
    for await (const entry of watcher) {
      if ((this.keyRevisions.get(entry.key) ?? 0) >= entry.revision) continue;
      this.keyRevisions.set(entry.key, entry.revision);
      let value: T | undefined;
      if (entry.operation === 'PUT') {
        const parsed = this.opts.schema.safeParse(safeJson(entry));
        if (parsed.success) value = parsed.data;
        else logger.error('KV value does not match its schema; ignored', { bucket: entry.bucket, key: entry.key });
      }
      if (value === undefined) this.map.delete(entry.key);
      else this.map.set(entry.key, value);
      this.lastRevision = Math.max(this.lastRevision, entry.revision);
      this.opts.apply?.(entry.key, value);
      if (loaded()) this.opts.onChange?.(entry.key, value);
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

/** The connection a nats.js bucket was opened on (its JetStream client's); undefined if nats.js ever hides it. */
function connectionOf(kv: KV): NatsConnection | undefined {
  return (kv as unknown as { js?: { nc?: NatsConnection } }).js?.nc;
}
