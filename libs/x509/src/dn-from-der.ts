// A DER-encoded Name on its own, as TLS carries the certificate_authorities of a
// CertificateRequest (RFC 5246 §7.4.4: DistinguishedName is an opaque DER Name).
import { decodeName } from './dn-der';
import { formatDn } from './dn-string';
import { X509Error } from './errors';
import { readDer } from './strict-der';

/** RFC 4514 text of a DER Name, most specific RDN first, e.g. `CN=Acme Client CA,O=Acme`. Throws X509Error('parse_error'). */
export function dnFromDer(der: Uint8Array): string {
  try {
    return formatDn(decodeName(readDer(der)));
  } catch (cause) {
    if (cause instanceof X509Error) throw cause;
    throw new X509Error('parse_error', 'the data is not a DER-encoded distinguished name', { cause });
  }
}
