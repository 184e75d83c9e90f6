import {
  CERTGATE_HEADERS,
  forwardableHeaders,
  HOP_BY_HOP_HEADERS,
  IDENTITY_HEADERS,
  isHopByHopHeader,
  isIdentityHeader,
  normalizeHeaderName,
} from './header-hygiene';

/** Every way a forger (or a proxy rewriting names) might spell one header name. */
function spellings(name: string): string[] {
  const title = name
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join('-');
  const alternating = [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
  const underscored = name.replace(/-/g, '_');
  // Dashes and underscores mixed: every other separator an underscore.
  let sep = 0;
  const mixedSeparators = name.replace(/-/g, () => (sep++ % 2 ? '_' : '-'));
  return [
    ...new Set([
      name,
      name.toUpperCase(),
      title,
      alternating,
      underscored,
      underscored.toUpperCase(),
      title.replace(/-/g, '_'),
      alternating.replace(/-/g, '_'),
      mixedSeparators,
      mixedSeparators.toUpperCase(),
    ]),
  ];
}

/** Names the hostile-input run and the vendors' documentation use, as they spell them. */
const VENDOR_NAMES = [
  // RFC 9440
  'Client-Cert',
  'Client-Cert-Chain',
  // Envoy / Istio
  'X-Forwarded-Client-Cert',
  // nginx
  'ssl-client-cert',
  'ssl-client-s-dn',
  'ssl-client-verify',
  'X-SSL-Client-Cert',
  'X-SSL-Client-Escaped-Cert',
  'X-SSL-Client-S-DN',
  'X-SSL-Client-Verify',
  'X-Client-Cert',
  'X-Client-DN',
  'X-Client-Verify',
  // Apache mod_ssl
  'SSL_CLIENT_S_DN',
  'SSL_CLIENT_I_DN',
  'SSL_CLIENT_CERT',
  'SSL_CLIENT_VERIFY',
  'SSL_CLIENT_M_SERIAL',
  'X-SSL-Cert',
  'X-SSL-Issuer',
  // HAProxy
  'X-SSL-Client-DN',
  'X-SSL-Client-CN',
  'X-SSL-Client-SHA1',
  // F5
  'X-ENV-SSL_CLIENT_CERTIFICATE',
  // SAP Web Dispatcher / BTP
  'SSL_CLIENT_SUBJECT',
  'ssl_client_s_dn',
  'X-SSL-Client-Subject-DN',
  'X-SSL-Client-Issuer-DN',
  // Traefik
  'X-Forwarded-Tls-Client-Cert',
  'X-Forwarded-Tls-Client-Cert-Info',
  // AWS ALB
  'X-Amzn-Mtls-Clientcert',
  'X-Amzn-Mtls-Clientcert-Serial-Number',
  'X-Amzn-Mtls-Clientcert-Subject',
  // Azure
  'X-ARR-ClientCert',
  'X-MS-CLIENT-PRINCIPAL-NAME',
  // Google Cloud load balancer
  'X-Client-Cert-Present',
  'X-Client-Cert-Chain-Verified',
  'X-Client-Cert-Hash',
  // Cloudflare
  'Cf-Client-Cert-Sha256',
  // Kong mTLS
  'X-Client-Cert-Dn',
  // generic families
  'X-Client-Certificate',
  'X-Client-SSL-Cert',
  'X-Client-Tls-Certificate',
  'X-TLS-Client-Cert',
  'X-TLS-Client-DN',
  'X-Forwarded-Client-DN',
  'X-Forwarded-SSL-Client-Cert',
  'Client-Certificate',
  // found by the hostile-input run
  'x_forwarded_client_cert',
  'x_client_dn',
  'client_cert',
  'x-tls-client-cert',
  'x-forwarded-client-dn',
  // auth gateways
  'X-Forwarded-User',
  'X-Forwarded-Email',
  'X-Auth-Request-User',
  'X-Remote-User',
  'Remote-User',
  'X-Goog-Authenticated-User-Email',
  'X-Amzn-Oidc-Identity',
  'L5D-Client-Id',
  // certgate's own
  'X-Certgate-Principal',
  'X-Certgate-Client-DN',
];

/** One name of each family, for the families the documented list describes by prefix or pattern. */
const FAMILY_SAMPLES = [
  ...IDENTITY_HEADERS.prefixes.map((p) => `${p}anything`),
  ...IDENTITY_HEADERS.prefixes.map((p) => (p.endsWith('-') ? `${p}cert` : p)),
  'x-client-whatever-cert-info',
];

const HOP_BY_HOP_SAMPLES = [
  'connection',
  'Keep-Alive',
  'transfer-encoding',
  'Upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'Proxy-Connection',
  'PROXY_CONNECTION',
];

/** Near misses: ordinary headers that look a little like identity headers and must reach the flow. */
const KEPT = {
  host: 'ingress.example',
  'content-type': 'application/json',
  'content-length': '12',
  authorization: 'Basic Y2xpZW50OnNlY3JldA==',
  accept: '*/*',
  'x-correlation-id': 'abc-1',
  x_correlation_key: 'underscores are kept as sent',
  'x-forwarded-for': '10.0.0.1',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'ingress.example',
  'x-client': 'not an identity header',
  'x-clientid': 'kept too',
  'x-client-id': 'an application client id',
  'x-client-version': '1.2',
  'x-client-request-id': 'r-9',
  'x-ssl': 'on',
  'x-tls-version': '1.3',
  sslvpn: 'x',
  client: 'x',
  'x-certificate-type': 'invoice',
  'user-agent': 'curl/8',
  cookie: 'a=1',
};

describe('header hygiene', () => {
  it('normalizes names: lower case, underscores as dashes', () => {
    expect(normalizeHeaderName('X_Forwarded_Client-CERT')).toBe('x-forwarded-client-cert');
    expect(normalizeHeaderName('content-type')).toBe('content-type');
  });

  describe.each(VENDOR_NAMES)('%s', (name) => {
    it.each(spellings(name.toLowerCase()).concat(name))('is an identity header spelled %s', (spelling) => {
      expect(isIdentityHeader(spelling)).toBe(true);
    });
  });

  it('every entry of the documented list, in every spelling, is an identity header and is dropped', () => {
    const names = [...IDENTITY_HEADERS.exact, ...FAMILY_SAMPLES].flatMap(spellings);
    expect(names.length).toBeGreaterThan(500);
    const inbound: Record<string, string> = {};
    for (const name of names) {
      expect([name, isIdentityHeader(name)]).toEqual([name, true]);
      inbound[name] = 'forged';
    }
    expect(forwardableHeaders({ ...inbound, 'x-kept': 'yes' })).toEqual({ 'x-kept': 'yes' });
  });

  it.each(HOP_BY_HOP_SAMPLES)('%s is hop-by-hop', (name) => {
    expect(isHopByHopHeader(name)).toBe(true);
    expect(HOP_BY_HOP_HEADERS.exact.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(KEPT))('%s is neither an identity nor a hop-by-hop header', (name) => {
    expect(isIdentityHeader(name)).toBe(false);
    expect(isHopByHopHeader(name)).toBe(false);
  });

  it('removes every identity and hop-by-hop header, in any spelling, and keeps the others unchanged', () => {
    const inbound: Record<string, string> = { ...KEPT };
    for (const name of [...VENDOR_NAMES, ...HOP_BY_HOP_SAMPLES].flatMap((n) => spellings(n.toLowerCase()).concat(n))) inbound[name] = 'forged';
    expect(forwardableHeaders(inbound)).toEqual(KEPT);
  });

  it("drops certgate's own headers a sender sends (x-request-id, x-certgate-*)", () => {
    expect(CERTGATE_HEADERS).toContain('x-request-id');
    expect(forwardableHeaders({ 'X-Request-Id': 'forged', x_request_id: 'forged', 'x-certgate-principal': 'admin', 'x-kept': 'c' })).toEqual({
      'x-kept': 'c',
    });
  });

  it('removes the headers the Connection header names (they are hop-by-hop too), in any spelling', () => {
    const out = forwardableHeaders({ connection: 'keep-alive, X-Debug-Route , x_other', 'x-debug-route': 'a', 'x-other': 'b', x_other: 'b', 'x-kept': 'c' });
    expect(out).toEqual({ 'x-kept': 'c' });
  });

  it('keeps multi-valued headers as arrays and lowercases names', () => {
    expect(forwardableHeaders({ 'Set-Cookie': ['a=1', 'b=2'], 'X-Thing': 'v' })).toEqual({ 'set-cookie': ['a=1', 'b=2'], 'x-thing': 'v' });
  });

  it('an empty header set stays empty', () => {
    expect(forwardableHeaders({})).toEqual({});
  });
});
