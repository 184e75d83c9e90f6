import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';
import type { CertificateInfo } from '@certgate/contracts';
import { parseCertificate, peerChain, readTlsPeerCertificate, rfc4514FromOpenSsl, type Certificate } from '@certgate/x509';

/** DER certificates of the peer chain, leaf first, by following Node's issuer links. */
export function peerChainDer(leaf: DetailedPeerCertificate | undefined): Buffer[] {
  return peerChain(leaf).map((c) => c.raw);
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
