import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';
import { createTestPki, type TestPki } from '@certgate/testing';
import { parseCertificate, type Certificate } from '@certgate/x509';
import { certificateInfo, peerChainDer } from './peer-chain';

/** The shape Node gives a peer chain: each certificate links to its issuer, a root to itself. */
function linked(certs: Certificate[]): DetailedPeerCertificate {
  const nodes = certs.map((c) => ({ raw: Buffer.from(c.der), fingerprint256: c.fingerprint }) as unknown as DetailedPeerCertificate);
  nodes.forEach((n, i) => (n.issuerCertificate = nodes[i + 1] ?? n));
  return nodes[0];
}

describe('peer chain', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki();
  });

  it('follows issuer links leaf first and stops at the self-linked root', async () => {
    const leaf = await pki.issueServer('localhost');
    const chain = [leaf.certificate, pki.intermediate.certificate, pki.root.certificate];
    expect(peerChainDer(linked(chain)).map((d) => parseCertificate(d).fingerprint)).toEqual(chain.map((c) => c.fingerprint));
    expect(peerChainDer(undefined)).toEqual([]);
  });

  it('certificate info: PEM, SHA-256 fingerprint, RFC 4514 names, serial and validity', async () => {
    const leaf = await pki.issueServer('localhost');
    expect(certificateInfo(leaf.certificate.der)).toEqual({
      pem: leaf.certificate.pem,
      fingerprint: leaf.certificate.fingerprint,
      subjectDN: leaf.certificate.subjectDN,
      issuerDN: pki.intermediate.certificate.subjectDN,
      serialNumber: leaf.certificate.serialNumber,
      notBefore: leaf.certificate.notBefore.toISOString(),
      notAfter: leaf.certificate.notAfter.toISOString(),
    });
  });

  it('a certificate the strict parser refuses is still shown, as OpenSSL reads it', () => {
    // Made with `openssl x509 -req` and the extension line `2.5.29.19=critical,DER:0500`: a basicConstraints
    // holding NULL. OpenSSL decodes extensions lazily and reads the rest; the strict parser refuses it.
    const oddPem = [
      '-----BEGIN CERTIFICATE-----',
      'MIIBujCCAV+gAwIBAgITEaQTJjl1ecBK2I7WNAbpSCJ7ZDAKBggqhkjOPQQDAjA3',
      'MRkwFwYDVQQKDBBjZXJ0Z2F0ZSBmaXh0dXJlMRowGAYDVQQDDBFGaXh0dXJlIENs',
      'aWVudCBDQTAeFw0yNjExMjMwNjEzMTZaFw0zNjExMjAwNjEzMTZaMDExGTAXBgNV',
      'BAoMEGNlcnRnYXRlIGZpeHR1cmUxFDASBgNVBAMMC29kZC5leGFtcGxlMFkwEwYH',
      'KoZIzj0CAQYIKoZIzj0DAQcDQgAEhOiXaSROQ6kl22+Tk+6RRAcA1JmOcOYrYxgN',
      'ufl8N3MCL+80hFzXIs2HMCm0f7ss1hb1/zDQOn9WH9ZK8qdXyqNQME4wDAYDVR0T',
      'AQH/BAIFADAdBgNVHQ4EFgQUc/8xtbISnWyKgpQjuX3mPr4FSzQwHwYDVR0jBBgw',
      'FoAUXfpOuS3rImbpjXsk/zxnuxftjAwwCgYIKoZIzj0EAwIDSQAwRgIhAP63dPkf',
      'Jswo2dvYL1JgI8kARKds8X3HGutZIiDnPLiAAiEAlFtkK0bMSXPD350VlElxubFR',
      '7jCCR87oTOCpav5566I=',
      '-----END CERTIFICATE-----',
      '',
    ].join('\n');
    const der = new X509Certificate(oddPem).raw;
    expect(() => parseCertificate(der)).toThrow();
    expect(certificateInfo(der)).toEqual({
      pem: oddPem,
      fingerprint: 'c08ac1a4703d83424a89550ead53564f52b14060b8599099d7410fa844fc4dfe',
      subjectDN: 'CN=odd.example,O=certgate fixture',
      issuerDN: 'CN=Fixture Client CA,O=certgate fixture',
      serialNumber: '11a41326397579c04ad88ed63406e948227b64',
      notBefore: '2026-11-23T06:13:16.000Z',
      notAfter: '2036-11-20T06:13:16.000Z',
    });
  });
});
