import type { AnyRpcContract, RpcReply } from '@certgate/contracts';
import { decodeJson, encodeJson } from './codec';

const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from([NEWLINE]);
const NO_BYTES = Buffer.alloc(0);

/*
 * How a contract's messages look on NATS. Most are UTF-8 JSON. A contract that names a
 * `bytes` field (the flow invocation's body) is framed instead: the JSON of everything
 * else, a newline, then that field's bytes as they are. JSON.stringify never writes a
 * raw newline, so the first one ends the head; the body is neither base64-encoded (4/3
 * of its size, and a pass over it on both sides) nor escaped inside a JSON string.
 */

export function encodeRpcRequest(contract: AnyRpcContract, body: unknown): Uint8Array {
  if (!contract.bytes || !isRecord(body)) return encodeJson(body);
  const { [contract.bytes]: bytes, ...head } = body;
  return frame(head, contract.bytes, bytes);
}

export function decodeRpcRequest(contract: AnyRpcContract, data: Uint8Array): unknown {
  if (!contract.bytes) return decodeJson(data);
  const { head, bytes } = unframe(data);
  // A head that already holds the field keeps it, and the schema refuses it: never overwritten.
  if (isRecord(head) && !(contract.bytes in head)) head[contract.bytes] = bytes;
  return head;
}

export function encodeRpcReply(contract: AnyRpcContract, reply: RpcReply): Uint8Array {
  if (!contract.bytes) return encodeJson(reply);
  if (!reply.ok || !isRecord(reply.data)) return frame(reply, contract.bytes, undefined);
  const { [contract.bytes]: bytes, ...data } = reply.data;
  return frame({ ok: true, data }, contract.bytes, bytes);
}

export function decodeRpcReply(contract: AnyRpcContract, data: Uint8Array): unknown {
  if (!contract.bytes) return decodeJson(data);
  const { head, bytes } = unframe(data);
  if (isRecord(head) && head.ok === true && isRecord(head.data) && !(contract.bytes in head.data)) head.data[contract.bytes] = bytes;
  return head;
}

/**
 * A bytes field that holds something else stays in the head, where the receiving side's
 * schema refuses it by name.
 */
function frame(head: Record<string, unknown>, field: string, bytes: unknown): Uint8Array {
  if (bytes !== undefined && !(bytes instanceof Uint8Array)) return encodeJson({ ...head, [field]: bytes });
  const text = encodeJson(head);
  return bytes && bytes.length > 0 ? Buffer.concat([text, NEWLINE_BYTE, bytes]) : Buffer.concat([text, NEWLINE_BYTE]);
}

/**
 * Throws SyntaxError when the head is not JSON. The bytes are copied: the message's data
 * is a view of the connection's read buffer, which a body kept for a receiver call would
 * otherwise hold on to.
 */
function unframe(data: Uint8Array): { head: unknown; bytes: Buffer } {
  const end = data.indexOf(NEWLINE);
  if (end < 0) return { head: decodeJson(data), bytes: NO_BYTES };
  const head = decodeJson(data.subarray(0, end));
  return { head, bytes: end + 1 === data.length ? NO_BYTES : Buffer.from(data.subarray(end + 1)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
