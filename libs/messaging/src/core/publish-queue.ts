import type { NatsConnection } from 'nats';

interface Queued {
  subject: string;
  data: Uint8Array;
  reply: string | undefined;
  onError: ((err: unknown) => void) | undefined;
}

/** Records (logs) wait at most this long for company before they are published. */
export const RECORD_BATCH_DELAY_MS = 10;
/** ... or until this many are waiting. */
export const RECORD_BATCH_MAX = 256;

const queues = new WeakMap<NatsConnection, PublishQueue>();

/**
 * Outbound messages of one connection, published in batches so that the NATS server
 * (and this process) make one socket write and one wake-up per batch, not per message.
 *
 * nats.js writes its outbound buffer to the socket once per microtask checkpoint, and
 * Node runs one checkpoint per I/O callback: a server that handles 30 requests, each
 * arriving on its own socket, in one event-loop turn would otherwise make 30 writes.
 *
 * - `publish`: for what a request waits on (RPC requests). Sent from a `setImmediate`,
 *   right after the current turn's I/O callbacks: the delay is the rest of the turn,
 *   never a timer.
 * - `publishRecord`: for records nobody waits on (access, trace and message processing
 *   logs, stored by JetStream). Sent every RECORD_BATCH_DELAY_MS or once
 *   RECORD_BATCH_MAX are waiting, whichever comes first; never awaited, and each record
 *   is still its own message in the stream.
 *
 * One queue per connection; `flush()` publishes everything now, which the messaging
 * module does before the connection drains on shutdown, so no record is left behind.
 */
export class PublishQueue {
  private soon: Queued[] = [];
  private records: Queued[] = [];
  private immediate?: NodeJS.Immediate;
  private timer?: NodeJS.Timeout;

  private constructor(private readonly nc: NatsConnection) {}

  static of(nc: NatsConnection): PublishQueue {
    let queue = queues.get(nc);
    if (!queue) {
      queue = new PublishQueue(nc);
      queues.set(nc, queue);
    }
    return queue;
  }

  /** Published at the end of this event-loop turn; `onError` hears of a publish the connection refused (closed, draining, bad subject). */
  publish(subject: string, data: Uint8Array, opts: { reply?: string; onError?: (err: unknown) => void } = {}): void {
    this.soon.push({ subject, data, reply: opts.reply, onError: opts.onError });
    this.immediate ??= setImmediate(() => this.flushSoon());
  }

  /** Published with the next batch of records (at most RECORD_BATCH_DELAY_MS from now). */
  publishRecord(subject: string, data: Uint8Array, onError?: (err: unknown) => void): void {
    this.records.push({ subject, data, reply: undefined, onError });
    if (this.records.length >= RECORD_BATCH_MAX) this.flushRecords();
    else if (!this.timer) {
      // Unref'd: pending records never keep a process alive; shutdown flushes them.
      this.timer = setTimeout(() => this.flushRecords(), RECORD_BATCH_DELAY_MS);
      this.timer.unref();
    }
  }

  /** Messages waiting to be published. */
  get size(): number {
    return this.soon.length + this.records.length;
  }

  /** Publishes everything queued, now (nats.js then writes it in one go at the next microtask checkpoint). */
  flush(): void {
    this.flushSoon();
    this.flushRecords();
  }

  private flushSoon(): void {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
    const batch = this.soon;
    this.soon = [];
    this.send(batch);
  }

  private flushRecords(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.records;
    this.records = [];
    this.send(batch);
  }

  private send(batch: Queued[]): void {
    for (const m of batch) {
      try {
        if (m.reply === undefined) this.nc.publish(m.subject, m.data);
        else this.nc.publish(m.subject, m.data, { reply: m.reply });
      } catch (err) {
        m.onError?.(err);
      }
    }
  }
}
