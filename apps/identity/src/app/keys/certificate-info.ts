import type { CertificateInfo } from '@certgate/contracts';
import type { Certificate } from '@certgate/x509';

/** What the identity bucket keeps about a key's certificate. */
export function certificateInfo(cert: Certificate): CertificateInfo {
  return {
    pem: cert.pem,
    fingerprint: cert.fingerprint,
    subjectDN: cert.subjectDN,
    issuerDN: cert.issuerDN,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
  };
}
