import type { NatsConnection } from 'nats';
import { tenantStream, type StreamName } from '@certgate/contracts';
import { decodeJson } from './codec';
import { JS_STREAM_NOT_FOUND, jetStreamErrorCode } from './errors';

/**
 * The newest `limit` records of a tenant's stream, oldest first, optionally only those
 * whose decoded record passes `filter`. For the admin API's log views; never on a
 * request path.
 */
export async function readStreamTail<T = unknown>(
  nc: NatsConnection,
  tenant: string,
  stream: StreamName,
  limit: number,
  filter: (record: T) => boolean = () => true,
): Promise<T[]> {
  const jsm = await nc.jetstreamManager();
  const name = tenantStream(tenant, stream);
  let first: number;
  let last: number;
  try {
    const info = await jsm.streams.info(name);
    first = info.state.first_seq;
    last = info.state.last_seq;
  } catch (err) {
    if (jetStreamErrorCode(err) === JS_STREAM_NOT_FOUND) return [];
    throw err;
  }
  const out: T[] = [];
  const BATCH = 64;
  for (let hi = last; hi >= first && out.length < limit; hi -= BATCH) {
    const seqs = Array.from({ length: Math.min(BATCH, hi - first + 1) }, (_, i) => hi - i);
    const msgs = await Promise.all(seqs.map((seq) => jsm.streams.getMessage(name, { seq }).catch(() => undefined)));
    for (const m of msgs) {
      if (!m) continue; // removed by the stream's limits meanwhile
      const record = decodeJson(m.data) as T;
      if (filter(record)) out.push(record);
      if (out.length === limit) break;
    }
  }
  return out.reverse();
}
