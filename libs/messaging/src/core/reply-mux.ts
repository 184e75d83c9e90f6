import { createInbox, Events, ErrorCode as NatsErrorCode, NatsError, type Msg, type NatsConnection, type Subscription } from 'nats';
import { chunkOf, joinChunks } from './chunks';
import { PublishQueue } from './publish-queue';

interface Pending {
  resolve(data: Uint8Array): void;
  reject(err: unknown): void;
  timer: NodeJS.Timeout;
  /** The chunks of a reply larger than one NATS message, as they arrive. */
  chunks?: Uint8Array[];
}

const muxes = new WeakMap<NatsConnection, ReplyMux>();

/**
 * Request/reply over one wildcard inbox subscription per connection, as nats.js'
 * `request()` does, but without its per-call cost: nats.js allocates up to three
 * Errors per request (an async-trace context, a pre-built timeout error, and a
 * "cancelled" error it creates after every *successful* reply), and capturing their
 * stack traces was the largest single cost of the ingress' request path. Here a request
 * is a token, a timer and a promise; an Error is created only when a request fails.
 *
 * Failures carry nats.js' error codes (503 no responders, TIMEOUT, CONNECTION_CLOSED,
 * CONNECTION_DRAINING), so callers map them as they did for `nc.request()`.
 */
export class ReplyMux {
  private readonly prefix: string;
  private readonly pending = new Map<string, Pending>();
  private readonly sub: Subscription;
  private readonly queue: PublishQueue;
  private seq = 0;
  private closed = false;

  private constructor(private readonly nc: NatsConnection) {
    this.prefix = `${createInbox()}.`;
    // Throws on a closed or draining connection: the caller maps it, and no mux is kept.
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (err, msg) => (err ? this.failAll(err) : this.onReply(msg)) });
    this.queue = PublishQueue.of(nc);
    void this.sub.closed.then(() =>
      this.failAll(NatsError.errorForCode(this.nc.isDraining() ? NatsErrorCode.ConnectionDraining : NatsErrorCode.ConnectionClosed)),
    );
    void this.failPendingOnDisconnect();
  }

  /**
   * A reply to a request sent before the connection dropped went to the server that is
   * gone (a crashed cluster node, a restarting NATS): waiting for it would hold the
   * caller until its timeout (the ingress: 10 s) for a 503 it can have now. Requests
   * sent while disconnected are kept by nats.js and go out after the reconnect.
   */
  private async failPendingOnDisconnect(): Promise<void> {
    for await (const s of this.nc.status()) {
      if (s.type !== Events.Disconnect) continue;
      for (const token of [...this.pending.keys()]) this.settle(token)?.reject(NatsError.errorForCode(NatsErrorCode.Disconnect));
    }
  }

  static of(nc: NatsConnection): ReplyMux {
    let mux = muxes.get(nc);
    if (!mux || mux.closed) {
      mux = new ReplyMux(nc);
      muxes.set(nc, mux);
    }
    return mux;
  }

  /** The reply's payload, or a rejection with a NatsError (timeout, no responders, connection gone). */
  request(subject: string, payload: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (this.nc.isClosed()) return Promise.reject(NatsError.errorForCode(NatsErrorCode.ConnectionClosed));
    if (this.nc.isDraining()) return Promise.reject(NatsError.errorForCode(NatsErrorCode.ConnectionDraining));
    const token = (this.seq++).toString(36);
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(token)?.reject(NatsError.errorForCode(NatsErrorCode.Timeout)), timeoutMs);
      this.pending.set(token, { resolve, reject, timer });
      this.queue.publish(subject, payload, { reply: this.prefix + token, onError: (err) => this.settle(token)?.reject(err) });
    });
  }

  private onReply(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length);
    // A whole reply carries no headers (unless it is "no responders"): the common case reads nothing more.
    const chunk = msg.headers ? chunkOf(msg.headers) : undefined;
    if (chunk) return this.onChunk(token, chunk, msg.data);
    const pending = this.settle(token);
    if (!pending) return; // late: the request already timed out
    // The server's "no responders" answer: a status message without payload (as nats.js' isRequestError).
    if (msg.data.length === 0 && msg.headers?.code === 503) pending.reject(NatsError.errorForCode(NatsErrorCode.NoResponders));
    else pending.resolve(msg.data);
  }

  private onChunk(token: string, chunk: { n: number; of: number }, data: Uint8Array): void {
    const pending = this.pending.get(token);
    if (!pending) return;
    const chunks = (pending.chunks ??= []);
    // Chunks arrive in order (one publisher, one connection); anything else is a broken reply.
    if (chunk.n !== chunks.length + 1) {
      this.settle(token)?.reject(new Error(`reply chunk ${chunk.n}/${chunk.of} arrived after ${chunks.length}`));
      return;
    }
    chunks.push(data);
    if (chunk.n === chunk.of) this.settle(token)?.resolve(joinChunks(chunks));
  }

  private settle(token: string): Pending | undefined {
    const pending = this.pending.get(token);
    if (!pending) return undefined;
    this.pending.delete(token);
    clearTimeout(pending.timer);
    return pending;
  }

  private failAll(err: unknown): void {
    this.closed = true;
    for (const token of [...this.pending.keys()]) this.settle(token)?.reject(err);
  }
}
