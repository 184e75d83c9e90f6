// Certificate issuing for tests, dev CAs and the tenant's client CA. Defaults
// follow RFC 5280 profiles that OpenSSL's -x509_strict accepts.
import { randomBytes } from 'node:crypto';
import { Certificate } from './certificate';
import type { Purpose } from './chain-reasons';
import { encodeDN } from './dn';
import { toArrayBuffer } from './encoding';
import { x509, type CryptoKey } from './engine';
import { X509Error } from './errors';
import { generalNames } from './general-names';
import { signingAlgorithmFor } from './keys';
import { KEY_USAGE_NAMES, ekuOid, type KeyUsageName } from './oids';

export interface IssueOptions {
  /** RFC 4514 DN, most specific first (`CN=alice, O=Acme`); '' for an empty subject (then a SAN is required). */
  subjectDN: string;
  publicKey: CryptoKey;
  /** The issuing CA; absent means self-signed, and then `signingKey` is required. */
  issuer?: { certificate: Certificate; privateKey: CryptoKey };
  signingKey?: CryptoKey;
  /** Hex; default a random positive 16-byte number. */
  serialNumber?: string;
  /** Default: five minutes ago, to tolerate clock skew between machines. */
  notBefore?: Date;
  notAfter?: Date;
  /** Used when `notAfter` is absent, counted from `notBefore` (or now). Default 365. */
  validityDays?: number;
  ca?: boolean;
  pathLength?: number;
  /** Names as in `Certificate.keyUsage`; [] leaves the extension out. Default by role and key type. */
  keyUsage?: string[];
  /** 'clientAuth', 'serverAuth', other known names or dotted OIDs. Absent = no extension (any purpose). */
  extendedKeyUsage?: Purpose[] | string[];
  dnsNames?: string[];
  ipAddresses?: string[];
  emails?: string[];
  omitBasicConstraints?: boolean;
  omitAuthorityKeyId?: boolean;
  /** OCSP responder URLs, in an authority information access extension. */
  ocspUrls?: string[];
  /** Further extensions as DER values, e.g. to test how verifiers treat unknown critical ones. */
  extraExtensions?: { oid: string; critical?: boolean; value: Uint8Array }[];
}

const DAY_MS = 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;

function randomSerial(): string {
  const bytes = randomBytes(16);
  // Positive (RFC 5280 §4.1.2.2) and a full 16 bytes long.
  bytes[0] = bytes[0] & 0x7f || 0x01;
  return bytes.toString('hex');
}

function checkSerial(hex: string): string {
  if (!/^[0-9a-fA-F]{1,40}$/.test(hex) || /^0+$/.test(hex)) {
    throw new X509Error('parse_error', `serial number '${hex}' must be a positive hex number of at most 20 bytes`);
  }
  return hex.length % 2 ? `0${hex}` : hex;
}

function keyUsageFlags(names: string[]): number {
  return names.reduce((flags, name) => {
    const bit = KEY_USAGE_NAMES.indexOf(name as KeyUsageName);
    if (bit < 0) throw new X509Error('parse_error', `unknown key usage '${name}'; use ${KEY_USAGE_NAMES.join(', ')}`);
    return flags | (1 << bit);
  }, 0);
}

function defaultKeyUsage(ca: boolean, publicKey: CryptoKey): string[] {
  if (ca) return ['keyCertSign', 'cRLSign'];
  return publicKey.algorithm.name.startsWith('RSA') ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'];
}

function validity(opts: IssueOptions): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  const notBefore = opts.notBefore ?? new Date(now - CLOCK_SKEW_MS);
  const days = opts.validityDays ?? 365;
  if (!(days > 0)) throw new RangeError(`validityDays must be positive, got ${days}`);
  const notAfter = opts.notAfter ?? new Date((opts.notBefore?.getTime() ?? now) + days * DAY_MS);
  if (notAfter.getTime() <= notBefore.getTime()) throw new RangeError('notAfter must be later than notBefore');
  return { notBefore, notAfter };
}

async function buildExtensions(opts: IssueOptions, subjectIsEmpty: boolean): Promise<x509.Extension[]> {
  const ca = opts.ca === true;
  if (opts.pathLength !== undefined && (!ca || !Number.isInteger(opts.pathLength) || opts.pathLength < 0)) {
    throw new RangeError('pathLength needs ca: true and a whole number >= 0');
  }
  const extensions: x509.Extension[] = [];
  if (!opts.omitBasicConstraints) extensions.push(new x509.BasicConstraintsExtension(ca, opts.pathLength, true));
  const keyUsage = opts.keyUsage ?? defaultKeyUsage(ca, opts.publicKey);
  if (keyUsage.length > 0) extensions.push(new x509.KeyUsagesExtension(keyUsageFlags(keyUsage), true));
  if (opts.extendedKeyUsage?.length) {
    const oids = opts.extendedKeyUsage.map((name) => {
      const oid = ekuOid(name);
      if (!oid) throw new X509Error('parse_error', `unknown extended key usage '${name}'; use clientAuth, serverAuth or a dotted OID`);
      return oid;
    });
    extensions.push(new x509.ExtendedKeyUsageExtension(oids, false));
  }
  const san = generalNames(opts);
  if (subjectIsEmpty && san.length === 0) {
    throw new X509Error('parse_error', 'a certificate with an empty subject needs at least one DNS name, IP address or e-mail (RFC 5280 §4.2.1.6)');
  }
  // RFC 5280 §4.2.1.6: with an empty subject the SAN carries the identity and must be critical.
  if (san.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(san, subjectIsEmpty));
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(opts.publicKey));
  if (!opts.omitAuthorityKeyId) extensions.push(await authorityKeyId(opts));
  if (opts.ocspUrls?.length) extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: opts.ocspUrls.map((url) => new x509.GeneralName('url', url)) }));
  for (const extra of opts.extraExtensions ?? []) extensions.push(new x509.Extension(extra.oid, extra.critical ?? false, extra.value));
  return extensions;
}

async function authorityKeyId(opts: IssueOptions): Promise<x509.Extension> {
  const issuerKeyId = opts.issuer?.certificate.subjectKeyId;
  if (issuerKeyId) return new x509.AuthorityKeyIdentifierExtension(issuerKeyId);
  return x509.AuthorityKeyIdentifierExtension.create(opts.issuer ? opts.issuer.certificate.publicKey : opts.publicKey);
}

/**
 * Issues a certificate. Defaults: random serial, valid from five minutes ago
 * for `validityDays` (365), critical basicConstraints, critical keyUsage
 * (CA: keyCertSign+cRLSign; leaf: digitalSignature, plus keyEncipherment for
 * RSA), subject and authority key identifiers.
 * Throws X509Error('key_mismatch') when the signing key does not belong to the issuer.
 */
export async function issueCertificate(opts: IssueOptions): Promise<Certificate> {
  const signingKey = opts.issuer?.privateKey ?? opts.signingKey;
  if (!signingKey) throw new TypeError('issueCertificate: give `issuer`, or `signingKey` for a self-signed certificate');
  const subject = encodeDN(opts.subjectDN);
  const issuerName = opts.issuer ? opts.issuer.certificate.subjectNameDer : subject;
  const { notBefore, notAfter } = validity(opts);
  const generated = await x509.X509CertificateGenerator.create({
    serialNumber: opts.serialNumber !== undefined ? checkSerial(opts.serialNumber) : randomSerial(),
    subject: new x509.Name(toArrayBuffer(subject)),
    issuer: new x509.Name(toArrayBuffer(issuerName)),
    notBefore,
    notAfter,
    publicKey: opts.publicKey,
    signingKey,
    signingAlgorithm: signingAlgorithmFor(signingKey),
    extensions: await buildExtensions(opts, subject.length === 2),
  });
  const certificate = Certificate.fromDer(new Uint8Array(generated.rawData));
  const issuerCertificate = opts.issuer?.certificate ?? certificate;
  if (!(await certificate.verifySignedBy(issuerCertificate))) {
    throw new X509Error(
      'key_mismatch',
      opts.issuer
        ? `the private key given for issuer '${issuerCertificate.subjectDN}' does not belong to that certificate`
        : 'signingKey is not the private key of publicKey, so the certificate would not be self-signed',
    );
  }
  return certificate;
}
