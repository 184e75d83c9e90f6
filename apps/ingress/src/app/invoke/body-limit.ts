import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { DataPlaneError } from '../common/data-plane-responses';

export type BodyOutcome = { kind: 'ok'; body: Buffer } | { kind: 'too_large'; receivedBytes: number } | { kind: 'aborted' };

/**
 * A request that carries no body (RFC 9112 §6.3: no Transfer-Encoding, and no or a zero
 * Content-Length), so there is nothing to read or wait for.
 */
export function declaresNoBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] === undefined && (length === undefined || Number(length) === 0);
}

/** The declared Content-Length already exceeds the limit: refuse before reading a byte. */
export function declaredTooLarge(headers: IncomingHttpHeaders, maxBytes: number): boolean {
  const declared = headers['content-length'];
  return declared !== undefined && Number(declared) > maxBytes;
}

/**
 * Reads a request body, counting bytes as they stream in (a chunked body declares no
 * length), and stops reading as soon as the count passes the limit, so an oversized
 * upload costs at most `maxBytes` plus one chunk of memory.
 */
export function readLimitedBody(stream: Readable, maxBytes: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (outcome: BodyOutcome) => {
      stream.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        stream.pause();
        settle({ kind: 'too_large', receivedBytes: received });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle({ kind: 'ok', body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received) });
    const onAbort = () => settle({ kind: 'aborted' });
    // 'close' before 'end' means the client went away mid-body.
    const onClose = () => {
      if (!stream.readableEnded) onAbort();
    };
    stream.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

/** The 413 body: names the limit and its value (and why it is lower than configured, when it is). */
export function bodyTooLarge(effective: number, configured: number): DataPlaneError {
  const lowered = effective < configured;
  return {
    error: 'payload_too_large',
    error_description: `the request body is larger than ${effective} bytes (INGRESS_MAX_BODY_BYTES${lowered ? ', lowered to what one NATS message carries' : ''})`,
    details: { limit: 'INGRESS_MAX_BODY_BYTES', maxBytes: effective, ...(lowered ? { configuredBytes: configured } : {}) },
  };
}
