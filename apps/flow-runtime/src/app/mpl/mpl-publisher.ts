import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { LogSubjects, tenantSubject, type MplRecord } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, encodeJson, ensureStream, type MessagingOptions } from '@certgate/messaging';

const DAY_MS = 86_400_000;
export const MPL_LIMITS = { maxAgeMs: 7 * DAY_MS, maxBytes: 256 * 1024 * 1024 };
/** Subject token for messages that reached no flow (unknown address). */
export const UNKNOWN_FLOW = '_unknown';

/**
 * Message processing log: one record per message, published to the MPL stream's
 * subject without waiting for JetStream's acknowledgement, so the request path never
 * waits on storage.
 */
@Injectable()
export class MplPublisher implements OnModuleInit {
  private readonly logger = new Logger('mpl');

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureStream(this.nc, this.options.tenant, 'MPL', MPL_LIMITS);
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  publish(record: MplRecord): void {
    try {
      this.nc.publish(tenantSubject(this.options.tenant, LogSubjects.mpl(record.flowId ?? UNKNOWN_FLOW)), encodeJson(record));
    } catch (err) {
      // A lost log record must not turn an answered request into a failed one.
      this.logger.warn({ msg: 'MPL record not published', messageId: record.messageId, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
