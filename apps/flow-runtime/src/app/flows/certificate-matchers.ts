import { CertgateError, ErrorCode, type CertificateMatcher, type SenderAuthorization } from '@certgate/contracts';
import { isX509Error, normalizeDN, normalizeDNReversed, parseCertificates, type Certificate } from '@certgate/x509';

/**
 * Resolves a `client-certificate` channel's entries once, at deployment: a PEM
 * becomes its fingerprint (the exact-match key), a DN pair its normalized form. So
 * the request path compares strings and never parses a certificate. A DN pair is kept
 * in both orders, so `O=Acme, CN=alice` (as openssl prints it) matches `CN=alice,O=Acme`. Any entry that
 * cannot be read fails the deployment, naming the entry.
 */
export function resolveCertificateMatchers(authorization: SenderAuthorization): CertificateMatcher[] {
  if (authorization.type !== 'client-certificate') return [];
  return authorization.certificates.map((entry, index) => {
    const where = `sender.authorization.certificates[${index}]`;
    if ('pem' in entry) {
      const certificate = readCertificate(where, entry.pem, index);
      return {
        fingerprint: certificate.fingerprint,
        subjectDN: certificate.subjectDN,
        issuerDN: certificate.issuerDN,
        notAfter: certificate.notAfter.toISOString(),
      };
    }
    return {
      normalizedSubjectDN: readOrRefuse(`${where}.subjectDN`, () => normalizeDN(entry.subjectDN), index),
      normalizedIssuerDN: readOrRefuse(`${where}.issuerDN`, () => normalizeDN(entry.issuerDN), index),
      // Either order matches: RFC 4514 (most specific first) or the order openssl and most tools print.
      normalizedSubjectDNReversed: normalizeDNReversed(entry.subjectDN),
      normalizedIssuerDNReversed: normalizeDNReversed(entry.issuerDN),
      subjectDN: entry.subjectDN,
      issuerDN: entry.issuerDN,
    };
  });
}

/** One certificate: an unreadable PEM is `certificate_invalid`, several are `certificate_is_chain`. */
function readCertificate(where: string, pem: string, index: number): Certificate {
  let certificates: Certificate[];
  try {
    certificates = parseCertificates(pem);
  } catch (err) {
    if (!isX509Error(err)) throw err;
    throw new CertgateError(ErrorCode.certificateInvalid, `${where}: ${err.message}`, { field: where, index, reason: err.code });
  }
  if (certificates.length !== 1) {
    throw new CertgateError(
      ErrorCode.certificateIsChain,
      `${where}: expected a single certificate but the PEM holds ${certificates.length}; list the sender's leaf certificate alone`,
      { field: where, index, certificates: certificates.length },
    );
  }
  return certificates[0];
}

function readOrRefuse<T>(where: string, read: () => T, index: number): T {
  try {
    return read();
  } catch (err) {
    if (!isX509Error(err)) throw err;
    throw new CertgateError(ErrorCode.validationFailed, `${where}: ${err.message}`, { field: where, index, reason: err.code });
  }
}
