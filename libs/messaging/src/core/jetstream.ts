import { RetentionPolicy, StorageType, type KV, type NatsConnection, type StreamConfig } from 'nats';
import {
  tenantBucket,
  tenantResourcePrefix,
  tenantStream,
  tenantSubject,
  Streams,
  type BucketName,
  type StreamName,
} from '@certgate/contracts';
import { JS_STREAM_NOT_FOUND, JS_WRONG_LAST_SEQUENCE, jetStreamErrorCode } from './errors';

const NS_PER_MS = 1_000_000;

export interface KvOptions {
  history?: number;
  replicas?: number;
}

/** Opens a tenant's KV bucket, creating it when absent (idempotent across replicas). */
export async function ensureKv(nc: NatsConnection, tenant: string, bucket: BucketName, opts: KvOptions = {}): Promise<KV> {
  return nc.jetstream().views.kv(tenantBucket(tenant, bucket), {
    history: opts.history ?? 1,
    replicas: opts.replicas ?? 1,
    storage: StorageType.File,
  });
}

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
    num_replicas: limits.replicas ?? 1,
    ...(limits.duplicateWindowMs === undefined ? {} : { duplicate_window: limits.duplicateWindowMs * NS_PER_MS }),
  };
  try {
    await jsm.streams.info(config.name);
  } catch (err) {
    if (jetStreamErrorCode(err) !== JS_STREAM_NOT_FOUND) throw err;
    await jsm.streams.add(config);
    return;
  }
  await jsm.streams.update(config.name, config);
}

/**
 * Writes `key` only if it does not exist yet. Returns false when another writer got
 * there first: the basis of "a certificate can never be registered twice", also
 * across replicas racing each other.
 */
export async function kvCreateUnique(kv: KV, key: string, value: Uint8Array): Promise<boolean> {
  try {
    await kv.create(key, value);
    return true;
  } catch (err) {
    if (jetStreamErrorCode(err) === JS_WRONG_LAST_SEQUENCE) return false;
    throw err;
  }
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
