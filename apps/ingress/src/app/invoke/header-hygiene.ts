import type { IncomingHttpHeaders } from 'node:http';

/**
 * Inbound headers that could carry a client identity, as load balancers, proxies, web
 * servers and auth gateways name them. The ingress is the only place that says who a
 * client is (in the envelope's `tls` field, from the TLS handshake), so a client must
 * never be able to claim an identity by sending one of these.
 *
 * Names are compared normalized: lower case, `_` as `-` (many proxies turn one into the
 * other, and CGI-style servers expose `SSL_CLIENT_CERT` for `ssl-client-cert`), so each
 * entry below stands for every spelling: `X-SSL-Client-Cert`, `x_ssl_client_cert`,
 * `X_Ssl-CLIENT_cert`, ... Entries are written normalized.
 */
export const IDENTITY_HEADERS = {
  /** Whole names. */
  exact: [
    // nginx, HAProxy, F5, Kong, NetScaler conventions outside the x-client-*cert* family
    'x-client-dn',
    'x-client-s-dn',
    'x-client-i-dn',
    'x-client-subject',
    'x-client-subject-dn',
    'x-client-issuer',
    'x-client-issuer-dn',
    'x-client-serial',
    'x-client-fingerprint',
    'x-client-verify',
    'x-client-verified',
    'l5d-client-id', // Linkerd: the client's mTLS identity
    // Users asserted by auth gateways in front of an application
    'x-forwarded-user', // oauth2-proxy, Traefik forward auth
    'x-forwarded-email',
    'x-forwarded-preferred-username',
    'x-forwarded-groups',
    'x-forwarded-access-token',
    'x-remote-user',
    'remote-user',
    'x-authenticated-user',
    'x-authenticated-userid', // Kong
    'x-goog-iap-jwt-assertion', // Google IAP
    'cf-access-jwt-assertion', // Cloudflare Access
    'cf-access-authenticated-user-email',
  ],
  /** Families: every name that starts with one of these. */
  prefixes: [
    'client-cert', // RFC 9440: client-cert, client-cert-chain; client-certificate
    'x-forwarded-client-', // Envoy / Istio XFCC x-forwarded-client-cert; x-forwarded-client-dn, ...
    'x-forwarded-tls-client-', // Traefik: x-forwarded-tls-client-cert, -cert-info
    'x-forwarded-ssl-client-',
    'x-tls-client-', // x-tls-client-cert, -dn, -verify, ...
    'x-ssl-', // nginx, Apache, HAProxy, SAP: x-ssl-client-*, x-ssl-cert, x-ssl-issuer, ...
    'ssl-', // Apache mod_ssl / nginx / SAP Web Dispatcher variables as headers: ssl-client-cert, ssl_client_s_dn, ssl-client-i-dn, ssl-client-verify, ssl-client-subject
    'x-env-ssl-', // F5 iRules: x-env-ssl_client_certificate, ...
    'x-client-cert', // x-client-cert, x-client-certificate, x-client-cert-* (Google Cloud load balancer, Kong, F5, nginx)
    'x-amzn-mtls-clientcert', // AWS ALB: x-amzn-mtls-clientcert, -serial-number, -issuer, -subject, -validity, -leaf
    'x-arr-clientcert', // Azure App Service / IIS ARR
    'cf-client-cert', // Cloudflare: cf-client-cert-der-base64, cf-client-cert-sha256, ...
    'x-ms-client-principal', // Azure App Service authentication: x-ms-client-principal, -name, -id, -idp
    'x-goog-authenticated-user-', // Google IAP: -email, -id
    'x-amzn-oidc-', // AWS ALB OIDC: -identity, -data, -accesstoken
    'x-auth-request-', // oauth2-proxy / ingress-nginx external auth: -user, -email, -groups, -access-token
    'x-pomerium-', // Pomerium: x-pomerium-jwt-assertion, x-pomerium-claim-*
    'x-certgate-', // certgate's own namespace: never from a sender
  ],
  /** Families a prefix cannot describe, as regular expressions over the normalized name. */
  patterns: [
    '^x-client-.*cert', // x-client-*cert*: x-client-ssl-cert, x-client-tls-certificate, ...
  ],
} as const;

/**
 * Certgate's own headers on the way to a flow. `x-request-id` is the ingress' id of the
 * request: a sender's value is dropped and the envelope carries the ingress' own (see
 * `invokeEnvelope`). `x-certgate-*` (above) is certgate's namespace, never taken from a
 * sender, so whatever a flow or its receiver finds there was set by certgate.
 */
export const CERTGATE_HEADERS = ['x-request-id'] as const;

/** Headers that describe one connection, not the request (RFC 9110 §7.6.1), plus the proxy ones. */
export const HOP_BY_HOP_HEADERS = {
  exact: ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'trailers'],
  prefixes: ['proxy-'],
} as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (prefixes: readonly string[], patterns: readonly string[] = []) =>
  new RegExp([...prefixes.map((p) => `^${escapeRegExp(p)}`), ...patterns].join('|'));

// Compiled once: a request costs one Set lookup and one regular expression test per header.
const IDENTITY_EXACT: ReadonlySet<string> = new Set(IDENTITY_HEADERS.exact);
const IDENTITY_FAMILIES = anyOf(IDENTITY_HEADERS.prefixes, IDENTITY_HEADERS.patterns);
const HOP_EXACT: ReadonlySet<string> = new Set(HOP_BY_HOP_HEADERS.exact);
const HOP_FAMILIES = anyOf(HOP_BY_HOP_HEADERS.prefixes);
const DROPPED_EXACT: ReadonlySet<string> = new Set<string>([...IDENTITY_HEADERS.exact, ...CERTGATE_HEADERS, ...HOP_BY_HOP_HEADERS.exact]);
const DROPPED_FAMILIES = anyOf([...IDENTITY_HEADERS.prefixes, ...HOP_BY_HOP_HEADERS.prefixes], IDENTITY_HEADERS.patterns);
const UNDERSCORES = /_/g;

/** The form names are compared in: lower case, `_` as `-`. Allocates only for a name that needs changing. */
export function normalizeHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return lower.indexOf('_') < 0 ? lower : lower.replace(UNDERSCORES, '-');
}

export function isIdentityHeader(name: string): boolean {
  const n = normalizeHeaderName(name);
  return IDENTITY_EXACT.has(n) || IDENTITY_FAMILIES.test(n);
}

export function isHopByHopHeader(name: string): boolean {
  const n = normalizeHeaderName(name);
  return HOP_EXACT.has(n) || HOP_FAMILIES.test(n);
}

export type ForwardedHeaders = Record<string, string | string[]>;

/**
 * The headers a flow gets: everything but hop-by-hop, identity and certgate's own
 * headers, and but the headers the `Connection` header names (those are hop-by-hop too,
 * RFC 9110 §7.6.1). Names are lowercased (an underscore stays an underscore).
 */
export function forwardableHeaders(headers: IncomingHttpHeaders): ForwardedHeaders {
  const connectionNamed = namedByConnection(headers.connection);
  const out: ForwardedHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const n = lower.indexOf('_') < 0 ? lower : lower.replace(UNDERSCORES, '-');
    if (DROPPED_EXACT.has(n) || connectionNamed?.has(n) || DROPPED_FAMILIES.test(n)) continue;
    out[lower] = value;
  }
  return out;
}

function namedByConnection(value: string | string[] | undefined): Set<string> | undefined {
  if (!value) return undefined;
  const names = (Array.isArray(value) ? value.join(',') : value)
    .split(',')
    .map((s) => normalizeHeaderName(s.trim()))
    .filter(Boolean);
  return names.length ? new Set(names) : undefined;
}
