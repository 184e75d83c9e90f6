import { Certificate } from '@certgate/x509';

/**
 * The same certificate with one bit of its signature flipped: still well-formed
 * DER (the last byte belongs to the signature value), but the signature no longer verifies.
 */
export function tamperSignature(cert: Certificate): Certificate {
  const der = new Uint8Array(cert.der);
  der[der.length - 1] ^= 0x01;
  return Certificate.fromDer(der);
}
