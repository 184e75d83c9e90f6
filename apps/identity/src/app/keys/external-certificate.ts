import { CertgateError, ErrorCode } from '@certgate/contracts';
import { isX509Error, parseCertificates, type Certificate } from '@certgate/x509';

function refuse(code: ErrorCode, message: string, details: Record<string, unknown> = {}): never {
  throw new CertgateError(code, message, { field: 'certificate', ...details });
}

/**
 * The sender's own certificate for an `external-certificate` key or a certificate-user
 * mapping (design §4): one leaf, valid now, usable for client authentication.
 * Everything else is refused with what to send instead, each kind with its own code.
 */
export function acceptExternalCertificate(pem: string, now: Date): Certificate {
  let certs: Certificate[];
  try {
    certs = parseCertificates(pem);
  } catch (err) {
    if (isX509Error(err)) refuse(ErrorCode.certificateInvalid, `certificate: ${err.message}`, { reason: err.code });
    throw err;
  }
  if (certs.length !== 1) {
    refuse(ErrorCode.certificateIsChain, `certificate: send only the leaf certificate, not a chain (the PEM holds ${certs.length} certificates)`, {
      certificates: certs.length,
    });
  }
  const [cert] = certs;
  if (cert.isCA) {
    refuse(ErrorCode.certificateIsCa, `certificate: '${cert.subjectDN}' is a CA certificate; send the sender's own (leaf) certificate`, {
      subjectDN: cert.subjectDN,
    });
  }
  if (now.getTime() < cert.notBefore.getTime()) {
    refuse(ErrorCode.certificateNotYetValid, `certificate: '${cert.subjectDN}' is not valid yet: its validity starts ${cert.notBefore.toISOString()}`, {
      notBefore: cert.notBefore.toISOString(),
    });
  }
  if (now.getTime() > cert.notAfter.getTime()) {
    refuse(ErrorCode.certificateExpired, `certificate: '${cert.subjectDN}' has expired: it was valid until ${cert.notAfter.toISOString()}`, {
      notAfter: cert.notAfter.toISOString(),
    });
  }
  const eku = cert.extendedKeyUsage;
  if (eku && !eku.includes('clientAuth')) {
    refuse(
      ErrorCode.certificateWrongUsage,
      `certificate: '${cert.subjectDN}' is not allowed for client authentication (its extended key usage is ${eku.join(', ')}), so the ingress would refuse it`,
      { extendedKeyUsage: eku },
    );
  }
  return cert;
}
