import { Certificate } from './certificate';
import type { BinaryInput } from './encoding';
import { X509Error } from './errors';
import { certificateDers, singleDer } from './pem-input';

/**
 * Exactly one certificate, PEM (text or bytes), bare base64 or DER.
 * Throws X509Error: empty_input, not_a_certificate (a key, a CSR, several
 * certificates), parse_error (anything else).
 */
export function parseCertificate(input: string | BinaryInput): Certificate {
  return Certificate.fromDer(singleDer(certificateDers(input)));
}

/**
 * Every certificate of a PEM bundle (text between blocks is ignored), of
 * concatenated DER, or of a PKCS#7 bundle, in the order given. A private key
 * anywhere in the input is refused rather than skipped.
 */
export function parseCertificates(input: string | BinaryInput): Certificate[] {
  return certificateDers(input).map((der, k, all) => {
    try {
      return Certificate.fromDer(der);
    } catch (err) {
      if (all.length > 1 && err instanceof X509Error) {
        throw new X509Error(err.code, `certificate #${k + 1} of ${all.length}: ${err.message}`, { cause: err });
      }
      throw err;
    }
  });
}

/** PEM bundle in the order given (for a chain: leaf first, root last). */
export function toPemBundle(certs: readonly Certificate[]): string {
  return certs.map((c) => c.pem).join('');
}
