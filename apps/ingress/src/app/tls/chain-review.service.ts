import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { parseCertificate, readTlsPeerCertificate, reviewHandshakeChain, type Certificate, type HandshakeReview } from '@certgate/x509';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { TrustedRootsService } from '../trusted-roots/trusted-roots.service';
import type { ClientIdentity } from './client-identity';

/** Chains reviewed: a sender that reconnects per message pays the policy check once, not per connection. */
const CACHED_CHAINS = 10_000;
/** A cached verdict is taken again at most this long (a certificate's validity is OpenSSL's to check on every handshake). */
const CACHE_TTL_MS = 10 * 60_000;
/** More than any chain the policy accepts (its limit is 10), fewer than a loop. */
const MAX_CHAIN = 16;

/**
 * The second engine of the request path (docs/certificate-policy.md, "Two engines").
 * OpenSSL verifies the client chain in the handshake; libs/x509 `reviewHandshakeChain`
 * then holds the same chain to certgate's own policy (key policy, CA as leaf, profile,
 * name constraints, ...), so the ingress admits exactly what the admin side would, and
 * names the true reason for a chain OpenSSL refused.
 *
 * Once per connection (the identity is cached on the socket) and once per distinct chain
 * (this cache, keyed by the chain's fingerprints and OpenSSL's verdict, emptied whenever
 * the trusted roots change).
 */
@Injectable()
export class ChainReview {
  private readonly reviews = new LRUCache<string, HandshakeReview>({ max: CACHED_CHAINS, ttl: CACHE_TTL_MS });

  constructor(
    private readonly roots: TrustedRootsService,
    private readonly metrics: IngressMetrics,
  ) {
    roots.onChange(() => this.reviews.clear());
  }

  async identityOf(socket: TLSSocket): Promise<ClientIdentity> {
    // First: once getPeerX509Certificate() has run, Node 20 answers getPeerCertificate(true) without the issuers (measured).
    const peer = socket.getPeerCertificate(true);
    const leaf = socket.getPeerX509Certificate();
    if (!leaf || !peer?.raw) return { kind: 'none' };
    const certificate = readTlsPeerCertificate(leaf);
    const tlsError = socket.authorized ? '' : String(socket.authorizationError ?? 'UNKNOWN');
    const chain = chainOf(peer);
    const key = `${tlsError}|${chain.map((c) => c.fingerprint256).join(',')}`;
    let review = this.reviews.get(key);
    if (!review) {
      review = await this.review(chain, tlsError);
      this.reviews.set(key, review);
      if (!review.ok) this.metrics.chainRefused(review.engine, review.reason);
    }
    return review.ok ? { kind: 'verified', certificate } : { kind: 'rejected', reason: review.reason, message: review.message, tlsError, certificate };
  }

  private async review(peerChain: DetailedPeerCertificate[], tlsError: string): Promise<HandshakeReview> {
    let chain: Certificate[];
    try {
      chain = peerChain.map((c) => parseCertificate(c.raw));
    } catch (err) {
      return { ok: false, reason: 'profile_violation', message: `a certificate of the chain cannot be read: ${(err as Error).message}`, engine: 'policy' };
    }
    return reviewHandshakeChain({ tlsError, chain, anchors: this.roots.current.anchors, purpose: 'clientAuth', keyPolicy: this.roots.keyPolicy });
  }
}

/** Node links the peer's certificates leaf first by issuer and ends with the trusted root, which it links to itself. */
function chainOf(peer: DetailedPeerCertificate): DetailedPeerCertificate[] {
  const chain = [peer];
  for (let c = peer; c.issuerCertificate && c.issuerCertificate.fingerprint256 !== c.fingerprint256 && chain.length < MAX_CHAIN; c = c.issuerCertificate) {
    chain.push(c.issuerCertificate);
  }
  return chain;
}
