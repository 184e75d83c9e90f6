import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { LogSubjects, errorMessage, tenantSubject, type MplRecord } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, PublishQueue, encodeJson, ensureStream, type MessagingOptions } from '@certgate/messaging';

const DAY_MS = 86_400_000;
export const MPL_LIMITS = { maxAgeMs: 7 * DAY_MS, maxBytes: 256 * 1024 * 1024 };
/** Subject token for messages that reached no flow (unknown address). */
export const UNKNOWN_FLOW = '_unknown';

/**
 * Message processing log: one record per message, published to the MPL stream's
 * subject without waiting for JetStream's acknowledgement, so the request path never
 * waits on storage. Records leave in small batches every few milliseconds (one socket
 * write, one wake-up of the stream for many records), each still its own stream
 * message; what is waiting is published before the connection drains on shutdown.
 */
@Injectable()
export class MplPublisher implements OnModuleInit {
  private readonly logger = new Logger('mpl');
  private readonly queue: PublishQueue;
  private failing = false;
  private readonly onError = (err: unknown) => {
    // A lost log record must not turn an answered request into a failed one; said once per outage.
    if (!this.failing) this.logger.warn({ msg: 'MPL record not published', error: errorMessage(err) });
    this.failing = true;
  };

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.queue = PublishQueue.of(nc);
  }

  async onModuleInit(): Promise<void> {
    await ensureStream(this.nc, this.options.tenant, 'MPL', MPL_LIMITS);
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  publish(record: MplRecord): void {
    if (this.failing && !this.nc.isClosed()) this.failing = false;
    this.queue.publishRecord(tenantSubject(this.options.tenant, LogSubjects.mpl(record.flowId ?? UNKNOWN_FLOW)), encodeJson(record), this.onError);
  }
}
