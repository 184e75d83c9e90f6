import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import { AlertSubjects, errorMessage, tenantStream, tenantSubject } from '@certgate/contracts';
import { jetStreamErrorCode, MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions, JS_STREAM_NOT_FOUND } from '@certgate/messaging';
import { sseComment, sseEvent } from './server-sent-events';

/** Below the idle timeouts of common proxies (nginx 60 s), so a quiet stream stays open. */
const KEEP_ALIVE_MS = 15_000;
/** Wait before looking again for a stream that does not exist yet or a consumer that failed. */
const RETRY_MS = 1_000;

/**
 * Streams the tenant's alerts to HTTP clients as Server-Sent Events, each from an
 * ordered (ephemeral) JetStream consumer of its own. Every event carries its stream
 * sequence as `id`, so a client that reconnects with `?since=<id>` (or
 * `Last-Event-ID`) misses nothing and sees nothing twice.
 */
@Injectable()
export class AlertWatchService implements OnModuleDestroy {
  private readonly logger = new Logger('alerts-watch');
  private readonly open = new Set<AlertWatch>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async serve(res: Response, since: number | undefined): Promise<void> {
    const watch = new AlertWatch(this.nc, this.options.tenant, res, this.logger);
    this.open.add(watch);
    try {
      await watch.run(since);
    } finally {
      this.open.delete(watch);
    }
  }

  /** Open streams would hold the HTTP server's close; ending them tells clients to reconnect elsewhere or later. */
  onModuleDestroy(): void {
    for (const watch of this.open) watch.end();
  }
}

class AlertWatch {
  private closed = false;
  private messages?: ConsumerMessages;
  private wake?: () => void;

  constructor(
    private readonly nc: NatsConnection,
    private readonly tenant: string,
    private readonly res: Response,
    private readonly logger: Logger,
  ) {
    res.on('close', () => this.stop());
  }

  async run(since: number | undefined): Promise<void> {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.res.write('retry: 1000\n' + sseComment('certgate expiry alerts'));
    const keepAlive = setInterval(() => this.res.write(sseComment('keep-alive')), KEEP_ALIVE_MS);
    try {
      let after = since ?? (await this.lastSequence());
      // From here on nothing published is missed: the consumer starts right after `after`.
      this.res.write(sseEvent({ event: 'ready', id: after, data: JSON.stringify({ since: after }) }));
      while (!this.closed) {
        try {
          if (!(await this.streamExists())) {
            await this.pause(RETRY_MS);
            continue;
          }
          const consumer = await this.nc.jetstream().consumers.get(tenantStream(this.tenant, 'ALERTS'), {
            filterSubjects: tenantSubject(this.tenant, AlertSubjects.all),
            deliver_policy: DeliverPolicy.StartSequence,
            opt_start_seq: after + 1,
          });
          if (this.closed) break;
          this.messages = await consumer.consume();
          if (this.closed) this.messages.stop();
          for await (const m of this.messages) {
            after = m.seq;
            this.res.write(sseEvent({ event: 'alert', id: m.seq, data: m.string() }));
          }
        } catch (err) {
          if (this.closed) break;
          this.logger.warn({ msg: 'reading the alerts stream failed; retrying', error: errorMessage(err) });
        }
        if (!this.closed) await this.pause(RETRY_MS);
      }
    } finally {
      clearInterval(keepAlive);
      this.end();
    }
  }

  end(): void {
    this.stop();
    if (!this.res.writableEnded) this.res.end();
  }

  private stop(): void {
    this.closed = true;
    this.messages?.stop();
    this.wake?.();
  }

  /** 0 while the stream does not exist yet: everything it will hold is new. */
  private async lastSequence(): Promise<number> {
    try {
      return (await (await this.nc.jetstreamManager()).streams.info(tenantStream(this.tenant, 'ALERTS'))).state.last_seq;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_STREAM_NOT_FOUND) return 0;
      throw err;
    }
  }

  private async streamExists(): Promise<boolean> {
    try {
      await (await this.nc.jetstreamManager()).streams.info(tenantStream(this.tenant, 'ALERTS'));
      return true;
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_STREAM_NOT_FOUND) return false;
      throw err;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
