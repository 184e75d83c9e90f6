import { headers as natsHeaders, type MsgHdrs, type NatsConnection } from 'nats';

/**
 * A reply larger than one NATS message (the server's `max_payload`, 1 MiB by default)
 * goes as consecutive chunks to the same reply subject, each with this header
 * (`<n>/<of>`); the reply mux joins them. One publisher on one connection keeps the
 * order, so the chunks arrive as sent.
 */
export const CHUNK_HEADER = 'Certgate-Chunk';

/** Room left in each chunk for the header block NATS counts into max_payload. */
const HEADER_ROOM_BYTES = 1024;

/** NATS' default max_payload, for a connection that has not had the server's INFO yet. */
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;

/**
 * Past this a reply is refused rather than chunked: a list or a flow reply this large
 * is a mistake, and the requester would have to hold all of it.
 */
export const MAX_CHUNKED_REPLY_BYTES = 64 * 1024 * 1024;

/** What the connected server carries in one message, from its INFO. */
export function maxPayloadOf(nc: NatsConnection): number {
  return nc.info?.max_payload ?? DEFAULT_MAX_PAYLOAD;
}

/** Publishes `payload` to `subject` as chunks; used only when it does not fit in one message. */
export function publishChunks(nc: NatsConnection, subject: string, payload: Uint8Array, maxPayload: number): void {
  const size = maxPayload - HEADER_ROOM_BYTES;
  const of = Math.ceil(payload.length / size);
  for (let n = 0; n < of; n++) {
    const h = natsHeaders();
    h.set(CHUNK_HEADER, `${n + 1}/${of}`);
    nc.publish(subject, payload.subarray(n * size, Math.min(payload.length, (n + 1) * size)), { headers: h });
  }
}

/** `{n, of}` of a chunk (1-based), or undefined for a message that is a whole reply. */
export function chunkOf(headers: MsgHdrs | undefined): { n: number; of: number } | undefined {
  const value = headers?.get(CHUNK_HEADER);
  if (!value) return undefined;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const of = Number(m[2]);
  return n >= 1 && n <= of ? { n, of } : undefined;
}

/** Concatenates chunks that all arrived. */
export function joinChunks(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
