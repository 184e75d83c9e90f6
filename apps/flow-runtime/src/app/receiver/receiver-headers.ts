import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { RESERVED_RESPONSE_HEADERS } from '../steps/response-headers';

/**
 * Headers the runtime never sends to a receiver, whoever set them: credentials and
 * identity of the sender (they are for certgate, not for the receiver, and a templated
 * `${header.authorization}` must not leak them), and `host`, which would change the TLS
 * server name the receiver's certificate is checked against.
 */
const NEVER_FORWARDED: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'host',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-client-cert',
  'x-client-cert',
  'x-client-dn',
  'x-ssl-client-cert',
  'x-ssl-client-dn',
  'ssl_client_cert',
  'client-cert',
  'client-cert-chain',
  'x-request-id',
]);

/**
 * What goes to the receiver: the message headers after the steps (the sender's content
 * type, headers set by steps) and the request id, so one message can be followed
 * across both logs. `content-length` is set from the body sent.
 */
export function receiverRequestHeaders(message: Readonly<Record<string, string>>, requestId: string, body: Buffer): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(message)) {
    if (!NEVER_FORWARDED.has(name) && !RESERVED_RESPONSE_HEADERS.has(name) && !name.startsWith('x-ssl-client-')) out[name] = value;
  }
  out['x-request-id'] = requestId;
  out['content-length'] = body.length;
  return out;
}

/**
 * What goes back to the sender: the receiver's headers without the hop-by-hop ones
 * (RFC 9110 §7.6.1: the fixed list and any named in `Connection`), which describe the
 * receiver's connection, not the answer. The envelope carries one string per name, so
 * repeated fields are joined as RFC 9110 §5.3 allows.
 */
export function senderResponseHeaders(received: IncomingHttpHeaders): Record<string, string> {
  const connection = new Set(
    [received.connection ?? '']
      .flat()
      .join(',')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(received)) {
    if (value === undefined || RESERVED_RESPONSE_HEADERS.has(name) || connection.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
