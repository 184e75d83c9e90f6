import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { ALERT_SIGNATURE_HEADER, alertSubscriptionBodySchema } from '@certgate/contracts';
import type { ResolvedAddress, WebhookDestinations } from './webhook-destination';
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
  /** The destination policy, applied again right before connecting. */
  destinations: WebhookDestinations;
}

export type WebhookOutcome = { delivered: true; status: number } | { delivered: false; reason: string; aborted: boolean };

/**
 * One POST of one alert. The URL is checked as at create time, and its host resolved
 * and judged by the destination policy; the connection then goes to one of the
 * addresses judged (pinned: the request resolves nothing itself, so a DNS answer that
 * changes in between cannot lead it elsewhere). Any 2xx is delivered; anything else (a
 * destination refused, another status, a redirect — not followed, a refused connection,
 * no answer in time) is a failed attempt whose reason names what happened.
 */
export async function postWebhook(req: WebhookRequest): Promise<WebhookOutcome> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = AbortSignal.any([req.signal, timeout]);
  try {
    const syntax = alertSubscriptionBodySchema.shape.url.safeParse(req.url);
    if (!syntax.success) return { delivered: false, reason: `refused to connect: ${syntax.error.issues[0]?.message}`, aborted: false };
    const destination = await req.destinations.check(req.url, signal);
    if (!destination.ok) {
      const reason = destination.refused
        ? `refused to connect: ${destination.reason} (not allowed for webhooks; see CERTGATE_ALERT_WEBHOOK_ALLOW)`
        : destination.reason;
      return { delivered: false, reason, aborted: false };
    }
    const status = await send(req, destination.addresses, signal);
    if (status >= 200 && status < 300) return { delivered: true, status };
    return { delivered: false, reason: `receiver answered HTTP ${status}`, aborted: false };
  } catch (err) {
    if (req.signal.aborted) return { delivered: false, reason: 'replica shutting down', aborted: true };
    if (timeout.aborted) return { delivered: false, reason: `no answer within ${req.timeoutMs} ms`, aborted: false };
    return { delivered: false, reason: describeRequestError(err), aborted: false };
  }
}

/**
 * The POST itself, on a connection of its own (no pool: a pooled connection would have
 * been made to an address judged for an earlier delivery). Resolves with the status once
 * the answer was read to the end; its content does not matter.
 */
function send(req: WebhookRequest, addresses: ResolvedAddress[], signal: AbortSignal): Promise<number> {
  const url = new URL(req.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
        headers: {
          'content-type': 'application/json',
          'content-length': String(req.body.byteLength),
          'user-agent': req.userAgent,
          [ALERT_SIGNATURE_HEADER]: webhookSignature(req.secret, req.body),
          'x-certgate-alert-id': req.alertId,
          'x-certgate-subscription': req.subscriptionId,
          'x-certgate-delivery-attempt': String(req.attempt),
        },
      },
      (res: IncomingMessage) => {
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('close', () => reject(new Error(`the receiver closed the connection before the end of its answer (HTTP ${res.statusCode})`)));
        res.resume();
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** A `lookup` that answers with the addresses already judged, whatever it is asked (one, or all for happy eyeballs). */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all)
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

function describeRequestError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code) return `${e.code}${e.message ? `: ${e.message}` : ''}`;
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
