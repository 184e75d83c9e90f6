import type { NatsConnection } from 'nats';
import { jetStreamErrorCode, JS_STREAM_NOT_FOUND } from '@certgate/messaging';

const BATCH = 256;

/** A message of the AUDIT stream as read: its JSON, or undefined when it is not JSON (which the verifier reports). */
export interface RawRecord {
  seq: number;
  record: unknown;
}

const parse = (data: Uint8Array): unknown => {
  try {
    return JSON.parse(new TextDecoder().decode(data));
  } catch {
    return undefined;
  }
};

/**
 * Every message of a stream, oldest first, read in batches by sequence. Unlike the log
 * query it keeps what does not parse, because a verifier must see a damaged record
 * rather than skip it; a sequence with no message (removed) is skipped, and the chain
 * shows the gap.
 */
export async function* readWholeStream(nc: NatsConnection, stream: string): AsyncGenerator<RawRecord> {
  const jsm = await nc.jetstreamManager();
  let first: number;
  let last: number;
  try {
    const info = await jsm.streams.info(stream);
    first = Math.max(info.state.first_seq, 1);
    last = info.state.last_seq;
  } catch (err) {
    if (jetStreamErrorCode(err) === JS_STREAM_NOT_FOUND) return;
    throw err;
  }
  for (let at = first; at <= last; at += BATCH) {
    const seqs = Array.from({ length: Math.min(BATCH, last - at + 1) }, (_, i) => at + i);
    const msgs = await Promise.all(seqs.map((seq) => jsm.streams.getMessage(stream, { seq }).catch(() => undefined)));
    for (const m of msgs) if (m) yield { seq: m.seq, record: parse(m.data) };
  }
}
