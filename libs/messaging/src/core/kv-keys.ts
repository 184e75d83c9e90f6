import type { KV, NatsConnection } from 'nats';

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
  const { bucket, streamInfo } = await kv.status();
  const prefix = `$KV.${bucket}.`;
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(streamInfo.config.name, { subjects_filter: prefix + filter });
  return Object.keys(info.state.subjects ?? {})
    .map((subject) => subject.slice(prefix.length))
    .sort();
}
