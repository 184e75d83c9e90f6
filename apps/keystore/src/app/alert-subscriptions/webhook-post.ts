import { ALERT_SIGNATURE_HEADER } from '@certgate/contracts';
import { webhookSignature } from './webhook-signature';

export interface WebhookRequest {
  url: string;
  /** The raw event body as published: exactly the bytes signed. */
  body: Uint8Array;
  secret: string;
  alertId: string;
  subscriptionId: string;
  attempt: number;
  userAgent: string;
  timeoutMs: number;
  /** Aborted when the replica shuts down: the attempt is handed back, not counted. */
  signal: AbortSignal;
}

export type WebhookOutcome = { delivered: true; status: number } | { delivered: false; reason: string; aborted: boolean };

/**
 * One POST of one alert. Any 2xx is delivered; anything else (another status, a
 * redirect — not followed, a refused connection, no answer in time) is a failed
 * attempt whose reason names what happened.
 */
export async function postWebhook(req: WebhookRequest): Promise<WebhookOutcome> {
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]),
      headers: {
        'content-type': 'application/json',
        'user-agent': req.userAgent,
        [ALERT_SIGNATURE_HEADER]: webhookSignature(req.secret, req.body),
        'x-certgate-alert-id': req.alertId,
        'x-certgate-subscription': req.subscriptionId,
        'x-certgate-delivery-attempt': String(req.attempt),
      },
    });
    // Read to the end so the connection can be reused; the content does not matter.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { delivered: true, status: res.status };
    return { delivered: false, reason: `receiver answered HTTP ${res.status}`, aborted: false };
  } catch (err) {
    if (req.signal.aborted) return { delivered: false, reason: 'replica shutting down', aborted: true };
    return { delivered: false, reason: describeFetchError(err, req.timeoutMs), aborted: false };
  }
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return e?.message ?? String(err);
}

/** Scheme, host and path only: a URL's user info or query may hold a receiver's token. */
export function loggableUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
