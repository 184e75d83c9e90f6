/**
 * Headers a flow may not set. The hop-by-hop ones (RFC 9110 §7.6.1) describe one
 * connection, which the ingress owns; `content-length` is computed by the ingress
 * from the body it sends, and a wrong one would corrupt the HTTP stream.
 */
export const RESERVED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);

export function isReservedResponseHeader(name: string): boolean {
  return RESERVED_RESPONSE_HEADERS.has(name.toLowerCase());
}

// Anything Node's http module would refuse in a header value (CR/LF above all: header injection).
const INVALID_VALUE_CHARS = /[^\t\x20-\x7e\x80-\xff]/g;

/** A templated value may carry request data: keep it to one well-formed header line. */
export function sanitizeHeaderValue(value: string): string {
  return value.replace(INVALID_VALUE_CHARS, (ch) => (ch === '\r' || ch === '\n' ? ' ' : '?')).trim();
}
