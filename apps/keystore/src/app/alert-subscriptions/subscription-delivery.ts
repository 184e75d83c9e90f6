import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JsMsg, NatsConnection } from 'nats';
import { AlertStateKv, certificateAlertSchema, errorMessage, tenantStream, type AlertSubscriptionView, type CertificateAlert } from '@certgate/contracts';
import { decodeJson, type KvRepository } from '@certgate/messaging';
import { WEBHOOK_ACK_WAIT_MS } from './alerts-stream';
import type { DeliveryMetrics } from './delivery-metrics';
import { retryDelayMs, type RetryBackoff } from './retry-backoff';
import { subscriptionWants, withDelivered, withFailedAttempt, type StoredSubscription } from './subscription-record';
import type { WebhookDestinations } from './webhook-destination';
import { loggableUrl, postWebhook } from './webhook-post';

export interface DeliverySettings {
  tenant: string;
  backoff: RetryBackoff;
  timeoutMs: number;
  userAgent: string;
  /** Where webhooks may go: checked again before each delivery. */
  destinations: WebhookDestinations;
}

/** Pause before getting the consumer again after it could not be read (NATS down, consumer not there yet). */
const RESUBSCRIBE_DELAY_MS = 1000;

/**
 * This replica's share of one subscription: pulls from the subscription's durable
 * consumer and POSTs each alert. Every replica runs one per subscription; the
 * consumer's `max_ack_pending: 1` lets only one of them hold an alert at a time, so
 * alerts go out one by one, in stream order, and a replica that stops hands its alert
 * back (nak) for another one to retry at once.
 */
export class SubscriptionDelivery {
  private readonly logger = new Logger(SubscriptionDelivery.name);
  private readonly abort = new AbortController();
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly nc: NatsConnection,
    private readonly sub: AlertSubscriptionView,
    private readonly secret: string,
    private readonly settings: DeliverySettings,
    private readonly metrics: DeliveryMetrics,
    /** Where the subscription's progress is kept (its `deliveredThrough`). */
    private readonly subscriptions: KvRepository<StoredSubscription>,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Ends the pull and waits for the alert in hand, which goes back to the consumer undelivered. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    await this.messages?.close().catch(() => undefined);
    await this.loop;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let warned = false;
    while (!this.stopped) {
      try {
        const consumer = await this.nc.jetstream().consumers.get(tenantStream(this.settings.tenant, 'ALERTS'), this.sub.consumer);
        if (this.stopped) break;
        this.messages = await consumer.consume({ max_messages: 1 });
        warned = false;
        for await (const msg of this.messages) {
          if (this.stopped) {
            msg.nak();
            break;
          }
          await this.handleOrRetry(msg);
        }
      } catch (err) {
        if (this.stopped) break;
        if (!warned)
          this.logger.warn({ msg: 'cannot read the consumer of an alert subscription; retrying', subscription: this.sub.id, error: errorMessage(err) });
        warned = true;
      }
      if (!this.stopped) await this.pause(RESUBSCRIBE_DELAY_MS);
    }
  }

  /** A failure of NATS itself (KV read, ack) mid-delivery: the alert comes back after the usual backoff. */
  private async handleOrRetry(msg: JsMsg): Promise<void> {
    try {
      await this.handle(msg);
    } catch (err) {
      const delayMs = retryDelayMs(msg.info.redeliveryCount, this.settings.backoff);
      msg.nak(delayMs);
      this.metrics.count('retry');
      this.logger.warn({ msg: 'webhook delivery interrupted; will retry', subscription: this.sub.id, error: errorMessage(err), retryInMs: delayMs });
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    if (await this.deliveredBefore(msg)) {
      msg.ack();
      return;
    }
    const alert = parseAlert(msg.data);
    if (!alert) {
      // Redelivering would never make it valid; keep the subscription moving.
      msg.term();
      this.metrics.count('failed');
      this.logger.error({
        msg: 'event on the alerts stream is not a certificate alert; dropped for this subscription',
        subscription: this.sub.id,
        streamSeq: msg.info.streamSequence,
      });
      return;
    }
    if (!subscriptionWants(this.sub, alert)) {
      await this.ack(msg, alert);
      return;
    }
    const attempt = msg.info.redeliveryCount;
    // Keeps the alert this replica's while the receiver takes its time.
    const keepAlive = setInterval(() => msg.working(), WEBHOOK_ACK_WAIT_MS / 3);
    const outcome = await postWebhook({
      url: this.sub.url,
      body: msg.data,
      secret: this.secret,
      alertId: alert.id,
      subscriptionId: this.sub.id,
      attempt,
      userAgent: this.settings.userAgent,
      timeoutMs: this.settings.timeoutMs,
      signal: this.abort.signal,
      destinations: this.settings.destinations,
    }).finally(() => clearInterval(keepAlive));
    if (outcome.delivered) {
      await this.markDelivered(msg.info.streamSequence);
      await this.ack(msg, alert);
      this.metrics.count('ok');
      return;
    }
    if (outcome.aborted) {
      msg.nak();
      return;
    }
    const delayMs = retryDelayMs(attempt, this.settings.backoff);
    await this.markFailed(outcome.reason);
    msg.nak(delayMs);
    this.metrics.count('retry');
    this.logger.warn({
      msg: 'webhook delivery failed; will retry',
      subscription: this.sub.id,
      url: loggableUrl(this.sub.url),
      alert: alert.id,
      attempt,
      reason: outcome.reason,
      retryInMs: delayMs,
    });
  }

  /**
   * Whether the receiver took this alert already. Servers before 2.10 sometimes hand an
   * alert out once more, as a first delivery, after it was redelivered while no pull
   * request was waiting (seen with nats-server 2.9.10 when a replica stops); the
   * consumer's own ack floor is off then too. The subscription's `deliveredThrough`
   * tells a copy from a new alert, whichever replica delivered it.
   */
  private async deliveredBefore(msg: JsMsg): Promise<boolean> {
    const sub = (await this.subscriptions.get(AlertStateKv.subscription(this.sub.id)))?.value;
    return sub === undefined || msg.info.streamSequence <= (sub.deliveredThrough ?? 0);
  }

  /**
   * Moves the subscription's `deliveredThrough` up to `streamSeq`, conditional on the
   * revision read, so a subscription deleted meanwhile is not written back.
   */
  private async markDelivered(streamSeq: number): Promise<void> {
    await this.subscriptions.modify(AlertStateKv.subscription(this.sub.id), (sub) =>
      sub && (sub.deliveredThrough ?? 0) < streamSeq ? withDelivered(sub, streamSeq, new Date().toISOString()) : undefined,
    );
  }

  /** Counts a failed attempt on the record (the operator's delivery counters); a subscription deleted meanwhile is left alone. */
  private async markFailed(reason: string): Promise<void> {
    await this.subscriptions.modify(AlertStateKv.subscription(this.sub.id), (sub) =>
      sub ? withFailedAttempt(sub, reason, new Date().toISOString()) : undefined,
    );
  }

  /** Waits for the server to record the ack: only then may the next alert go out. */
  private async ack(msg: JsMsg, alert: CertificateAlert): Promise<void> {
    try {
      await msg.ackAck();
    } catch (err) {
      // The alert comes back after ack_wait and is sent again: at least once, never lost.
      this.logger.warn({
        msg: 'acknowledging a webhook delivery failed; the alert will be delivered again',
        subscription: this.sub.id,
        alert: alert.id,
        error: errorMessage(err),
      });
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

function parseAlert(data: Uint8Array): CertificateAlert | undefined {
  try {
    const parsed = certificateAlertSchema.safeParse(decodeJson(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
