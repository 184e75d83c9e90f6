/** Room for the envelope around a body (method, headers, TLS facts, JSON) in one NATS message. */
export const ENVELOPE_OVERHEAD_BYTES = 64 * 1024;

/**
 * The largest body that still fits in one NATS message once base64-encoded inside an
 * envelope: a larger one would be refused by the server (max_payload) and turn into a
 * 503 instead of the 413/502 that names the problem. Unknown max_payload: as configured.
 */
export function largestBodyInOneMessage(configured: number, natsMaxPayload: number | undefined): number {
  if (!natsMaxPayload || natsMaxPayload <= ENVELOPE_OVERHEAD_BYTES) return configured;
  return Math.min(configured, Math.floor(((natsMaxPayload - ENVELOPE_OVERHEAD_BYTES) * 3) / 4));
}
