import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KV, NatsConnection } from 'nats';
import { AlertStateKv, Buckets } from '@certgate/contracts';
import { decodeJson, encodeJson, ensureKv, jetStreamErrorCode, kvCreateUnique, kvLiveEntries, NATS_CONNECTION, JS_WRONG_LAST_SEQUENCE } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { storedSubscriptionSchema, type StoredSubscription } from './subscription-record';

/** JetStream API error: the key is no longer at the revision the update was conditional on. */

/** Every subscription key of the alert-state bucket (the monitor keeps `raised.` and `mute.` beside them). */
export const SUBSCRIPTION_KEYS = AlertStateKv.subscription('>');

/** Webhook subscriptions in the alert-state bucket, secrets only sealed. */
@Injectable()
export class SubscriptionStore {
  private readonly logger = new Logger(SubscriptionStore.name);
  private kv?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  bucket(): Promise<KV> {
    this.kv ??= ensureKv(this.nc, this.env.CERTGATE_TENANT, Buckets.alertState).catch((err: unknown) => {
      this.kv = undefined;
      throw err;
    });
    return this.kv;
  }

  /** False if the id is taken (random ids: practically never). */
  async create(sub: StoredSubscription): Promise<boolean> {
    return kvCreateUnique(await this.bucket(), AlertStateKv.subscription(sub.id), encodeJson(storedSubscriptionSchema.parse(sub)));
  }

  async get(id: string): Promise<StoredSubscription | undefined> {
    const entry = await (await this.bucket()).get(AlertStateKv.subscription(id));
    if (!entry || entry.operation !== 'PUT') return undefined;
    return this.parse(entry.key, entry.value);
  }

  async list(): Promise<StoredSubscription[]> {
    const kv = await this.bucket();
    const subs: StoredSubscription[] = [];
    for (const entry of await kvLiveEntries(this.nc, kv, SUBSCRIPTION_KEYS)) {
      const sub = this.parse(entry.key, entry.value);
      if (sub) subs.push(sub);
    }
    return subs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /**
   * Moves the subscription's `deliveredThrough` up to `streamSeq`, conditional on the
   * revision read, so a subscription deleted meanwhile is not written back.
   */
  async markDelivered(id: string, streamSeq: number): Promise<void> {
    const kv = await this.bucket();
    const key = AlertStateKv.subscription(id);
    for (let attempt = 0; attempt < 5; attempt++) {
      const entry = await kv.get(key);
      if (!entry || entry.operation !== 'PUT') return;
      const sub = this.parse(key, entry.value);
      if (!sub || (sub.deliveredThrough ?? 0) >= streamSeq) return;
      try {
        await kv.update(key, encodeJson(storedSubscriptionSchema.parse({ ...sub, deliveredThrough: streamSeq })), entry.revision);
        return;
      } catch (err) {
        if (jetStreamErrorCode(err) !== JS_WRONG_LAST_SEQUENCE) throw err;
      }
    }
  }

  async delete(id: string): Promise<void> {
    await (await this.bucket()).delete(AlertStateKv.subscription(id));
  }

  private parse(key: string, value: Uint8Array): StoredSubscription | undefined {
    let raw: unknown;
    try {
      raw = decodeJson(value);
    } catch {
      raw = undefined;
    }
    const parsed = storedSubscriptionSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.error({ msg: 'alert subscription does not match its schema; ignored', key });
    return undefined;
  }
}
