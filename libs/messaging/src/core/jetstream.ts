import { RetentionPolicy, StorageType, type KV, type NatsConnection, type StreamConfig } from 'nats';
import { tenantBucket, tenantResourcePrefix, tenantStream, tenantSubject, Streams, type BucketName, type StreamName } from '@certgate/contracts';
import { JS_STREAM_NOT_FOUND, jetStreamErrorCode } from './errors';

const NS_PER_MS = 1_000_000;

const defaultReplicas = new WeakMap<NatsConnection, number>();

/**
 * Replicas of every stream and bucket created over `nc` unless the call names its own:
 * 3 on a three-node NATS cluster, so losing one node loses no acknowledged write
 * (CERTGATE_NATS_REPLICAS). Set once by `connectNats`, so no service passes it along.
 */
export function setJetStreamReplicas(nc: NatsConnection, replicas: number): void {
  defaultReplicas.set(nc, replicas);
}

export function jetStreamReplicas(nc: NatsConnection): number {
  return defaultReplicas.get(nc) ?? 1;
}

/** Never written: a read of it only proves that the bucket answers reads. */
const READY_PROBE_KEY = '_ready';

/** nats.js codes of a call nobody answered: time-out, no responders. */
const UNANSWERED = new Set(['TIMEOUT', '503']);

export interface KvOptions {
  history?: number;
  replicas?: number;
}

/**
 * Opens a tenant's KV bucket, creating it when absent (idempotent across replicas). An
 * existing bucket keeps its replica count: raise it with `nats stream edit KV_<bucket> --replicas 3`.
 */
export async function ensureKv(nc: NatsConnection, tenant: string, bucket: BucketName, opts: KvOptions = {}): Promise<KV> {
  const kv = await retryUnanswered(() =>
    nc.jetstream().views.kv(tenantBucket(tenant, bucket), {
      history: opts.history ?? 1,
      replicas: opts.replicas ?? jetStreamReplicas(nc),
      storage: StorageType.File,
    }),
  );
  await untilServing(nc, `KV_${tenantBucket(tenant, bucket)}`, kv);
  return kv;
}

/**
 * On a cluster, a replica that finds a bucket another one has just created may get it
 * before the bucket has a leader: its first write then has no responders (identity
 * crashed at start-up on "503"), and reads (direct gets, answered by the replicas) may
 * have none either. Waits until the stream has a leader and a read is answered.
 */
async function untilServing(nc: NatsConnection, stream: string, kv: KV, timeoutMs = 20_000): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  const answersRead = () =>
    kv.get(READY_PROBE_KEY).then(
      () => true,
      (err: { code?: string }) => (UNANSWERED.has(err.code ?? '') ? false : Promise.reject(err)),
    );
  for (;;) {
    const cluster = (await retryUnanswered(() => jsm.streams.info(stream))).cluster;
    if ((!cluster || cluster.leader) && (await answersRead())) return;
    if (Date.now() > deadline) throw new Error(`JetStream stream ${stream} has no leader answering after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs a JetStream set-up call again when it went unanswered: on a cluster, a create of
 * an R3 stream that another replica is creating at the same moment can time out
 * (seen with NATS 2.9: services starting together crashed on TIMEOUT), and the
 * JetStream API has no responders while a meta leader is elected. The retry finds
 * the stream created. Only for start-up calls, never on a request path.
 */
export async function retryUnanswered<T>(call: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= attempts || !UNANSWERED.has((err as { code?: string } | undefined)?.code ?? '')) throw err;
      await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** (attempt - 1), 2_000)));
    }
  }
}

/** A concurrent create of the same stream: name already in use (10058), or its subjects taken by it (10065). */
const LOST_CREATE_RACE = new Set([10058, 10065]);

export interface StreamLimits {
  maxAgeMs: number;
  maxBytes: number;
  replicas?: number;
  /** How long JetStream remembers a message id to drop a re-publish of it (default 2 min). */
  duplicateWindowMs?: number;
}

/**
 * Creates a tenant's stream, or updates its limits when it exists, so a changed
 * retention in configuration reaches an existing deployment.
 */
export async function ensureStream(nc: NatsConnection, tenant: string, stream: StreamName, limits: StreamLimits): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const config: Partial<StreamConfig> & { name: string } = {
    name: tenantStream(tenant, stream),
    subjects: [tenantSubject(tenant, Streams[stream])],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: limits.maxAgeMs * NS_PER_MS,
    max_bytes: limits.maxBytes,
    num_replicas: limits.replicas ?? jetStreamReplicas(nc),
    ...(limits.duplicateWindowMs === undefined ? {} : { duplicate_window: limits.duplicateWindowMs * NS_PER_MS }),
  };
  await retryUnanswered(async () => {
    try {
      await jsm.streams.info(config.name);
    } catch (err) {
      if (jetStreamErrorCode(err) !== JS_STREAM_NOT_FOUND) throw err;
      try {
        await jsm.streams.add(config);
        return;
      } catch (addErr) {
        // Another replica (or another module of this one) created it in between: update it instead.
        if (!LOST_CREATE_RACE.has(jetStreamErrorCode(addErr) ?? 0)) throw addErr;
        await jsm.streams.info(config.name);
      }
    }
    await jsm.streams.update(config.name, config);
  });
}

/** Removes every bucket and stream of a tenant (test runs clean up after themselves). */
export async function removeTenantResources(nc: NatsConnection, tenant: string): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const prefix = tenantResourcePrefix(tenant);
  // List first, then delete: deleting while paging through the names can skip some.
  const removed: string[] = [];
  for await (const name of jsm.streams.names()) {
    // KV buckets are streams named KV_<bucket>.
    if (name.startsWith(prefix) || name.startsWith(`KV_${prefix}`)) removed.push(name);
  }
  for (const name of removed) await jsm.streams.delete(name);
  return removed;
}
