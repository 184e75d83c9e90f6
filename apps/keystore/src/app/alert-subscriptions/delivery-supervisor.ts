import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AlertStateKv, Buckets, errorMessage } from '@certgate/contracts';
import { KvBuckets, NATS_CONNECTION, nestMessagingLogger } from '@certgate/messaging';
import { SERVICE_ENV, VERSION } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { AlertStateRecords } from '../store/alert-state-records';
import { KeyVault } from '../vault/key-vault';
import { DeliveryMetrics } from './delivery-metrics';
import { SubscriptionDelivery, type DeliverySettings } from './subscription-delivery';
import { WebhookDestinations } from './webhook-destination';
import { secretSealLabel, storedSubscriptionSchema, SUBSCRIPTION_KEYS, subscriptionView, type StoredSubscription } from './subscription-record';

const KEY_PREFIX = AlertStateKv.subscription('');

/**
 * Runs this replica's delivery of every subscription, following the bucket with a KV
 * projection: a subscription made or deleted on any replica starts or stops here within
 * milliseconds, and a restarted replica picks up where the consumers stand.
 */
@Injectable()
export class DeliverySupervisor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliverySupervisor.name);
  private readonly running = new Map<string, SubscriptionDelivery>();
  private readonly settings: DeliverySettings;
  private closing = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) env: KeystoreEnv,
    private readonly buckets: KvBuckets,
    private readonly records: AlertStateRecords,
    private readonly vault: KeyVault,
    private readonly metrics: DeliveryMetrics,
    destinations: WebhookDestinations,
  ) {
    this.settings = {
      tenant: env.CERTGATE_TENANT,
      backoff: { baseMs: env.CERTGATE_ALERT_WEBHOOK_RETRY_BASE_MS, maxMs: env.CERTGATE_ALERT_WEBHOOK_RETRY_MAX_MS },
      timeoutMs: env.CERTGATE_ALERT_WEBHOOK_TIMEOUT_MS,
      userAgent: `certgate-keystore/${VERSION}`,
      destinations,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const subscriptions = await this.buckets.project(Buckets.alertState, {
      key: SUBSCRIPTION_KEYS,
      schema: storedSubscriptionSchema,
      logger: nestMessagingLogger(DeliverySupervisor.name),
      onChange: (key, sub) => void this.apply(key, sub),
    });
    for (const [key, sub] of subscriptions.entries()) await this.apply(key, sub);
  }

  /** The projection stops with the app; the deliveries hand back what they hold. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    const deliveries = [...this.running.values()];
    this.running.clear();
    await Promise.all(deliveries.map((d) => d.stop()));
  }

  /** Subscriptions this replica delivers to (for health and specs). */
  get activeSubscriptions(): string[] {
    return [...this.running.keys()];
  }

  private async apply(key: string, sub: StoredSubscription | undefined): Promise<void> {
    const id = key.slice(KEY_PREFIX.length);
    if (this.closing) return;
    if (!sub) {
      const delivery = this.running.get(id);
      this.running.delete(id);
      await delivery?.stop();
      return;
    }
    if (this.running.has(id)) return;
    let secret: string;
    try {
      secret = this.vault.open(secretSealLabel(id), sub.secret);
    } catch (err) {
      // Its alerts wait in the consumer until the keystore runs with the right master key again.
      this.logger.error({ msg: 'the secret of an alert subscription cannot be opened; not delivering to it', subscription: id, error: errorMessage(err) });
      return;
    }
    const delivery = new SubscriptionDelivery(this.nc, subscriptionView(sub), secret, this.settings, this.metrics, this.records.subscriptions);
    this.running.set(id, delivery);
    delivery.start();
  }
}
