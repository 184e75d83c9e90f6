import { dnInForwardOrder, normalizeDN } from '@certgate/x509';

export interface NormalizedDNs {
  subject: string;
  issuer: string;
  /** The DNs as `openssl x509 -subject` prints them (most general first), for a 403 that shows both notations. */
  subjectInForwardOrder: string;
  issuerInForwardOrder: string;
}

/**
 * Normalized subject and issuer DN per certificate fingerprint. Normalizing a DN
 * parses it, which is not free, and a sender presents the same certificate again
 * and again. Bounded: when full, the oldest entry goes.
 */
export class NormalizedDnCache {
  private readonly entries = new Map<string, NormalizedDNs | null>();

  constructor(private readonly capacity = 10_000) {}

  /** undefined when a DN cannot be parsed: such a certificate matches no DN entry. */
  get(fingerprint: string, subjectDN: string, issuerDN: string): NormalizedDNs | undefined {
    let dns = this.entries.get(fingerprint);
    if (dns === undefined) {
      dns = normalize(subjectDN, issuerDN);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(fingerprint, dns);
    }
    return dns ?? undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}

function normalize(subjectDN: string, issuerDN: string): NormalizedDNs | null {
  try {
    return {
      subject: normalizeDN(subjectDN),
      issuer: normalizeDN(issuerDN),
      subjectInForwardOrder: dnInForwardOrder(subjectDN),
      issuerInForwardOrder: dnInForwardOrder(issuerDN),
    };
  } catch {
    return null;
  }
}
