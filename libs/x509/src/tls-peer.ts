import type { X509Certificate as NodeX509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';
import type { Certificate } from './certificate';

/** What the request path needs of a peer certificate, read with Node's (OpenSSL's) parser. */
export interface TlsPeerCertificate {
  /** SHA-256 of the DER, lowercase hex, no colons: the same value as `Certificate.fingerprint`. */
  fingerprint: string;
  subjectDN: string;
  issuerDN: string;
  subjectCN?: string;
  issuerCN?: string;
  serialNumber: string;
  notAfter: Date;
}

/**
 * Reads the peer certificate of a TLS connection with Node's X509Certificate, which is
 * 3-7x faster than a full ASN.1 parse: the ingress calls this once per connection.
 */
export function readTlsPeerCertificate(cert: NodeX509Certificate): TlsPeerCertificate {
  const subjectDN = rfc4514FromOpenSsl(cert.subject);
  const issuerDN = rfc4514FromOpenSsl(cert.issuer);
  return {
    fingerprint: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    subjectDN,
    issuerDN,
    subjectCN: cnOf(cert.subject),
    issuerCN: cnOf(cert.issuer),
    serialNumber: cert.serialNumber.toLowerCase(),
    notAfter: new Date(cert.validTo),
  };
}

/** The same facts of a certificate that did not come from a handshake (one a trusted proxy forwarded). */
export function peerCertificateOf(cert: Certificate): TlsPeerCertificate {
  return {
    fingerprint: cert.fingerprint,
    subjectDN: cert.subjectDN,
    issuerDN: cert.issuerDN,
    subjectCN: cert.subjectCN,
    issuerCN: cert.issuerCN,
    serialNumber: cert.serialNumber.toLowerCase(),
    notAfter: cert.notAfter,
  };
}

/**
 * Node prints names one RDN per line, most general first, values already escaped as
 * RFC 2253 says and multi-valued RDNs joined by " + ". RFC 4514 wants the most
 * specific RDN first, separated by commas.
 */
export function rfc4514FromOpenSsl(multiline: string): string {
  if (!multiline) return '';
  return multiline
    .split('\n')
    .filter(Boolean)
    .reverse()
    .map((rdn) => rdn.split(' + ').join('+'))
    .join(',');
}

function cnOf(multiline: string): string | undefined {
  const lines = multiline.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    for (const ava of lines[i].split(' + ')) {
      if (ava.startsWith('CN=')) return ava.slice(3).replace(/\\(.)/g, '$1');
    }
  }
  return undefined;
}

/** More than any chain the policy accepts (its limit is 10), fewer than a loop. */
const MAX_PEER_CHAIN = 16;

/**
 * The peer's chain as Node reports it for a connection (`getPeerCertificate(true)`):
 * the leaf, then each issuer OpenSSL linked, ending with the trusted root, which Node
 * links to itself. Empty when the peer sent none.
 */
export function peerChain(peer: DetailedPeerCertificate | undefined): DetailedPeerCertificate[] {
  if (!peer?.raw) return [];
  const chain = [peer];
  for (let c = peer; c.issuerCertificate && c.issuerCertificate.fingerprint256 !== c.fingerprint256 && chain.length < MAX_PEER_CHAIN; c = c.issuerCertificate) {
    chain.push(c.issuerCertificate);
  }
  return chain;
}
