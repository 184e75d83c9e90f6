// The TBS fields we read from asn1js nodes rather than through @peculiar/x509
// (or @peculiar/asn1-x509's TBSCertificate, which re-encodes what it decoded),
// so names keep their exact encoding and the public key is available even for
// algorithms WebCrypto cannot import.
//   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1,
//     serialNumber, signature, issuer Name, validity, subject Name,
//     subjectPublicKeyInfo, ... }
import { decodeName } from './dn-der';
import type { Rdn } from './dn-string';
import { UNIVERSAL, encoded, isContextConstructed, isUniversal, membersOf, readDer } from './strict-der';

export interface CertificateNames {
  subject: Rdn[];
  issuer: Rdn[];
  subjectDer: Uint8Array;
  spkiDer: Uint8Array;
}

export function readCertificateNames(der: Uint8Array): CertificateNames {
  const [tbs] = membersOf(readDer(der), UNIVERSAL.sequence, 'a Certificate (SEQUENCE)');
  if (!tbs) throw new Error('empty certificate');
  const fields = membersOf(tbs, UNIVERSAL.sequence, 'a TBSCertificate (SEQUENCE)');
  const [, , issuer, , subject, spki] = isContextConstructed(fields[0], 0) ? fields.slice(1) : fields;
  if (!issuer || !subject || !spki) throw new Error('truncated TBSCertificate');
  if (!isUniversal(spki, UNIVERSAL.sequence, true)) throw new Error('expected a SubjectPublicKeyInfo (SEQUENCE)');
  return {
    issuer: decodeName(issuer),
    subject: decodeName(subject),
    subjectDer: new Uint8Array(encoded(subject)),
    spkiDer: new Uint8Array(encoded(spki)),
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
