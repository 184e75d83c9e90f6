import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { SERVICE_ENV } from '@certgate/platform';
import { isX509Error, parseCertificate, peerCertificateOf, type Certificate } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { ChainReview } from './chain-review.service';
import type { ClientIdentity } from './client-identity';
import { tlsClientOf, type ConnectionFacts } from './connection';
import { envoyXfccClientCert } from './envoy-xfcc';
import { forwardedClientCert, type ForwardedCertificate, type ForwardedClientCert } from './forwarded-client-cert';
import { TrustedProxies } from './trusted-proxies';

const CACHED_CHAINS = 10_000;
const CACHE_TTL_MS = 60_000;

/** A trusted proxy forwarded a Client-Cert header that is no certificate: its request is answered 400. */
export class MalformedForwardedCertificate extends Error {}

/**
 * Trusted proxy mode (docs/certificate-policy.md, "Behind a TLS-terminating proxy"). On
 * a connection from a trusted proxy the client is whoever the proxy forwarded in RFC
 * 9440's Client-Cert header, verified here exactly as a handshake chain is (the trusted
 * roots, the certificate policy), never the proxy itself; without the header the
 * request has no identity. Every other connection keeps its handshake identity, and its
 * forwarded headers are stripped as any identity header is.
 */
@Injectable()
export class ProxiedIdentity {
  private readonly proxies: TrustedProxies;
  private readonly xfcc: boolean;
  /** Verdicts by the forwarded header values: a proxy repeats the same few client chains on every request. */
  private readonly verdicts = new LRUCache<string, ClientIdentity>({ max: CACHED_CHAINS, ttl: CACHE_TTL_MS });

  constructor(
    @Inject(SERVICE_ENV) env: IngressEnv,
    private readonly chains: ChainReview,
    private readonly metrics: IngressMetrics,
  ) {
    this.proxies = new TrustedProxies(env);
    this.xfcc = env.INGRESS_TRUSTED_PROXY_XFCC;
    chains.onChange(() => this.verdicts.clear());
  }

  /** The facts a request goes on with: the connection's, or for a trusted proxy's request those of the client it forwards. */
  factsFor(req: IncomingMessage, connection: ConnectionFacts): ConnectionFacts | Promise<ConnectionFacts> {
    if (!this.proxies.isProxy(connection)) return connection;
    const forwarded = this.forwarded(req);
    if (forwarded.kind === 'absent') return { ...connection, identity: { kind: 'none' }, tls: { status: 'none' } };
    if (forwarded.kind === 'malformed')
      throw new MalformedForwardedCertificate(`the trusted proxy forwarded a malformed client certificate: ${forwarded.message}`);
    const key = [req.headers['client-cert'], req.headers['client-cert-chain'], this.xfcc ? req.headers['x-forwarded-client-cert'] : undefined]
      .map(String)
      .join('|');
    const known = this.verdicts.get(key);
    const withIdentity = (identity: ClientIdentity): ConnectionFacts => ({ ...connection, identity, tls: tlsClientOf(identity) });
    if (known) return withIdentity(known);
    return this.verify(forwarded.leaf, forwarded.intermediates).then((identity) => {
      this.verdicts.set(key, identity);
      this.metrics.forwardedCertificate(identity.kind === 'verified' ? 'verified' : 'rejected');
      return withIdentity(identity);
    });
  }

  /** RFC 9440's headers; else, when INGRESS_TRUSTED_PROXY_XFCC is on, Envoy's x-forwarded-client-cert. */
  private forwarded(req: IncomingMessage): ForwardedClientCert {
    const rfc9440 = forwardedClientCert(req.headers);
    const xfcc = req.headers['x-forwarded-client-cert'];
    if (rfc9440.kind !== 'absent' || !this.xfcc || xfcc === undefined) return rfc9440;
    return envoyXfccClientCert(String(xfcc));
  }

  /** As a handshake chain is checked after OpenSSL accepted it: no OpenSSL verdict here, the policy (and the root's) decides alone. */
  private async verify(leaf: ForwardedCertificate, intermediates: ForwardedCertificate[]): Promise<ClientIdentity> {
    let chain: Certificate[];
    try {
      chain = [leaf, ...intermediates].map((c) => parseCertificate(c));
    } catch (err) {
      if (isX509Error(err)) throw new MalformedForwardedCertificate(`the trusted proxy forwarded a certificate that cannot be read: ${err.message}`);
      throw err;
    }
    const review = await this.chains.verdictOn(chain, '');
    const certificate = peerCertificateOf(chain[0]);
    if (review.ok) return { kind: 'verified', certificate };
    return { kind: 'rejected', reason: review.reason, message: `forwarded by a trusted proxy: ${review.message}`, tlsError: '', certificate };
  }
}
