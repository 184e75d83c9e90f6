import type { Certificate } from '@certgate/x509';

export type RootSource = 'env' | 'api' | 'client-ca';

export interface TrustedRoot {
  source: RootSource;
  certificate: Certificate;
}

export interface RootSources {
  env: readonly Certificate[];
  api: readonly Certificate[];
  clientCa: readonly Certificate[];
}

export interface RootView {
  subjectDN: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  source: RootSource;
  pem: string;
}

/**
 * The trusted client roots in force: INGRESS_CLIENT_ROOTS ∪ the API-managed roots ∪ the
 * tenant's client CA. Every (source, root) pair is listed, so an operator sees why a
 * root is trusted; the TLS context gets each root once (`caPems`).
 */
export class EffectiveRoots {
  readonly roots: readonly TrustedRoot[];
  readonly caPems: readonly string[];
  /** Each root once: the anchors of the policy check after the handshake. */
  readonly anchors: readonly Certificate[];

  constructor(sources: RootSources) {
    this.roots = [
      ...sources.env.map((certificate) => ({ source: 'env' as const, certificate })),
      ...sources.api.map((certificate) => ({ source: 'api' as const, certificate })),
      ...sources.clientCa.map((certificate) => ({ source: 'client-ca' as const, certificate })),
    ];
    const seen = new Set<string>();
    this.anchors = this.roots.filter((r) => !seen.has(r.certificate.fingerprint) && seen.add(r.certificate.fingerprint)).map((r) => r.certificate);
    this.caPems = this.anchors.map((c) => c.pem);
  }

  /** Same set of certificates (by fingerprint): swapping the TLS context would change nothing. */
  sameCertificatesAs(other: EffectiveRoots): boolean {
    const mine = new Set(this.roots.map((r) => r.certificate.fingerprint));
    const theirs = new Set(other.roots.map((r) => r.certificate.fingerprint));
    return mine.size === theirs.size && [...mine].every((f) => theirs.has(f));
  }

  countBySource(): Record<RootSource, number> {
    const counts: Record<RootSource, number> = { env: 0, api: 0, 'client-ca': 0 };
    for (const r of this.roots) counts[r.source]++;
    return counts;
  }

  view(): RootView[] {
    return this.roots.map(({ source, certificate: c }) => ({
      subjectDN: c.subjectDN,
      fingerprint: c.fingerprint,
      notBefore: c.notBefore.toISOString(),
      notAfter: c.notAfter.toISOString(),
      source,
      pem: c.pem,
    }));
  }
}
