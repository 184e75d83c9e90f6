import { AckPolicy, DeliverPolicy, nanos, type ConsumerConfig, type NatsConnection } from 'nats';
import { AlertSubjects, tenantStream, tenantSubject } from '@certgate/contracts';
import { jetStreamErrorCode, JS_CONSUMER_NOT_FOUND, JS_STREAM_NOT_FOUND } from '@certgate/messaging';

/**
 * How long an alert handed to a replica stays its own without word from it. Short, so
 * an alert held by a replica that died (or handed to a pull request of a replica that
 * has just stopped) goes to another one within seconds; a replica waiting on a slow
 * receiver extends it (`working`) while it waits.
 */
export const WEBHOOK_ACK_WAIT_MS = 5_000;

/**
 * One durable pull consumer per subscription, shared by every keystore replica.
 * `max_ack_pending: 1` is what keeps delivery in order: the server hands out the next
 * alert only once the current one is acknowledged, whichever replica holds it, and a
 * retried alert (nak with a delay) keeps its place at the head. It starts with the
 * alerts raised after the subscription was made.
 */
export function webhookConsumerConfig(tenant: string, name: string): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: name,
    description: 'certgate webhook subscription',
    filter_subject: tenantSubject(tenant, AlertSubjects.all),
    deliver_policy: DeliverPolicy.New,
    ack_policy: AckPolicy.Explicit,
    max_ack_pending: 1,
    max_deliver: -1,
    ack_wait: nanos(WEBHOOK_ACK_WAIT_MS),
  };
}

export async function addWebhookConsumer(nc: NatsConnection, tenant: string, name: string): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add(tenantStream(tenant, 'ALERTS'), webhookConsumerConfig(tenant, name));
}

/** Idempotent: a consumer (or stream) that is already gone counts as deleted. */
export async function deleteWebhookConsumer(nc: NatsConnection, tenant: string, name: string): Promise<void> {
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.consumers.delete(tenantStream(tenant, 'ALERTS'), name);
  } catch (err) {
    const code = jetStreamErrorCode(err);
    if (code !== JS_CONSUMER_NOT_FOUND && code !== JS_STREAM_NOT_FOUND) throw err;
  }
}

/**
 * Alerts the subscription's consumer has yet to see through (waiting, or handed out and
 * not acknowledged: the one being retried); undefined when the consumer cannot be read.
 */
export async function pendingAlerts(nc: NatsConnection, tenant: string, name: string): Promise<number | undefined> {
  try {
    const info = await (await nc.jetstreamManager()).consumers.info(tenantStream(tenant, 'ALERTS'), name);
    return info.num_pending + info.num_ack_pending;
  } catch {
    return undefined;
  }
}
