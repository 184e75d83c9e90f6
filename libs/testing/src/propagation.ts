import { RequestStrategy, type NatsConnection } from 'nats';
import { Buckets, runtimeStateContract, runtimeStateSchema, tenantBucket, tenantSubject, type RuntimeState } from '@certgate/contracts';
import { decodeJson, encodeJson } from '@certgate/messaging';

export type WatchedBucket = 'identity' | 'flows';

/** Every runtime replica's applied bucket revisions (one answer per replica, at most `replicas`). */
export async function runtimeStates(nc: NatsConnection, tenant: string, replicas: number): Promise<RuntimeState[]> {
  const subject = tenantSubject(tenant, runtimeStateContract.subject);
  const replies = await nc.requestMany(subject, encodeJson({}), { strategy: RequestStrategy.Count, maxMessages: replicas, maxWait: 500 });
  const states: RuntimeState[] = [];
  for await (const m of replies) states.push(runtimeStateSchema.parse((decodeJson(m.data) as { data: unknown }).data));
  return states;
}

/** The newest revision of a tenant's bucket: a change that has returned is at or below it. */
export async function bucketRevision(nc: NatsConnection, tenant: string, bucket: WatchedBucket): Promise<number> {
  const jsm = await nc.jetstreamManager();
  return (await jsm.streams.info(`KV_${tenantBucket(tenant, Buckets[bucket])}`)).state.last_seq;
}

export interface Propagation {
  /** From the start of the change to every replica serving it. */
  ms: number;
  startedAt: number;
  inForceAt: number;
}

/**
 * Runs a change (an API call that writes `bucket`) and measures how long until every
 * one of `replicas` runtime replicas serves from a copy that includes it.
 */
export async function measurePropagation(
  nc: NatsConnection,
  tenant: string,
  opts: { bucket: WatchedBucket; replicas: number; timeoutMs?: number },
  change: () => Promise<unknown>,
): Promise<Propagation> {
  const startedAt = Date.now();
  await change();
  const target = await bucketRevision(nc, tenant, opts.bucket);
  for (;;) {
    const states = await runtimeStates(nc, tenant, opts.replicas);
    if (states.length === opts.replicas && states.every((s) => s.revisions[opts.bucket] >= target)) {
      const inForceAt = Date.now();
      return { ms: inForceAt - startedAt, startedAt, inForceAt };
    }
    if (Date.now() - startedAt > (opts.timeoutMs ?? 5000)) {
      throw new Error(`change not in force on all ${opts.replicas} runtime replicas after ${Date.now() - startedAt} ms`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}
