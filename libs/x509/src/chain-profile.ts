// The certificate profile every certificate of a chain must follow
// (docs/certificate-policy.md): the RFC 5280 rules for conforming CAs that
// path building and checking rely on, plus the few CA/B Forum rules certgate
// adopts. Each rule names its source in the sentence it returns.
import type { Certificate } from './certificate';
import type { Purpose } from './chain-reasons';
import { OID } from './oids';

export type Role = 'leaf' | 'intermediate' | 'root';

const OID_POLICY_CONSTRAINTS = '2.5.29.36';

function serialProblem(bytes: Uint8Array, role: Role): string | undefined {
  if (bytes.length === 0 || (bytes[0] & 0x80) !== 0) return 'its serial number is negative';
  // Nothing identifies a trust anchor by its serial number, and trusted roots with serial 0 exist (Starfield Root G2).
  if (bytes.every((b) => b === 0)) return role === 'root' ? undefined : 'its serial number is zero';
  // A leading zero byte only keeps a high-bit value positive; it does not count.
  const significant = bytes[0] === 0 ? bytes.length - 1 : bytes.length;
  if (significant > 20) return `its serial number is ${significant} bytes long`;
  return undefined;
}

/**
 * Why `cert`, in the given role, breaks the profile, or undefined. `root` is a
 * trust anchor (self-signed); `purpose` is known for leaves only.
 */
export function profileProblem(cert: Certificate, role: Role, purpose?: Purpose): string | undefined {
  if (cert.version !== 3) {
    // `openssl x509 -req` without -extfile makes version 1 certificates: say so, it is the usual cause.
    const hint = cert.version === 1 ? ' (as `openssl x509 -req` issues without -extfile)' : '';
    return `it is an X.509 version ${cert.version ?? '(invalid)'} certificate${hint}; only version 3 is accepted (RFC 5280 §4.1.2.1, CA/B Forum BR §7.1.1)`;
  }
  const serial = serialProblem(cert.serialBytes, role);
  if (serial) return `${serial}; it must be a positive number of at most 20 bytes (RFC 5280 §4.1.2.2)`;
  if (cert.issuerDN === '') return 'its issuer name is empty (RFC 5280 §4.1.2.4)';

  const aki = cert.authorityKeyIdentifier;
  if (aki) {
    if (aki.critical) return 'its authorityKeyIdentifier extension is critical; RFC 5280 §4.2.1.1 requires it non-critical';
    if (!aki.keyId) return 'its authorityKeyIdentifier has no keyIdentifier (RFC 5280 §4.2.1.1)';
    if (cert.isCA && (aki.hasAuthorityCertIssuer || aki.hasAuthorityCertSerialNumber)) {
      return 'its authorityKeyIdentifier names the issuer by name and serial number, which a CA certificate must not (CA/B Forum BR §7.1.2.11.1)';
    }
  } else if (!cert.isSelfIssued) {
    return 'it has no authorityKeyIdentifier, which every certificate but a self-signed root must have (RFC 5280 §4.2.1.1)';
  }

  const skiCritical = cert.extensionCritical(OID.subjectKeyId);
  if (skiCritical) return 'its subjectKeyIdentifier extension is critical; RFC 5280 §4.2.1.2 requires it non-critical';
  if (cert.isCA && skiCritical === undefined) return 'it is a CA certificate without a subjectKeyIdentifier (RFC 5280 §4.2.1.2)';
  if (role === 'root' && aki && cert.subjectKeyId !== aki.keyId) {
    return 'it is self-signed but its authorityKeyIdentifier differs from its own subjectKeyIdentifier (CA/B Forum BR §7.1.2.1.3)';
  }

  if (cert.isCA && cert.extensionCritical(OID.basicConstraints) === false)
    return 'it is a CA certificate whose basicConstraints are not critical (RFC 5280 §4.2.1.9)';
  if (cert.isCA && cert.subjectRdns.length === 0) return 'it is a CA certificate with an empty subject (RFC 5280 §4.1.2.6)';

  const sanCritical = cert.extensionCritical(OID.subjectAltName);
  if (cert.subjectRdns.length === 0 && sanCritical !== true) {
    return sanCritical === undefined
      ? 'its subject is empty and it has no subjectAltName to name it (RFC 5280 §4.1.2.6)'
      : 'its subject is empty, so its subjectAltName must be critical (RFC 5280 §4.2.1.6)';
  }
  if (role === 'leaf' && purpose === 'serverAuth' && sanCritical === true && cert.subjectRdns.length > 0) {
    return 'it is a server certificate with a subject whose subjectAltName is critical, which only a certificate with an empty subject may mark (CA/B Forum BR §7.1.2.7.12)';
  }
  if (cert.extensionCritical(OID_POLICY_CONSTRAINTS) === false) return 'its policyConstraints extension is not critical (RFC 5280 §4.2.1.11)';
  return undefined;
}
