// Certificate revocation lists (RFC 5280 §5): parsed by @peculiar/x509, judged here.
// What certgate does with them, and what it leaves out (delta and indirect CRLs), is
// docs/certificate-policy.md, "Revocation".
import { createHash } from 'node:crypto';
import { x509 } from './engine';
import type { Certificate } from './certificate';
import { normalizeDN } from './dn';
import { dnFromDer } from './dn-from-der';
import { pemDecodeAll, pemEncode, toArrayBuffer, toBytes, type BinaryInput } from './encoding';
import { X509Error } from './errors';

/** The PEM label RFC 7468 gives CRLs. */
const CRL_LABEL = 'X509 CRL';

const CRL_NUMBER = '2.5.29.20';
/** Extensions certgate understands as critical in a complete CRL; any other critical one makes the CRL unusable (RFC 5280 §5.2). */
const UNDERSTOOD_CRITICAL = new Set([
  '2.5.29.35', // authorityKeyIdentifier
]);

/** A parsed CRL. Its signature is checked against a CA's key with `issuedBy`, once per key. */
export class Crl {
  private readonly signedBy = new Map<string, Promise<boolean>>();
  private sha256?: string;
  private readonly revokedSerials: ReadonlyMap<string, { at: Date; reason?: string }>;
  /** RFC 4514, as Certificate's DNs are. */
  readonly issuerDN: string;

  private constructor(
    readonly der: Uint8Array,
    private readonly crl: x509.X509Crl,
  ) {
    const revoked = new Map<string, { at: Date; reason?: string }>();
    for (const entry of crl.entries) {
      const reason = entry.reason === undefined ? undefined : x509.X509CrlReason[entry.reason];
      revoked.set(entry.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ''), { at: entry.revocationDate, ...(reason ? { reason } : {}) });
    }
    this.revokedSerials = revoked;
    this.issuerDN = dnFromDer(new Uint8Array(crl.issuerName.toArrayBuffer()));
  }

  /** One CRL, PEM (`-----BEGIN X509 CRL-----`) or DER. */
  static parse(input: string | BinaryInput): Crl {
    const der = crlDer(input);
    try {
      const crl = new x509.X509Crl(toArrayBuffer(der));
      void crl.thisUpdate;
      void crl.nextUpdate;
      void crl.entries.length;
      return new Crl(der, crl);
    } catch (cause) {
      throw new X509Error('parse_error', 'the data is not a DER-encoded certificate revocation list (X.509 CRL)', { cause });
    }
  }

  get pem(): string {
    return pemEncode(CRL_LABEL, this.der);
  }

  /** SHA-256 of the DER, lowercase hex. */
  get fingerprint(): string {
    // A CRL can be megabytes and the ingress compares its CRL set by fingerprint after every read: hash once.
    this.sha256 ??= createHash('sha256').update(this.der).digest('hex');
    return this.sha256;
  }

  get thisUpdate(): Date {
    return this.crl.thisUpdate;
  }

  /** RFC 5280 requires it; a CRL without one is never current (see `problemAt`). */
  get nextUpdate(): Date | undefined {
    return this.crl.nextUpdate;
  }

  get revokedCount(): number {
    return this.revokedSerials.size;
  }

  /** The revocation of `cert`'s serial number, if this CRL lists it. Only meaningful once `issuedBy(cert's issuer)`. */
  revocationOf(cert: Certificate): { at: Date; reason?: string } | undefined {
    return this.revokedSerials.get(cert.serialNumber.replace(/^(00)+(?=.)/, ''));
  }

  /** Whether this CRL can speak for the certificates `ca` issued: same issuer name, signed by `ca`'s key. */
  issuedBy(ca: Certificate): Promise<boolean> {
    if (normalizeDN(this.issuerDN) !== ca.normalizedSubject) return Promise.resolve(false);
    if (ca.keyUsage && !ca.keyUsage.includes('cRLSign')) return Promise.resolve(false);
    let verdict = this.signedBy.get(ca.fingerprint);
    if (!verdict) {
      verdict = this.crl.verify({ publicKey: ca.publicKey }).catch(() => false);
      this.signedBy.set(ca.fingerprint, verdict);
    }
    return verdict;
  }

  /**
   * Why this CRL cannot be used at `at` (undefined when it can): not yet issued, past
   * its nextUpdate (stale), without a nextUpdate, or carrying a critical extension
   * certgate does not understand (a delta CRL or an issuing distribution point that
   * narrows its scope, say), which RFC 5280 §5.2 says must not be used. A CRL without a
   * non-critical CRL number is not a conforming one (RFC 5280 §5.2.3), and not used either.
   */
  problemAt(at: Date): string | undefined {
    const t = at.getTime();
    if (this.thisUpdate.getTime() > t) return `it was issued for ${this.thisUpdate.toISOString()}, which is still to come`;
    if (!this.nextUpdate) return 'it has no nextUpdate, so it cannot be known to be current';
    if (this.nextUpdate.getTime() <= t) return `it is stale: its nextUpdate ${this.nextUpdate.toISOString()} has passed`;
    const number = this.crl.extensions.find((e) => e.type === CRL_NUMBER);
    if (!number) return 'it has no CRL number, which RFC 5280 §5.2.3 requires';
    if (number.critical) return 'its CRL number is marked critical, which RFC 5280 §5.2.3 forbids';
    const critical = this.crl.extensions.filter((e) => e.critical && !UNDERSTOOD_CRITICAL.has(e.type)).map((e) => e.type);
    if (critical.length > 0) return `it carries the critical extension ${critical.join(', ')}, which certgate does not apply (delta or partitioned CRLs)`;
    return undefined;
  }
}

export function parseCrl(input: string | BinaryInput): Crl {
  return Crl.parse(input);
}

/** The http(s) URLs of a certificate's CRL distribution points (RFC 5280 §4.2.1.13), in its order. */
export function crlDistributionUrls(cert: Certificate): string[] {
  const ext = cert.toX509().getExtension(x509.CRLDistributionPointsExtension);
  const urls: string[] = [];
  for (const point of ext?.distributionPoints ?? []) {
    // Points limited to some reasons, or with a CRL issuer of their own, name partial or indirect CRLs, which certgate does not apply.
    if (point.reasons || point.cRLIssuer) continue;
    for (const name of point.distributionPoint?.fullName ?? []) {
      const uri = name.uniformResourceIdentifier;
      if (uri && /^https?:\/\//i.test(uri)) urls.push(uri);
    }
  }
  return urls;
}

function crlDer(input: string | BinaryInput): Uint8Array {
  if (typeof input !== 'string') {
    const bytes = toBytes(input);
    if (bytes.length === 0) throw new X509Error('empty_input', 'no CRL was given (the input is empty)');
    if (bytes[0] === 0x30) return bytes;
    input = new TextDecoder().decode(bytes);
  }
  // RFC 7468 says X509 CRL; some tools (and @peculiar/x509) write CRL.
  const blocks = pemDecodeAll(input).filter((b) => b.label === CRL_LABEL || b.label === 'CRL');
  if (blocks.length !== 1) {
    throw new X509Error(
      'parse_error',
      blocks.length === 0
        ? 'the input is not a CRL: expected PEM text starting with -----BEGIN X509 CRL----- or DER data'
        : `expected one CRL, found ${blocks.length}`,
    );
  }
  return blocks[0].der;
}
