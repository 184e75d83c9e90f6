// The TBS fields we read straight from the DER rather than through
// @peculiar/x509, so names keep their exact encoding and the public key is
// available even for algorithms WebCrypto cannot import.
//   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1,
//     serialNumber, signature, issuer Name, validity, subject Name,
//     subjectPublicKeyInfo, ... }
import { TAG, children, encoded, expectTag, readWhole, type Tlv } from './der';
import { decodeName } from './dn-der';
import type { Rdn } from './dn-string';

export interface CertificateNames {
  subject: Rdn[];
  issuer: Rdn[];
  subjectDer: Uint8Array;
  spkiDer: Uint8Array;
}

export function readCertificateNames(der: Uint8Array): CertificateNames {
  const [tbs] = children(expectTag(readWhole(der), TAG.sequence, 'a Certificate (SEQUENCE)'));
  if (!tbs) throw new Error('empty certificate');
  const fields = children(expectTag(tbs, TAG.sequence, 'a TBSCertificate (SEQUENCE)'));
  const f = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , issuer, , subject, spki] = f as (Tlv | undefined)[];
  if (!issuer || !subject || !spki) throw new Error('truncated TBSCertificate');
  return {
    issuer: decodeName(issuer),
    subject: decodeName(subject),
    subjectDer: new Uint8Array(encoded(subject)),
    spkiDer: new Uint8Array(encoded(expectTag(spki, TAG.sequence, 'a SubjectPublicKeyInfo'))),
  };
}

/**
 *   CertificationRequestInfo ::= SEQUENCE { version, subject Name, subjectPKInfo, attributes [0] }
 */
export function readCsrSubject(der: Uint8Array): Rdn[] {
  const [info] = children(expectTag(readWhole(der), TAG.sequence, 'a CertificationRequest (SEQUENCE)'));
  if (!info) throw new Error('empty CSR');
  const [, subject] = children(expectTag(info, TAG.sequence, 'a CertificationRequestInfo'));
  if (!subject) throw new Error('truncated CertificationRequestInfo');
  return decodeName(subject);
}
