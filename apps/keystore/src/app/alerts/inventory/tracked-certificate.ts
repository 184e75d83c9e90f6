import type { CertificateSource } from '@certgate/contracts';

/** One certificate certgate relies on, as the monitor keeps it in memory. */
export interface TrackedCertificate {
  source: CertificateSource;
  /** Stable across renewals within its source (see CERTIFICATE_SOURCES in the contracts). */
  ref: string;
  subjectDN: string;
  issuerDN: string;
  subjectCN?: string;
  issuerCN?: string;
  /** Lowercase hex; '' when the source does not record it (a flow's certificate known only by its matcher). */
  serial: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  notAfterMs: number;
}
