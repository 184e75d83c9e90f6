import { x509 } from './engine';
import type { Certificate } from './certificate';
import { toArrayBuffer } from './encoding';

/**
 * A chain as one DER file: a certs-only PKCS#7 SignedData (what Windows and Java
 * tools call a `.p7b`). A DER `.cer` file holds one certificate only, so this is the
 * binary form of a whole chain.
 */
export function chainToPkcs7Der(chain: readonly Certificate[]): Uint8Array {
  const bundle = new x509.X509Certificates(chain.map((c) => new x509.X509Certificate(toArrayBuffer(c.der))));
  return new Uint8Array(bundle.export('raw'));
}
