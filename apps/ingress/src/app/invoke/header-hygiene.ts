import type { IncomingHttpHeaders } from 'node:http';

/**
 * Inbound headers that could carry a client identity, as load balancers, proxies and
 * web servers name them. The ingress is the only place that says who a client is
 * (in the envelope's `tls` field, from the TLS handshake), so a client must never be
 * able to claim an identity by sending one of these. Matching is case-insensitive.
 */
export const IDENTITY_HEADERS = {
  exact: [
    'x-forwarded-client-cert', // Envoy, Istio
    'ssl_client_cert', // Apache mod_ssl / mod_headers
    'ssl-client-cert',
    'x-ssl-client-cert', // nginx, HAProxy conventions
    'x-client-cert',
    'x-client-dn',
    'x-client-verify',
    'x-arr-clientcert', // Azure App Service / ARR
    'client-cert', // RFC 9440
    'client-cert-chain', // RFC 9440
  ],
  prefixes: [
    'x-ssl-', // x-ssl-client-*, x-ssl-cert, x-ssl-issuer ...
    'ssl_', // ssl_client_s_dn, ssl_client_verify ... (Apache variables forwarded as headers)
    'ssl-client-',
    'x-client-cert', // x-client-certificate, x-client-cert-* (Google Cloud load balancer)
    'x-forwarded-ssl-client-',
    'x-forwarded-tls-client-', // Traefik
    'x-amzn-mtls-clientcert', // AWS ALB: x-amzn-mtls-clientcert, -serial-number, -issuer, -subject ...
    'cf-client-cert', // Cloudflare
  ],
} as const;

/** Headers that describe one connection, not the request (RFC 9110 §7.6.1), plus the proxy ones. */
export const HOP_BY_HOP_HEADERS = {
  exact: ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'trailers'],
  prefixes: ['proxy-'],
} as const;

const IDENTITY_EXACT: ReadonlySet<string> = new Set(IDENTITY_HEADERS.exact);
const HOP_EXACT: ReadonlySet<string> = new Set(HOP_BY_HOP_HEADERS.exact);
const DROPPED_PREFIXES: readonly string[] = [...IDENTITY_HEADERS.prefixes, ...HOP_BY_HOP_HEADERS.prefixes];

export function isIdentityHeader(name: string): boolean {
  const n = name.toLowerCase();
  return IDENTITY_EXACT.has(n) || IDENTITY_HEADERS.prefixes.some((p) => n.startsWith(p));
}

export function isHopByHopHeader(name: string): boolean {
  const n = name.toLowerCase();
  return HOP_EXACT.has(n) || HOP_BY_HOP_HEADERS.prefixes.some((p) => n.startsWith(p));
}

export type ForwardedHeaders = Record<string, string | string[]>;

/**
 * The headers a flow gets: everything but hop-by-hop and identity headers, and but the
 * headers the `Connection` header names (those are hop-by-hop too, RFC 9110 §7.6.1).
 * Names are lowercased.
 */
export function forwardableHeaders(headers: IncomingHttpHeaders): ForwardedHeaders {
  const connectionNamed = namedByConnection(headers.connection);
  const out: ForwardedHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const n = name.toLowerCase();
    if (IDENTITY_EXACT.has(n) || HOP_EXACT.has(n) || connectionNamed?.has(n) || DROPPED_PREFIXES.some((p) => n.startsWith(p))) continue;
    out[n] = value;
  }
  return out;
}

function namedByConnection(value: string | string[] | undefined): Set<string> | undefined {
  if (!value) return undefined;
  const names = (Array.isArray(value) ? value.join(',') : value)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return names.length ? new Set(names) : undefined;
}
