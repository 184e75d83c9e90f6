import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Buckets, errorMessage, IngressKv, ingressIssuerKey, ingressIssuerNameKey, storedIssuerSchema, type StoredIssuer } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger } from '@certgate/messaging';
import { parseCertificate, type Certificate } from '@certgate/x509';

/** Issuers above a leaf that are offered to the path builder: deeper than any chain a root-only store admits. */
const MAX_DEPTH = 4;
/** A name looked up in the bucket is not looked up again for this long: a sender cannot make every connection a KV read. */
const REFRESH_EVERY_MS = 5_000;

/**
 * The issuing CA certificates of every chain an ingress replica admitted, shared through
 * the ingress bucket. A resumed TLS session carries the leaf only; on a replica that did
 * not see the sender's full handshake, these are the candidates its chain is rebuilt
 * from. They are public certificates and decide nothing: libs/x509 builds the path to a
 * trusted root and checks every signature, exactly as for a chain the sender sent. There
 * are as many as there are issuing CAs in force, a handful, not one per sender.
 */
@Injectable()
export class IssuerPool implements OnModuleInit {
  private readonly logger = new Logger('ingress');
  /** By KV key, parsed once. */
  private readonly certificates = new Map<string, Certificate>();
  private readonly stored = this.buckets.bucket(Buckets.ingress).repository(storedIssuerSchema, 'issuing CA');
  private readonly refreshed = new LRUCache<string, true>({ max: 1_000, ttl: REFRESH_EVERY_MS });

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    await this.buckets.project(Buckets.ingress, {
      key: IngressKv.issuers,
      schema: storedIssuerSchema,
      logger: nestMessagingLogger('issuer-pool'),
      apply: (key, value) => this.apply(key, value),
    });
  }

  /** The CAs named as the leaf's issuer, and theirs, as far as known; one that has expired since leaves the pool. */
  issuersOf(leaf: Certificate): Certificate[] {
    const found: Certificate[] = [];
    const now = Date.now();
    let names = new Set([leaf.issuerDN]);
    for (let depth = 0; depth < MAX_DEPTH && names.size > 0; depth++) {
      const next = new Set<string>();
      for (const [key, ca] of this.certificates) {
        if (!names.has(ca.subjectDN) || found.includes(ca)) continue;
        if (ca.notAfter.getTime() <= now) {
          this.forget(key);
          continue;
        }
        found.push(ca);
        if (!ca.isSelfIssued) next.add(ca.issuerDN);
      }
      names = next;
    }
    return found;
  }

  /** The issuers of one name as stored now: for a miss right after another replica stored them (its watch may lag a write by milliseconds). */
  async refresh(issuerDN: string): Promise<void> {
    if (this.refreshed.has(issuerDN)) return;
    this.refreshed.set(issuerDN, true);
    try {
      for (const entry of await this.stored.list(`tls-issuer.${ingressIssuerNameKey(issuerDN)}.>`)) this.apply(entry.key, entry.value);
    } catch (err) {
      this.logger.warn({ msg: 'the issuing CAs of other ingress replicas could not be read', issuerDN, error: errorMessage(err) });
    }
  }

  /** The issuing CAs of an admitted path (not its leaf, not its trust anchor), stored once for every replica. */
  remember(path: readonly Certificate[], anchors: readonly Certificate[]): void {
    for (const ca of path.slice(1)) {
      if (anchors.some((a) => a.fingerprint === ca.fingerprint)) continue;
      const key = ingressIssuerKey(ca.subjectDN, ca.fingerprint);
      if (this.certificates.has(key)) continue;
      this.certificates.set(key, ca);
      this.stored.put(key, { pem: ca.pem, storedAt: new Date().toISOString() }).catch((err: unknown) => {
        // Only this replica knows it then: a session resumed elsewhere gets a full review without it.
        this.certificates.delete(key);
        this.logger.warn({ msg: 'an issuing CA could not be shared with the other ingress replicas', subjectDN: ca.subjectDN, error: errorMessage(err) });
      });
    }
  }

  private apply(key: string, value: StoredIssuer | undefined): void {
    if (!value) {
      this.certificates.delete(key);
      return;
    }
    let ca: Certificate;
    try {
      ca = parseCertificate(value.pem);
    } catch (err) {
      this.logger.warn({ msg: 'a stored issuing CA cannot be read; it is left out', key, error: errorMessage(err) });
      return;
    }
    if (ca.notAfter.getTime() <= Date.now()) this.forget(key);
    else this.certificates.set(key, ca);
  }

  /**
   * An expired CA builds no path, so it leaves the pool and the bucket, which would
   * otherwise keep every issuing CA ever admitted. Every replica that sees it may delete
   * it; a delete of a key already deleted changes nothing.
   */
  private forget(key: string): void {
    this.certificates.delete(key);
    this.stored.delete(key).catch((err: unknown) => {
      this.logger.warn({ msg: 'an expired issuing CA could not be removed from the ingress bucket', key, error: errorMessage(err) });
    });
  }
}
