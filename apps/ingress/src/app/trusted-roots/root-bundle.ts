import { CertgateError, chainFailureCode, ErrorCode } from '@certgate/contracts';
import { isValidAnchor, isX509Error, parseCertificates, type Certificate, type KeyPolicy } from '@certgate/x509';

export interface RefusedRoot {
  /** 1-based position in the bundle. */
  position: number;
  subjectDN: string;
  fingerprint: string;
  reason: string;
  message: string;
}

/**
 * Why one certificate cannot be a trusted client root, or undefined when it can: it
 * must be a self-signed CA (libs/x509 `isValidAnchor`) and be valid now, because an
 * expired root would only make every chain under it fail later, with a less clear reason.
 */
export async function rootProblem(cert: Certificate, now: Date, keyPolicy: KeyPolicy = {}): Promise<{ reason: string; message: string } | undefined> {
  const anchor = await isValidAnchor(cert, { keyPolicy });
  if (!anchor.ok) return { reason: anchor.reason, message: anchor.message };
  if (cert.notAfter.getTime() < now.getTime()) return { reason: 'expired', message: `'${cert.subjectDN}' expired on ${cert.notAfter.toISOString()}` };
  if (cert.notBefore.getTime() > now.getTime())
    return { reason: 'not_yet_valid', message: `'${cert.subjectDN}' is not valid before ${cert.notBefore.toISOString()}` };
  return undefined;
}

/**
 * The certificates of a PUT /ingress/trusted-roots bundle, all of them fit to be roots,
 * or a 400 that names every refused certificate: the bundle is taken whole or not at
 * all, so the trusted set is never half-replaced. The code is that of the first refused
 * certificate's reason (`invalid_anchor`, `certificate_expired`, ...).
 */
export async function validateRootBundle(pem: string, keyPolicy: KeyPolicy = {}, now = new Date()): Promise<Certificate[]> {
  let certs: Certificate[];
  try {
    certs = parseCertificates(pem);
  } catch (err) {
    if (isX509Error(err, 'empty_input')) throw emptyBundle();
    if (isX509Error(err))
      throw new CertgateError(ErrorCode.certificateInvalid, `certificates: ${err.message}; the trusted roots were not changed`, {
        field: 'certificates',
        reason: err.code,
      });
    throw err;
  }
  if (certs.length === 0) throw emptyBundle();

  const refused: RefusedRoot[] = [];
  for (const [i, cert] of certs.entries()) {
    const problem = await rootProblem(cert, now, keyPolicy);
    if (problem) refused.push({ position: i + 1, subjectDN: cert.subjectDN, fingerprint: cert.fingerprint, ...problem });
  }
  if (refused.length > 0) {
    const first = refused[0];
    const more = refused.length > 1 ? ` (and ${refused.length - 1} more, see details)` : '';
    throw new CertgateError(
      chainFailureCode(first.reason),
      `certificate #${first.position} of ${certs.length}, subject '${first.subjectDN}', cannot be a trusted root (${first.reason}): ${first.message}${more}; the trusted roots were not changed`,
      { field: 'certificates', refused },
    );
  }
  const seen = new Set<string>();
  return certs.filter((c) => !seen.has(c.fingerprint) && seen.add(c.fingerprint));
}

function emptyBundle(): CertgateError {
  return new CertgateError(ErrorCode.validationFailed, 'certificates: the PEM bundle holds no certificate; send one or more self-signed root CA certificates', {
    field: 'certificates',
  });
}
