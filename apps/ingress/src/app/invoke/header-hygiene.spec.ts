import { forwardableHeaders, HOP_BY_HOP_HEADERS, IDENTITY_HEADERS, isHopByHopHeader, isIdentityHeader } from './header-hygiene';

/** Every listed identity header, the way a forger might spell it. */
const IDENTITY_SAMPLES = [
  'x-forwarded-client-cert',
  'X-Forwarded-Client-Cert',
  'ssl_client_cert',
  'SSL_CLIENT_CERT',
  'ssl-client-cert',
  'x-ssl-client-cert',
  'X-SSL-Client-Cert',
  'x-ssl-client-s-dn',
  'x-ssl-client-verify',
  'x-ssl-cert',
  'x-client-cert',
  'X-Client-Certificate',
  'x-client-cert-subject-dn',
  'x-client-dn',
  'X-Client-DN',
  'x-client-verify',
  'x-forwarded-ssl-client-cert',
  'x-forwarded-tls-client-cert-info',
  'x-arr-clientcert',
  'X-ARR-ClientCert',
  'x-amzn-mtls-clientcert',
  'x-amzn-mtls-clientcert-subject',
  'ssl_client_s_dn',
  'ssl_client_verify',
  'ssl-client-verify',
  'client-cert',
  'Client-Cert-Chain',
  'cf-client-cert-sha256',
];

const HOP_BY_HOP_SAMPLES = ['connection', 'Keep-Alive', 'transfer-encoding', 'Upgrade', 'te', 'trailer', 'proxy-authorization', 'Proxy-Connection'];

const KEPT = {
  host: 'ingress.example',
  'content-type': 'application/json',
  'content-length': '12',
  authorization: 'Basic Y2xpZW50OnNlY3JldA==',
  accept: '*/*',
  'x-correlation-id': 'abc-1',
  'x-forwarded-for': '10.0.0.1',
  'x-client': 'not an identity header',
  'x-clientid': 'kept too',
  'user-agent': 'curl/8',
  cookie: 'a=1',
};

describe('header hygiene', () => {
  it.each(IDENTITY_SAMPLES)('%s is an identity header', (name) => {
    expect(isIdentityHeader(name)).toBe(true);
  });

  it('every exact entry of the documented list is matched, whatever its case', () => {
    for (const name of IDENTITY_HEADERS.exact) {
      expect(isIdentityHeader(name)).toBe(true);
      expect(isIdentityHeader(name.toUpperCase())).toBe(true);
    }
    for (const prefix of IDENTITY_HEADERS.prefixes) expect(isIdentityHeader(`${prefix.toUpperCase()}anything`)).toBe(true);
  });

  it.each(HOP_BY_HOP_SAMPLES)('%s is hop-by-hop', (name) => {
    expect(isHopByHopHeader(name)).toBe(true);
    expect(HOP_BY_HOP_HEADERS.exact.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(KEPT))('%s is neither an identity nor a hop-by-hop header', (name) => {
    expect(isIdentityHeader(name)).toBe(false);
    expect(isHopByHopHeader(name)).toBe(false);
  });

  it('removes every identity and hop-by-hop header, in any case, and keeps the others unchanged', () => {
    const inbound: Record<string, string> = { ...KEPT };
    for (const name of [...IDENTITY_SAMPLES, ...HOP_BY_HOP_SAMPLES]) inbound[name] = 'forged';
    expect(forwardableHeaders(inbound)).toEqual(KEPT);
  });

  it('removes the headers the Connection header names (they are hop-by-hop too)', () => {
    const out = forwardableHeaders({ connection: 'keep-alive, X-Debug-Route , x-other', 'x-debug-route': 'a', 'x-other': 'b', 'x-kept': 'c' });
    expect(out).toEqual({ 'x-kept': 'c' });
  });

  it('keeps multi-valued headers as arrays and lowercases names', () => {
    expect(forwardableHeaders({ 'Set-Cookie': ['a=1', 'b=2'], 'X-Thing': 'v' })).toEqual({ 'set-cookie': ['a=1', 'b=2'], 'x-thing': 'v' });
  });

  it('an empty header set stays empty', () => {
    expect(forwardableHeaders({})).toEqual({});
  });
});
