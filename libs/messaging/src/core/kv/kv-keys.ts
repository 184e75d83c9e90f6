import type { KV, KvEntry, NatsConnection } from 'nats';

/** A bucket's stream and key subject prefix, asked once per KV handle (they never change). */
const streams = new WeakMap<KV, Promise<{ stream: string; prefix: string }>>();

function streamOf(kv: KV): Promise<{ stream: string; prefix: string }> {
  let known = streams.get(kv);
  if (!known) {
    known = kv.status().then(({ bucket, streamInfo }) => ({ stream: streamInfo.config.name, prefix: `$KV.${bucket}.` }));
    known.catch(() => streams.delete(kv));
    streams.set(kv, known);
  }
  return known;
}

/**
 * The keys of a bucket under `filter` (`role.>`), sorted, deleted ones included (a
 * delete is a marker message; read each key and skip what is not a PUT).
 *
 * Instead of nats.js' `kv.keys()`: that one walks an ordered consumer and stops at
 * `pending === 0`, and a key written while it walks made it list the key twice or
 * never end (seen against nats-server 2.9: 2 hangs and 16 duplicates in 200 listings
 * racing one update; the console's webhook list timed out in CI). The stream's own
 * subject index, asked once, has neither problem.
 */
export async function kvKeys(nc: NatsConnection, kv: KV, filter = '>'): Promise<string[]> {
  const { stream, prefix } = await streamOf(kv);
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(stream, { subjects_filter: prefix + filter });
  return Object.keys(info.state.subjects ?? {})
    .map((subject) => subject.slice(prefix.length))
    .sort();
}

/** Reads in flight at once while listing: a large bucket is read in parallel without flooding the connection. */
const READ_CONCURRENCY = 32;

/**
 * The live values under `filter`, in key order: each listed key read once, and a key
 * deleted (or purged) since it was listed left out.
 */
export async function kvLiveEntries(nc: NatsConnection, kv: KV, filter = '>'): Promise<KvEntry[]> {
  const keys = await kvKeys(nc, kv, filter);
  const entries: (KvEntry | null)[] = new Array(keys.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < keys.length; i = next++) entries[i] = await kv.get(keys[i]);
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, keys.length) }, reader));
  return entries.filter((e): e is KvEntry => e?.operation === 'PUT');
}
