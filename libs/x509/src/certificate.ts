import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AuthorityKeyIdentifier } from '@peculiar/asn1-x509';
import { x509 } from './engine';
import { readCertificateNames, type CertificateNames } from './certificate-der';
import { commonNameOf, normalizeRdns } from './dn';
import { formatDn } from './dn-string';
import type { Rdn } from './dn-string';
import { bytesEqual, copyBytes, pemEncode, toArrayBuffer, toBytes, toHex, type BinaryInput } from './encoding';
import { X509Error } from './errors';
import { KEY_USAGE_NAMES, ekuName } from './oids';
import { singleCertificateDer } from './pem-input';

/** What an authorityKeyIdentifier extension holds (RFC 5280 §4.2.1.1). */
export interface AuthorityKeyIdentifierFields {
  critical: boolean;
  /** Lowercase hex; undefined when the field is absent. */
  keyId?: string;
  hasAuthorityCertIssuer: boolean;
  hasAuthorityCertSerialNumber: boolean;
}

export interface SubjectAltName {
  type: 'dns' | 'ip' | 'email' | 'uri';
  value: string;
}

const SAN_TYPES: Record<string, SubjectAltName['type'] | undefined> = { dns: 'dns', ip: 'ip', email: 'email', url: 'uri' };

/**
 * An immutable X.509 certificate. Constructing one validates the encoding
 * (so later getters do not throw on malformed input); every derived field is
 * computed on first use and cached. Do not mutate `der`.
 */
export interface CertificateInfoFields {
  pem: string;
  /** SHA-256 of the DER, lowercase hex. */
  fingerprint: string;
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

export class Certificate {
  readonly der: Uint8Array;
  private readonly cert: x509.X509Certificate;
  private readonly names: CertificateNames;
  private readonly memo = new Map<string, unknown>();

  private constructor(der: Uint8Array, cert: x509.X509Certificate, names: CertificateNames) {
    this.der = der;
    this.cert = cert;
    this.names = names;
  }

  static fromDer(input: BinaryInput): Certificate {
    const der = copyBytes(toBytes(input));
    let names: CertificateNames;
    try {
      names = readCertificateNames(der);
    } catch (cause) {
      throw new X509Error('parse_error', 'the data is not a DER-encoded X.509 certificate', { cause });
    }
    try {
      const cert = new x509.X509Certificate(toArrayBuffer(der));
      const certificate = new Certificate(der, cert, names);
      certificate.validateFields();
      return certificate;
    } catch (cause) {
      if (cause instanceof X509Error) throw cause;
      throw new X509Error('parse_error', 'the certificate is malformed: one of its fields or extensions cannot be decoded', { cause });
    }
  }

  static fromPem(pem: string): Certificate {
    return Certificate.fromDer(singleCertificateDer(pem));
  }

  /** Touches everything a getter may decode later, and refuses duplicate extensions (RFC 5280 §4.2). */
  private validateFields(): void {
    void this.cert.notBefore;
    void this.cert.notAfter;
    void this.cert.serialNumber;
    const seen = new Set<string>();
    for (const ext of this.cert.extensions) {
      if (seen.has(ext.type)) throw new X509Error('parse_error', `the certificate has the extension ${ext.type} twice, which RFC 5280 forbids`);
      seen.add(ext.type);
    }
    void this.basicConstraints;
    void this.keyUsage;
    void this.extendedKeyUsage;
    void this.subjectAltNames;
    void this.authorityKeyIdentifier;
  }

  private cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  get pem(): string {
    return this.cached('pem', () => pemEncode('CERTIFICATE', this.der));
  }

  /** SHA-256 of the DER, lowercase hex without separators. */
  get fingerprint(): string {
    return this.cached('fingerprint', () => createHash('sha256').update(this.der).digest('hex'));
  }

  /** RFC 4514 subject, most specific RDN first, e.g. `CN=alice, O=Acme`. */
  get subjectDN(): string {
    return this.cached('subjectDN', () => formatDn(this.names.subject));
  }

  get issuerDN(): string {
    return this.cached('issuerDN', () => formatDn(this.names.issuer));
  }

  get subjectCN(): string | undefined {
    return commonNameOf(this.names.subject);
  }

  get issuerCN(): string | undefined {
    return commonNameOf(this.names.issuer);
  }

  /** Canonical subject for comparisons (see normalizeDN). */
  get normalizedSubject(): string {
    return this.cached('normalizedSubject', () => normalizeRdns(this.names.subject));
  }

  get normalizedIssuer(): string {
    return this.cached('normalizedIssuer', () => normalizeRdns(this.names.issuer));
  }

  /** DER of the subject Name exactly as encoded, so issued certificates name their issuer byte for byte. */
  get subjectNameDer(): Uint8Array {
    return copyBytes(this.names.subjectDer);
  }

  /** DER SubjectPublicKeyInfo. */
  get spkiDer(): Uint8Array {
    return copyBytes(this.names.spkiDer);
  }

  /** Lowercase hex without the sign-padding zero byte. */
  get serialNumber(): string {
    return this.cert.serialNumber.toLowerCase();
  }

  get notBefore(): Date {
    return new Date(this.cert.notBefore.getTime());
  }

  get notAfter(): Date {
    return new Date(this.cert.notAfter.getTime());
  }

  private get basicConstraints(): x509.BasicConstraintsExtension | null {
    return this.cached('bc', () => this.cert.getExtension(x509.BasicConstraintsExtension));
  }

  get hasBasicConstraints(): boolean {
    return this.basicConstraints !== null;
  }

  get isCA(): boolean {
    return this.basicConstraints?.ca === true;
  }

  get pathLength(): number | undefined {
    return this.isCA ? this.basicConstraints?.pathLength : undefined;
  }

  /** Key usage names in RFC 5280 bit order, or undefined when the extension is absent (any usage). */
  get keyUsage(): string[] | undefined {
    return this.cached('keyUsage', () => {
      const ext = this.cert.getExtension(x509.KeyUsagesExtension);
      if (!ext) return undefined;
      return KEY_USAGE_NAMES.filter((_, bit) => (ext.usages & (1 << bit)) !== 0);
    });
  }

  /** 'clientAuth' / 'serverAuth', other purposes as dotted OIDs; undefined when absent (any purpose). */
  get extendedKeyUsage(): string[] | undefined {
    return this.cached('eku', () => {
      const ext = this.cert.getExtension(x509.ExtendedKeyUsageExtension);
      return ext ? ext.usages.map((u) => ekuName(String(u))) : undefined;
    });
  }

  /** DNS, IP, e-mail and URI names; other name forms are left out. */
  get subjectAltNames(): SubjectAltName[] {
    return this.cached('san', () => {
      const ext = this.cert.getExtension(x509.SubjectAlternativeNameExtension);
      if (!ext) return [];
      const out: SubjectAltName[] = [];
      for (const name of ext.names.items) {
        const type = SAN_TYPES[name.type];
        if (type) out.push({ type, value: name.value });
      }
      return out;
    });
  }

  get subjectKeyId(): string | undefined {
    return this.cached('ski', () => this.cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId.toLowerCase());
  }

  get authorityKeyId(): string | undefined {
    return this.authorityKeyIdentifier?.keyId;
  }

  /**
   * The whole authorityKeyIdentifier, or undefined without one. Decoded with
   * @peculiar/asn1-x509's schema: @peculiar/x509's extension class only reports
   * authorityCertIssuer and authorityCertSerialNumber when both are present.
   */
  get authorityKeyIdentifier(): AuthorityKeyIdentifierFields | undefined {
    return this.cached('aki', () => {
      const ext = this.cert.getExtension(x509.AuthorityKeyIdentifierExtension);
      if (!ext) return undefined;
      const aki = AsnConvert.parse(ext.value, AuthorityKeyIdentifier);
      return {
        critical: ext.critical,
        ...(aki.keyIdentifier ? { keyId: toHex(new Uint8Array(aki.keyIdentifier.buffer, aki.keyIdentifier.byteOffset, aki.keyIdentifier.byteLength)) } : {}),
        hasAuthorityCertIssuer: aki.authorityCertIssuer !== undefined,
        hasAuthorityCertSerialNumber: aki.authorityCertSerialNumber !== undefined,
      };
    });
  }

  /** Criticality of an extension by OID, or undefined when the certificate does not have it. */
  extensionCritical(oid: string): boolean | undefined {
    return this.cert.extensions.find((e) => e.type === oid)?.critical;
  }

  /** X.509 version as written (1, 2 or 3); undefined for an encoded value that is none of them. */
  get version(): number | undefined {
    return this.names.version;
  }

  /** The serial number's INTEGER content octets as encoded (two's complement, sign byte included). */
  get serialBytes(): Uint8Array {
    return copyBytes(this.names.serialBytes);
  }

  /** RFC 5280 §4.1.1.2: the signature algorithm outside the signed part must repeat the one inside it. */
  get signatureAlgorithmsAgree(): boolean {
    return bytesEqual(this.names.tbsSignatureAlgorithmDer, this.names.signatureAlgorithmDer);
  }

  /** Internal: the subject's attribute model, most specific RDN first (for name constraints). */
  get subjectRdns(): Rdn[] {
    return this.names.subject;
  }

  /** OIDs of the extensions marked critical. */
  get criticalExtensions(): string[] {
    return this.cert.extensions.filter((e) => e.critical).map((e) => e.type);
  }

  get isSelfIssued(): boolean {
    return this.normalizedSubject === this.normalizedIssuer;
  }

  /** Self-issued and signed by its own key (what a root looks like). */
  async isSelfSigned(): Promise<boolean> {
    return this.isSelfIssued && (await this.verifySignedBy(this));
  }

  /**
   * RFC 5280 §4.1.2.5: both bounds inclusive, at the one-second resolution the
   * certificate's times have (valid until 12:00:00 holds all of 12:00:00.xxx).
   */
  isValidAt(at: Date): boolean {
    const t = Math.floor(at.getTime() / 1000) * 1000;
    return this.cert.notBefore.getTime() <= t && t <= this.cert.notAfter.getTime();
  }

  /** Whether `issuer`'s key made this certificate's signature. False (not an error) for unsupported algorithms. */
  async verifySignedBy(issuer: Certificate): Promise<boolean> {
    try {
      return await this.cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
    } catch {
      return false;
    }
  }

  get publicKey(): x509.PublicKey {
    return this.cached('publicKey', () => {
      try {
        return this.cert.publicKey;
      } catch (cause) {
        throw new X509Error('unsupported_algorithm', `the public key algorithm of '${this.subjectDN}' is not supported`, { cause });
      }
    });
  }

  /** The underlying @peculiar/x509 object, for code that needs what this class does not expose. */
  toX509(): x509.X509Certificate {
    return this.cert;
  }

  equals(other: Certificate): boolean {
    return this.fingerprint === other.fingerprint;
  }

  /** What a log line or API response needs; never the whole DER. */
  toJSON(): Record<string, string> {
    return {
      subjectDN: this.subjectDN,
      issuerDN: this.issuerDN,
      serialNumber: this.serialNumber,
      fingerprint: this.fingerprint,
      notBefore: this.notBefore.toISOString(),
      notAfter: this.notAfter.toISOString(),
    };
  }

  /** What services tell each other about a certificate (the contracts' CertificateInfo): toJSON() plus the PEM. */
  toInfo(): CertificateInfoFields {
    return {
      pem: this.pem,
      fingerprint: this.fingerprint,
      subjectDN: this.subjectDN,
      issuerDN: this.issuerDN,
      serialNumber: this.serialNumber,
      notBefore: this.notBefore.toISOString(),
      notAfter: this.notAfter.toISOString(),
    };
  }

  toString(): string {
    return `Certificate(${this.subjectDN})`;
  }
}
