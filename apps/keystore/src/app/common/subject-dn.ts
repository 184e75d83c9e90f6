import { CertgateError, ErrorCode } from '@certgate/contracts';
import { isX509Error, parseDN } from '@certgate/x509';

/** A subject DN a certificate can carry, or a 400 naming the problem. */
export function checkSubjectDN(subjectDN: string, field = 'subjectDN'): void {
  let rdns;
  try {
    rdns = parseDN(subjectDN);
  } catch (err) {
    if (isX509Error(err)) throw new CertgateError(ErrorCode.subjectDnInvalid, `${field}: ${err.message}`, { field });
    throw err;
  }
  if (rdns.length === 0)
    throw new CertgateError(ErrorCode.subjectDnInvalid, `${field}: the subject DN is empty; give at least a CN, e.g. CN=sender-a, O=Acme`, { field });
}
