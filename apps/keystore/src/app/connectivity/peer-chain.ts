import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';
import type { CertificateInfo } from '@certgate/contracts';
import { parseCertificate, readTlsPeerCertificate, rfc4514FromOpenSsl, type Certificate } from '@certgate/x509';

/** Node links each peer certificate to its issuer; a root links to itself, so the walk stops at a repeat. */
const MAX_CHAIN = 16;

/** DER certificates of the peer chain, leaf first, by following Node's issuer links. */
export function peerChainDer(leaf: DetailedPeerCertificate | undefined): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  for (let cert = leaf; cert?.raw && !seen.has(cert.fingerprint256) && chain.length < MAX_CHAIN; cert = cert.issuerCertificate) {
    seen.add(cert.fingerprint256);
    chain.push(cert.raw);
  }
  return chain;
}

/** What the API shows of each certificate; one a strict parser refuses is still shown, as OpenSSL reads it. */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  let cert: Certificate;
  try {
    cert = parseCertificate(der);
  } catch {
    return lenientInfo(der);
  }
  return cert.toInfo();
}

function lenientInfo(der: Uint8Array): CertificateInfo {
  const node = new X509Certificate(der);
  const facts = readTlsPeerCertificate(node);
  return {
    pem: node.toString(),
    fingerprint: facts.fingerprint,
    subjectDN: rfc4514FromOpenSsl(node.subject),
    issuerDN: rfc4514FromOpenSsl(node.issuer),
    serialNumber: facts.serialNumber,
    notBefore: new Date(node.validFrom).toISOString(),
    notAfter: facts.notAfter.toISOString(),
  };
}
