import type { IncomingHttpHeaders } from 'node:http';
import { parseItem, parseList } from 'structured-headers';

/** More certificates than any chain the policy accepts (10) is not a chain but an attack on the verifier. */
export const MAX_FORWARDED_CHAIN = 10;

/** A certificate as forwarded: DER (RFC 9440) or PEM (Envoy's XFCC). */
export type ForwardedCertificate = Uint8Array | string;

export type ForwardedClientCert =
  { kind: 'absent' } | { kind: 'chain'; leaf: ForwardedCertificate; intermediates: ForwardedCertificate[] } | { kind: 'malformed'; message: string };

/**
 * The client certificate a TLS-terminating proxy forwards in RFC 9440's headers:
 * `Client-Cert` holds the leaf and `Client-Cert-Chain` the certificates it was sent
 * with, each DER as a structured-field byte sequence (`:<base64>:`).
 */
export function forwardedClientCert(headers: IncomingHttpHeaders): ForwardedClientCert {
  const leafHeader = headers['client-cert'];
  if (leafHeader === undefined) return { kind: 'absent' };
  // Node joins repeated headers with ", ", which is no longer one byte sequence: refused, as RFC 9440 wants one.
  const leaf = byteSequence(() => parseItem(String(leafHeader))[0], 'Client-Cert');
  if (typeof leaf === 'string') return { kind: 'malformed', message: leaf };
  const chainHeader = headers['client-cert-chain'];
  const intermediates: Uint8Array[] = [];
  if (chainHeader !== undefined && chainHeader !== '') {
    let members: ReturnType<typeof parseList>;
    try {
      members = parseList(String(chainHeader));
    } catch (err) {
      return { kind: 'malformed', message: `Client-Cert-Chain is not a list of RFC 9440 byte sequences: ${(err as Error).message}` };
    }
    if (members.length > MAX_FORWARDED_CHAIN) {
      return { kind: 'malformed', message: `Client-Cert-Chain holds ${members.length} certificates, more than ${MAX_FORWARDED_CHAIN}` };
    }
    for (const [i, member] of members.entries()) {
      const der = byteSequence(() => member[0], `Client-Cert-Chain member ${i + 1}`);
      if (typeof der === 'string') return { kind: 'malformed', message: der };
      intermediates.push(der);
    }
  }
  return { kind: 'chain', leaf, intermediates };
}

function byteSequence(read: () => unknown, what: string): Uint8Array | string {
  let value: unknown;
  try {
    value = read();
  } catch (err) {
    return `${what} is not an RFC 9440 byte sequence (':<base64 DER>:'): ${(err as Error).message}`;
  }
  if (!(value instanceof ArrayBuffer)) return `${what} is not an RFC 9440 byte sequence (':<base64 DER>:')`;
  if (value.byteLength === 0) return `${what} is empty`;
  return new Uint8Array(value);
}
