// The TBS fields we read from asn1js nodes rather than through @peculiar/x509
// (or @peculiar/asn1-x509's TBSCertificate, which re-encodes what it decoded),
// so names keep their exact encoding, the public key is available even for
// algorithms WebCrypto cannot import, and the version, serial number and both
// signature AlgorithmIdentifiers are the bytes as sent (the chain's profile
// checks need them; @peculiar/x509 exposes no version and a normalised serial).
//   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1,
//     serialNumber, signature, issuer Name, validity, subject Name,
//     subjectPublicKeyInfo, ... }
import type * as asn1js from 'asn1js';
import { decodeName } from './dn-der';
import type { Rdn } from './dn-string';
import { UNIVERSAL, encoded, isContextConstructed, isUniversal, membersOf, readDer, type DerNode } from './strict-der';

export interface CertificateNames {
  subject: Rdn[];
  issuer: Rdn[];
  subjectDer: Uint8Array;
  spkiDer: Uint8Array;
  /** 1, 2 or 3 (the encoded INTEGER plus one); undefined for a value outside X.509's three versions. */
  version: number | undefined;
  /** Content octets of the serialNumber INTEGER, sign byte included. */
  serialBytes: Uint8Array;
  /** DER of TBSCertificate.signature and of Certificate.signatureAlgorithm, which RFC 5280 §4.1.1.2 requires to be equal. */
  tbsSignatureAlgorithmDer: Uint8Array;
  signatureAlgorithmDer: Uint8Array;
}

function versionOf(field: DerNode | undefined): number | undefined {
  // DEFAULT v1: a DER encoder leaves the field out for v1.
  if (!isContextConstructed(field, 0)) return 1;
  const [value] = (field as asn1js.Constructed).valueBlock.value;
  if (!isUniversal(value, UNIVERSAL.integer)) throw new Error('expected the version INTEGER');
  const bytes = (value as asn1js.Integer).valueBlock.valueHexView;
  return bytes.length === 1 && bytes[0] <= 2 ? bytes[0] + 1 : undefined;
}

export function readCertificateNames(der: Uint8Array): CertificateNames {
  const [tbs, signatureAlgorithm] = membersOf(readDer(der), UNIVERSAL.sequence, 'a Certificate (SEQUENCE)');
  if (!tbs || !signatureAlgorithm) throw new Error('truncated certificate');
  const fields = membersOf(tbs, UNIVERSAL.sequence, 'a TBSCertificate (SEQUENCE)');
  const version = versionOf(fields[0]);
  const [serial, tbsSignature, issuer, , subject, spki] = isContextConstructed(fields[0], 0) ? fields.slice(1) : fields;
  if (!serial || !tbsSignature || !issuer || !subject || !spki) throw new Error('truncated TBSCertificate');
  if (!isUniversal(serial, UNIVERSAL.integer)) throw new Error('expected the serialNumber INTEGER');
  if (!isUniversal(spki, UNIVERSAL.sequence, true)) throw new Error('expected a SubjectPublicKeyInfo (SEQUENCE)');
  return {
    issuer: decodeName(issuer),
    subject: decodeName(subject),
    subjectDer: new Uint8Array(encoded(subject)),
    spkiDer: new Uint8Array(encoded(spki)),
    version,
    serialBytes: new Uint8Array((serial as asn1js.Integer).valueBlock.valueHexView),
    tbsSignatureAlgorithmDer: new Uint8Array(encoded(tbsSignature)),
    signatureAlgorithmDer: new Uint8Array(encoded(signatureAlgorithm)),
  };
}

/**
 *   CertificationRequestInfo ::= SEQUENCE { version, subject Name, subjectPKInfo, attributes [0] }
 */
export function readCsrSubject(der: Uint8Array): Rdn[] {
  const [info] = membersOf(readDer(der), UNIVERSAL.sequence, 'a CertificationRequest (SEQUENCE)');
  if (!info) throw new Error('empty CSR');
  const [, subject] = membersOf(info, UNIVERSAL.sequence, 'a CertificationRequestInfo');
  if (!subject) throw new Error('truncated CertificationRequestInfo');
  return decodeName(subject);
}
