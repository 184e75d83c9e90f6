import type { InvokeResponse } from '@certgate/contracts';

/** Data-plane errors use the OAuth shape of design §4: `{"error", "error_description"}`. */
export function errorResponse(status: number, error: string, description: string): InvokeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ error, error_description: description }), 'utf8'),
  };
}

/** A flow whose answer would be too large to send: 502 at once, naming the limit (never a timeout). */
export function responseTooLargeResponse(reason: string): InvokeResponse {
  return errorResponse(502, 'response_too_large', reason);
}

/** A receiver call that failed: 502 naming the cause (design §6). */
export function receiverFailedResponse(reason: string): InvokeResponse {
  return errorResponse(502, 'receiver_failed', reason);
}
