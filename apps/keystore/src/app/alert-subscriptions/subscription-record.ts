import { z } from 'zod';
import {
  AlertStateKv,
  alertSubscriptionViewSchema,
  encryptedKeySchema,
  subscriptionDeliveriesSchema,
  type AlertSubscriptionView,
  type CertificateAlert,
  type SubscriptionDeliveries,
} from '@certgate/contracts';

/** Every subscription key of the alert-state bucket (the monitor keeps `raised.` and `mute.` beside them). */
export const SUBSCRIPTION_KEYS = AlertStateKv.subscription('>');

/**
 * A subscription as stored under `subscription.<id>` in the alert-state bucket, which
 * only the keystore reads: the view plus the secret, sealed by the KeyVault like a
 * private key (additional data `alert-subscription:<id>`, so it opens for no other id).
 */
export const storedSubscriptionSchema = alertSubscriptionViewSchema.omit({ deliveries: true }).extend({
  secret: encryptedKeySchema,
  /**
   * Stream sequence of the newest alert the receiver took. Delivery is in stream order,
   * so an alert at or below it that comes again is a copy, acknowledged unsent.
   */
  deliveredThrough: z.number().int().min(0).optional(),
  /** The counters of the view (its `pending` is read from the consumer when asked). Absent on records made before they were kept. */
  deliveries: subscriptionDeliveriesSchema.omit({ pending: true }).optional(),
});
export type StoredSubscription = z.infer<typeof storedSubscriptionSchema>;

/** What the KeyVault binds the sealed secret to: no keystore alias can contain `:`. */
export const secretSealLabel = (id: string) => `alert-subscription:${id}`;

/** The durable JetStream consumer that delivers to subscription `id`. */
export const subscriptionConsumerName = (id: string) => `webhook-${id}`;

export function subscriptionView(stored: StoredSubscription, pending?: number): AlertSubscriptionView {
  const { secret: _secret, deliveredThrough: _delivered, deliveries = NO_DELIVERIES, ...view } = stored;
  return alertSubscriptionViewSchema.parse({ ...view, deliveries: { ...deliveries, ...(pending !== undefined && { pending }) } });
}

const NO_DELIVERIES: SubscriptionDeliveries = { delivered: 0, failedAttempts: 0 };

/** The record after one more alert taken by the receiver (through `streamSeq`). */
export function withDelivered(sub: StoredSubscription, streamSeq: number, at: string): StoredSubscription {
  const d = sub.deliveries ?? NO_DELIVERIES;
  return { ...sub, deliveredThrough: streamSeq, deliveries: { ...d, delivered: d.delivered + 1, lastDeliveredAt: at } };
}

/** The record after one more failed attempt. */
export function withFailedAttempt(sub: StoredSubscription, reason: string, at: string): StoredSubscription {
  const d = sub.deliveries ?? NO_DELIVERIES;
  return { ...sub, deliveries: { ...d, failedAttempts: d.failedAttempts + 1, lastFailedAt: at, lastError: reason } };
}

/** Absent filters let everything through; both present must both match. */
export function subscriptionWants(sub: Pick<AlertSubscriptionView, 'sources' | 'thresholds'>, alert: Pick<CertificateAlert, 'source' | 'threshold'>): boolean {
  if (sub.sources && !sub.sources.includes(alert.source)) return false;
  if (sub.thresholds && !sub.thresholds.includes(alert.threshold)) return false;
  return true;
}
