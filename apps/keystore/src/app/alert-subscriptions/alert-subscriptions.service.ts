import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AlertStateKv, CertgateError, ErrorCode, validationFailure, type AlertSubscriptionBody, type AlertSubscriptionView } from '@certgate/contracts';
import { NATS_CONNECTION, ensureStream } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { AlertStateRecords } from '../store/alert-state-records';
import { KeyVault } from '../vault/key-vault';
import { ALERTS_STREAM_LIMITS } from '../alerts/raising/alerts-stream';
import { addWebhookConsumer, deleteWebhookConsumer, pendingAlerts } from './alerts-stream';
import { secretSealLabel, SUBSCRIPTION_KEYS, subscriptionConsumerName, subscriptionView, type StoredSubscription } from './subscription-record';
import { WebhookDestinations } from './webhook-destination';

@Injectable()
export class AlertSubscriptionsService {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
    private readonly records: AlertStateRecords,
    private readonly vault: KeyVault,
    private readonly destinations: WebhookDestinations,
  ) {}

  async list(): Promise<AlertSubscriptionView[]> {
    const subs = (await this.records.subscriptions.list(SUBSCRIPTION_KEYS)).map((s) => s.value);
    subs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return Promise.all(subs.map(async (s) => subscriptionView(s, await pendingAlerts(this.nc, this.env.CERTGATE_TENANT, s.consumer))));
  }

  /**
   * The destination is checked first (again before each delivery). The consumer is made
   * next, then the record: every replica starts delivering when it sees the record, and
   * by then the consumer it pulls from exists.
   */
  async create(body: AlertSubscriptionBody): Promise<AlertSubscriptionView> {
    await this.checkDestination(body.url);
    const tenant = this.env.CERTGATE_TENANT;
    const id = randomBytes(8).toString('hex');
    const consumer = subscriptionConsumerName(id);
    await ensureStream(this.nc, tenant, 'ALERTS', ALERTS_STREAM_LIMITS);
    await addWebhookConsumer(this.nc, tenant, consumer);
    const stored: StoredSubscription = {
      id,
      url: body.url,
      ...(body.sources && { sources: [...new Set(body.sources)] }),
      ...(body.thresholds && { thresholds: [...new Set(body.thresholds)].sort((a, b) => b - a) }),
      createdAt: new Date().toISOString(),
      consumer,
      secret: this.vault.seal(secretSealLabel(id), body.secret),
    };
    try {
      // Random ids: taken practically never.
      if ((await this.records.subscriptions.create(AlertStateKv.subscription(id), stored)) === undefined)
        throw new CertgateError(ErrorCode.concurrentChange, `an alert subscription with id '${id}' exists already; try again`, { id });
    } catch (err) {
      await deleteWebhookConsumer(this.nc, tenant, consumer).catch(() => undefined);
      throw err;
    }
    // A new consumer starts with the alerts raised after it: none pending yet.
    return subscriptionView(stored, 0);
  }

  /**
   * 400 for a receiver the policy refuses (an address, or a host name resolving to one,
   * that is loopback, private, link-local, metadata …, unless CERTGATE_ALERT_WEBHOOK_ALLOW
   * allows it). A host name that does not resolve now is taken: each delivery checks it.
   */
  private async checkDestination(url: string): Promise<void> {
    const check = await this.destinations.check(url);
    if (check.ok || !check.refused) return;
    throw validationFailure('invalid request', [
      {
        code: 'custom',
        path: ['url'],
        message: `${check.reason}: webhooks may not be sent there unless the keystore's CERTGATE_ALERT_WEBHOOK_ALLOW allows it`,
      },
    ]);
  }

  /** Record first, so replicas stop pulling, then the consumer with whatever it still held. */
  async delete(id: string): Promise<void> {
    const key = AlertStateKv.subscription(id);
    const sub = (await this.records.subscriptions.get(key))?.value;
    if (!sub) throw new CertgateError(ErrorCode.subscriptionNotFound, `no alert subscription with id '${id}'`, { id });
    await this.records.subscriptions.delete(key);
    await deleteWebhookConsumer(this.nc, this.env.CERTGATE_TENANT, sub.consumer);
  }
}
