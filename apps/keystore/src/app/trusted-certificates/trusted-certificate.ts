import { CertgateError, ErrorCode } from '@certgate/contracts';
import { isX509Error, parseCertificates, type Certificate } from '@certgate/x509';

/** Exactly one certificate from PEM, or a 400 saying what the input is instead. */
export function singleTrustedCertificate(pem: string): Certificate {
  let certificates: Certificate[];
  try {
    certificates = parseCertificates(pem);
  } catch (err) {
    if (isX509Error(err)) throw new CertgateError(ErrorCode.certificateInvalid, `certificatePem: ${err.message}`, { field: 'certificate', reason: err.code });
    throw err;
  }
  if (certificates.length !== 1) {
    throw new CertgateError(
      ErrorCode.certificateIsChain,
      `certificatePem holds ${certificates.length} certificates; a trusted certificate entry holds one: add each certificate (usually the root CA) under its own alias`,
      { field: 'certificate', count: certificates.length },
    );
  }
  return certificates[0];
}
