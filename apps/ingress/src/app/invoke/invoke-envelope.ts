import type { IncomingHttpHeaders } from 'node:http';
import type { InvokeRequest, TlsClient } from '@certgate/contracts';
import { forwardableHeaders } from './header-hygiene';

/** Flows are invoked under this path: `https://<ingress>/http/<address>`. */
export const FLOW_PREFIX = '/http';

/** Path and query of a request target (`/http/orders?id=1` → `/http/orders`, `id=1`). */
export function splitTarget(target: string): { path: string; query: string } {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

/**
 * The flow address of a request path, the part below `/http` (`/http/orders` →
 * `/orders`, `/http` → `/`), or undefined when the path is not a flow call. The address
 * is passed on as received, not percent-decoded: the runtime matches it against
 * deployed sender addresses.
 */
export function flowAddress(path: string): string | undefined {
  if (path === FLOW_PREFIX) return '/';
  if (!path.startsWith(`${FLOW_PREFIX}/`)) return undefined;
  return path.slice(FLOW_PREFIX.length);
}

export interface EnvelopeInput {
  requestId: string;
  nodeId: string;
  method: string;
  address: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  clientAddress: string;
  tls: TlsClient;
}

/**
 * The request as the runtime receives it: identity only in `tls`, never in a header.
 * `x-request-id` is the ingress' id of the request, never the sender's.
 */
export function invokeEnvelope(input: EnvelopeInput): InvokeRequest {
  const headers = forwardableHeaders(input.headers);
  headers['x-request-id'] = input.requestId;
  return {
    requestId: input.requestId,
    nodeId: input.nodeId,
    method: input.method,
    address: input.address,
    query: input.query,
    headers,
    body: input.body,
    clientAddress: input.clientAddress,
    tls: input.tls,
  };
}
