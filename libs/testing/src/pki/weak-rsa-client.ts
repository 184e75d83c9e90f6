import { webcrypto } from 'node:crypto';
import { exportPrivateKeyPem, issueCertificate, toPemBundle, type CryptoKey } from '@certgate/x509';
import type { TestLeaf, TestPki } from './test-pki';

/**
 * A clientAuth leaf with a 1024-bit RSA key under the PKI's issuing CA: what the key
 * policy refuses (`weak_key`) and OpenSSL at security level 1 would still accept.
 * generateKeyPair refuses to make such a key; WebCrypto does not.
 */
export async function issueWeakRsaClient(pki: TestPki, cn = 'rsa-1024', notBefore?: Date): Promise<TestLeaf> {
  const keys = (await webcrypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as { publicKey: CryptoKey; privateKey: CryptoKey };
  const certificate = await issueCertificate({
    subjectDN: `CN=${cn}, O=${pki.name}`,
    publicKey: keys.publicKey,
    issuer: { certificate: pki.intermediate.certificate, privateKey: pki.intermediate.privateKey },
    extendedKeyUsage: ['clientAuth'],
    ...(notBefore && { notBefore }),
  });
  const chain = [certificate, pki.intermediate.certificate];
  return {
    certificate,
    privateKey: keys.privateKey,
    keyPem: await exportPrivateKeyPem(keys.privateKey),
    certPem: certificate.pem,
    chain,
    chainPem: toPemBundle(chain),
  };
}
