/** Room for the envelope around a body (method, headers, TLS facts, JSON) in one NATS message. */
export const ENVELOPE_OVERHEAD_BYTES = 64 * 1024;

/**
 * The largest body that still fits in one NATS message behind the envelope's head (the
 * body travels as bytes, not base64): a larger one would be refused by the server
 * (max_payload) and turn into a 503 instead of the 413/502 that names the problem.
 * Unknown max_payload: as configured.
 */
export function largestBodyInOneMessage(configured: number, natsMaxPayload: number | undefined): number {
  if (!natsMaxPayload || natsMaxPayload <= ENVELOPE_OVERHEAD_BYTES) return configured;
  return Math.min(configured, natsMaxPayload - ENVELOPE_OVERHEAD_BYTES);
}
