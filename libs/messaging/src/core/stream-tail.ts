import { AckPolicy, DeliverPolicy, nanos, type JetStreamManager, type NatsConnection } from 'nats';
import { tenantStream, type StreamName } from '@certgate/contracts';
import { decodeJson } from './codec';
import { JS_STREAM_NOT_FOUND, jetStreamErrorCode } from './errors';

/** Messages read per round trip: fetched in parallel, one `getMessage` each. */
const BATCH = 64;

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
  const page = await queryStream<T>(nc, tenant, stream, { limit, filter });
  return page.records.map((r) => r.record);
}

export interface StreamQuery<T> {
  /** At most this many matching records (1 or more). */
  limit: number;
  /** Only records it passes; applied while reading, so only what is needed is read. */
  filter?: (record: T) => boolean;
  /** Only records the stream stored at or after this time (found with the stream's own time index). */
  since?: Date;
  /** Only records the stream stored at or before this time (same). */
  until?: Date;
  /** Only records older than this stream sequence: the page before a cursor. */
  before?: number;
  /**
   * Only records newer than this stream sequence, read forwards: the oldest `limit` of
   * them (following a log). Without it the newest `limit` matching records are read,
   * backwards from the end.
   */
  after?: number;
}

export interface StreamRecord<T> {
  /** The record's stream sequence. */
  seq: number;
  record: T;
}

export interface StreamPage<T> {
  /** Oldest first. */
  records: StreamRecord<T>[];
  /**
   * Reading backwards: more matching records exist before the oldest one returned (ask
   * again with `before` = its `seq`). Reading forwards (`after`): more exist after the
   * newest one returned.
   */
  more: boolean;
}

/**
 * Matching records of a tenant's stream, oldest first: the newest `limit` of them, or
 * with `after` the oldest `limit` newer than that sequence. Time bounds become sequence
 * bounds through the stream's time index (a consumer created to start at a time knows
 * the first sequence stored at or after it), so a query for the last hour of a week-long
 * log reads only that hour; the filter is applied while reading, and reading stops as
 * soon as one record more than `limit` matched. A stream that does not exist is empty.
 */
export async function queryStream<T = unknown>(nc: NatsConnection, tenant: string, stream: StreamName, query: StreamQuery<T>): Promise<StreamPage<T>> {
  const jsm = await nc.jetstreamManager();
  const name = tenantStream(tenant, stream);
  let first: number;
  let last: number;
  try {
    const info = await jsm.streams.info(name);
    first = info.state.first_seq;
    last = info.state.last_seq;
  } catch (err) {
    if (jetStreamErrorCode(err) === JS_STREAM_NOT_FOUND) return { records: [], more: false };
    throw err;
  }
  let lo = Math.max(first, 1);
  let hi = last;
  if (query.since) lo = Math.max(lo, await firstSeqAtOrAfter(jsm, name, query.since, last));
  if (query.until) hi = Math.min(hi, (await firstSeqAtOrAfter(jsm, name, new Date(query.until.getTime() + 1), last)) - 1);
  if (query.before !== undefined) hi = Math.min(hi, query.before - 1);
  if (query.after !== undefined) lo = Math.max(lo, query.after + 1);
  const filter = query.filter ?? (() => true);
  const wanted = query.limit + 1;
  const found: StreamRecord<T>[] = [];
  const forwards = query.after !== undefined;
  for (let at = forwards ? lo : hi; forwards ? at <= hi : at >= lo; at += forwards ? BATCH : -BATCH) {
    const count = forwards ? Math.min(BATCH, hi - at + 1) : Math.min(BATCH, at - lo + 1);
    const seqs = Array.from({ length: count }, (_, i) => (forwards ? at + i : at - i));
    const msgs = await Promise.all(seqs.map((seq) => jsm.streams.getMessage(name, { seq }).catch(() => undefined)));
    for (const m of msgs) {
      if (!m) continue; // removed by the stream's limits meanwhile
      const record = decodeJson(m.data) as T;
      if (filter(record)) found.push({ seq: m.seq, record });
      if (found.length === wanted) break;
    }
    if (found.length === wanted) break;
  }
  const more = found.length > query.limit;
  const records = found.slice(0, query.limit);
  return { records: forwards ? records : records.reverse(), more };
}

/**
 * The first sequence the stream stored at or after `time` (`last + 1` when none): a
 * consumer created to deliver from that time starts there, and reports the sequence
 * before it as delivered. The consumer is removed at once (and would expire by itself).
 */
async function firstSeqAtOrAfter(jsm: JetStreamManager, stream: string, time: Date, last: number): Promise<number> {
  const ci = await jsm.consumers.add(stream, {
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: time.toISOString(),
    ack_policy: AckPolicy.None,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: nanos(30_000),
  });
  await jsm.consumers.delete(stream, ci.name).catch(() => undefined);
  return ci.num_pending === 0 ? last + 1 : ci.delivered.stream_seq + 1;
}
