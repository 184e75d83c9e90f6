import type { ChainFailureReason, TlsPeerCertificate } from '@certgate/x509';

/**
 * The outcome of the client-certificate check of one TLS connection: OpenSSL's verdict
 * from the handshake, then certgate's certificate policy on the same chain (ChainReview).
 * Derived once per connection, so requests never re-parse anything.
 */
export type ClientIdentity =
  | { kind: 'none' }
  | { kind: 'verified'; certificate: TlsPeerCertificate }
  /** `tlsError` is OpenSSL's error, empty when OpenSSL accepted the chain and the policy refused it. */
  | { kind: 'rejected'; reason: ChainFailureReason; message: string; tlsError: string; certificate: TlsPeerCertificate };

/** The verdict as a sender may see it about its own certificate. */
export function describeIdentity(identity: ClientIdentity): Record<string, string> {
  switch (identity.kind) {
    case 'none':
      return { status: 'none' };
    case 'verified':
      return { status: 'verified', subjectDN: identity.certificate.subjectDN, issuerDN: identity.certificate.issuerDN };
    case 'rejected':
      return { status: 'rejected', reason: identity.reason, message: identity.message, subjectDN: identity.certificate.subjectDN };
  }
}
