import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import {
  parseCertificate,
  peerChain,
  readTlsPeerCertificate,
  reviewHandshakeChain,
  type Certificate,
  type HandshakeReview,
  type TlsPeerCertificate,
} from '@certgate/x509';
import { HostSettingsService } from '../hosts/host-settings.service';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { RootPolicyCheck } from '../root-policy/root-policy-check.service';
import { TrustedRootsService } from '../trusted-roots/trusted-roots.service';
import type { ClientIdentity } from './client-identity';
import { IssuerPool } from './issuer-pool.service';

/** A certificate of a chain as read from the socket or the issuer pool: its DER and a fingerprint for the cache key. */
interface ChainLink {
  raw: Uint8Array;
  fingerprint: string;
}

/** Chains reviewed: a sender that reconnects per message pays the policy check once, not per connection. */
const CACHED_CHAINS = 10_000;
/** A cached verdict is taken again at most this long (a certificate's validity is OpenSSL's to check on every handshake). */
const CACHE_TTL_MS = 10 * 60_000;
/** Issuers remembered per leaf for resumed sessions: longer than a session ticket lives (INGRESS_TLS_SESSION_TIMEOUT_SECONDS, at most an hour). */
const ISSUERS_TTL_MS = 2 * 60 * 60_000;

/**
 * The second engine of the request path (docs/certificate-policy.md, "Two engines").
 * OpenSSL verifies the client chain in the handshake; libs/x509 `reviewHandshakeChain`
 * then holds the same chain to certgate's own policy (key policy, CA as leaf, profile,
 * name constraints, ...), so the ingress admits exactly what the admin side would, and
 * names the true reason for a chain OpenSSL refused.
 *
 * A chain both accept then meets its root's own policy (RootPolicyCheck: EKU, CRLs).
 *
 * Once per connection (the identity is cached on the socket) and once per distinct chain
 * (this cache, keyed by the chain's fingerprints and OpenSSL's verdict); a leaf once
 * admitted is known by its fingerprint alone until the next change. Whenever the
 * trusted roots, a root's policy or a CRL change, the cache is emptied and `generation`
 * moves on, so open connections are judged again on their next request.
 *
 * A resumed TLS session carries the leaf only: OpenSSL keeps no chain in a session ticket.
 * Its chain is the one this leaf came with on its last full handshake here, and it is
 * judged again as such (against the roots, policies and CRLs in force now). A session
 * whose full handshake was on another replica (tickets are shared, SessionTicketKeys) is
 * judged with the issuing CAs any replica admitted (IssuerPool): the path to a trusted
 * root is built and checked from those as from a chain sent. A leaf with no known issuer
 * is judged alone, and so refused as `chain_incomplete`.
 */
@Injectable()
export class ChainReview {
  private readonly reviews = new LRUCache<string, HandshakeReview>({ max: CACHED_CHAINS, ttl: CACHE_TTL_MS });
  /** Leaves admitted since the last change, by host name and fingerprint: what a reconnecting sender is known by. */
  private readonly admitted = new LRUCache<string, TlsPeerCertificate>({ max: CACHED_CHAINS, ttl: CACHE_TTL_MS });
  private readonly issuersOf = new LRUCache<string, ChainLink[]>({ max: CACHED_CHAINS, ttl: ISSUERS_TTL_MS });
  private readonly listeners: (() => void)[] = [];
  /** Moves on with every change that can alter a verdict. */
  generation = 0;

  constructor(
    private readonly roots: TrustedRootsService,
    private readonly rootPolicy: RootPolicyCheck,
    private readonly hosts: HostSettingsService,
    private readonly metrics: IngressMetrics,
    private readonly pool: IssuerPool,
  ) {
    const changed = () => {
      this.reviews.clear();
      this.admitted.clear();
      this.generation++;
      for (const listener of this.listeners) listener();
    };
    roots.onChange(changed);
    rootPolicy.onChange(changed);
    hosts.onChange(changed);
  }

  /** Called whenever cached verdicts were dropped. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Whether a connection to this socket's host name (SNI) must present a verified client certificate. */
  requiredFor(socket: TLSSocket): boolean {
    return this.hosts.requiredFor(socket.servername);
  }

  /**
   * The sender of a new connection. The leaf alone (`getPeerCertificate(false)`, ~65 µs)
   * answers for a leaf admitted here since the last change: its path to a trusted root was
   * verified, and OpenSSL accepted this connection's chain too. Anything else reads the
   * whole chain (~300 µs more, measured on Node 20) and is reviewed as sent.
   */
  async identityOf(socket: TLSSocket): Promise<ClientIdentity> {
    const leafOnly = socket.getPeerCertificate(false);
    if (!leafOnly?.raw) return { kind: 'none' };
    // A host name with roots of its own judges against those (custom domains); OpenSSL did too, in its TLS context.
    const host = this.hosts.trustFor(socket.servername, this.roots.current);
    const admittedKey = `${host?.hostName ?? ''}|${leafOnly.fingerprint256}`;
    const tlsError = socket.authorized ? '' : String(socket.authorizationError ?? 'UNKNOWN');
    if (tlsError === '') {
      const certificate = this.admitted.get(admittedKey);
      // A resumed session is not verified again by OpenSSL: the leaf's own end is checked here.
      if (certificate && certificate.notAfter.getTime() > Date.now()) return { kind: 'verified', certificate };
    }
    // getPeerCertificate(true) before getPeerX509Certificate(): after the latter, Node 20 answers without the issuers (measured).
    const peer = socket.getPeerCertificate(true);
    const certificate = readTlsPeerCertificate(socket.getPeerX509Certificate() ?? new X509Certificate(peer.raw));
    const generation = this.generation;
    const chain = await this.fullChain(socket, peerChain(peer), tlsError);
    const key = `${host?.hostName ?? ''}|${tlsError}|${chain.map((c) => c.fingerprint).join(',')}`;
    const anchors = host?.anchors ?? this.roots.current.anchors;
    let review = this.reviews.get(key);
    if (!review) {
      review = await this.review(chain, tlsError, anchors);
      if (!review.ok) this.metrics.chainRefused(review.engine, review.reason);
      // A change while the review ran: its verdict answers this request only (its socket cache is of the old generation too).
      if (generation === this.generation) this.reviews.set(key, review);
    }
    // Refusals stay keyed by the whole chain: a sender who fixes its chain is admitted on its next connection.
    if (review.ok && tlsError === '' && generation === this.generation) {
      this.admitted.set(admittedKey, certificate);
      this.pool.remember(review.chain, anchors);
    }
    return review.ok ? { kind: 'verified', certificate } : { kind: 'rejected', reason: review.reason, message: review.message, tlsError, certificate };
  }

  /**
   * A full handshake's chain as sent, remembered for its resumptions; a resumed session's
   * as its leaf last came with it here, else with the issuing CAs any replica admitted.
   */
  private async fullChain(socket: TLSSocket, peer: DetailedPeerCertificate[], tlsError: string): Promise<ChainLink[]> {
    const [leaf, ...issuers] = peer.map((c): ChainLink => ({ raw: c.raw, fingerprint: c.fingerprint256 }));
    if (!socket.isSessionReused()) {
      this.issuersOf.set(leaf.fingerprint, issuers);
      return [leaf, ...issuers];
    }
    const known = this.issuersOf.get(leaf.fingerprint);
    if (known) return [leaf, ...known];
    let parsed: Certificate;
    try {
      parsed = parseCertificate(leaf.raw);
    } catch {
      return [leaf, ...issuers];
    }
    // Only a chain OpenSSL accepted had its issuers admitted somewhere; a refused one stays refused without a look.
    let pooled = this.pool.issuersOf(parsed);
    if (tlsError === '' && pooled.length === 0) {
      await this.pool.refresh(parsed.issuerDN);
      pooled = this.pool.issuersOf(parsed);
    }
    return [leaf, ...issuers, ...pooled.map((ca): ChainLink => ({ raw: ca.der, fingerprint: ca.fingerprint }))];
  }

  /** Both engines, then the root's policy; `tlsError` '' for a chain that met no OpenSSL (forwarded by a trusted proxy). */
  async verdictOn(chain: Certificate[], tlsError: string, anchors: readonly Certificate[] = this.roots.current.anchors): Promise<HandshakeReview> {
    const review = await reviewHandshakeChain({ tlsError, chain, anchors, purpose: 'clientAuth', keyPolicy: this.roots.keyPolicy });
    return review.ok ? this.rootPolicy.check(review.chain) : review;
  }

  private async review(peer: ChainLink[], tlsError: string, anchors: readonly Certificate[]): Promise<HandshakeReview> {
    let chain: Certificate[];
    try {
      chain = peer.map((c) => parseCertificate(c.raw));
    } catch (err) {
      return { ok: false, reason: 'profile_violation', message: `a certificate of the chain cannot be read: ${(err as Error).message}`, engine: 'policy' };
    }
    return this.verdictOn(chain, tlsError, anchors);
  }
}
