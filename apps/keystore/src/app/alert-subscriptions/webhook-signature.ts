import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/**
 * The value of `X-Certgate-Signature`: `sha256=<hex HMAC-SHA256 of the raw body under
 * the secret>`. Signed over the exact bytes sent, so a receiver verifies before parsing.
 */
export function webhookSignature(secret: string, body: Uint8Array): string {
  return PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

/** Constant-time check of a received signature header (what a receiver does). */
export function verifyWebhookSignature(secret: string, body: Uint8Array, header: string | undefined): boolean {
  if (!header?.startsWith(PREFIX)) return false;
  const expected = Buffer.from(webhookSignature(secret, body));
  const received = Buffer.from(header);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
