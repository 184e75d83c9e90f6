import { createSecureContext } from 'node:tls';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import {
  decryptPrivateKey,
  encryptPrivateKeyPem,
  exportPrivateKeyPem,
  isX509Error,
  keyMatchesCertificate,
  parseCertificates,
  toPemBundle,
  type Certificate,
} from '@certgate/x509';

export interface ServerChainUpload {
  certificates: string;
  privateKey: string;
  passphrase?: string;
}

/**
 * A server key and chain an operator uploads, checked before any replica sees it: the
 * certificate first, valid now, an end-entity certificate whose key is the uploaded one,
 * and the pair accepted by Node's TLS. The key is re-encrypted under the master key for
 * the KV; the plain key never leaves this function.
 */
export async function sealServerChain(
  upload: ServerChainUpload,
  masterKey: string | undefined,
  now = new Date(),
): Promise<{ chain: Certificate[]; encryptedKeyPem: string }> {
  if (!masterKey) {
    throw new CertgateError(
      ErrorCode.serviceUnavailable,
      'this ingress has no CERTGATE_MASTER_KEY, so it cannot keep a server key encrypted in the KV; set it (the same on every ingress replica)',
    );
  }
  let chain: Certificate[];
  try {
    chain = parseCertificates(upload.certificates);
  } catch (err) {
    throw new CertgateError(ErrorCode.certificateInvalid, `certificates: ${isX509Error(err) ? err.message : 'not PEM certificates'}`, {
      field: 'certificates',
    });
  }
  const [leaf] = chain;
  if (!leaf.isValidAt(now)) {
    const code = leaf.notAfter.getTime() < now.getTime() ? ErrorCode.certificateExpired : ErrorCode.certificateNotYetValid;
    throw new CertgateError(
      code,
      `certificates: '${leaf.subjectDN}' is valid from ${leaf.notBefore.toISOString()} to ${leaf.notAfter.toISOString()}, not now`,
      {
        field: 'certificates',
      },
    );
  }
  if (leaf.isCA) {
    throw new CertgateError(ErrorCode.leafIsCa, `certificates: '${leaf.subjectDN}' is a CA certificate; the server certificate comes first, then its issuers`, {
      field: 'certificates',
    });
  }
  let plainKeyPem: string;
  try {
    const key = await decryptPrivateKey(upload.privateKey, upload.passphrase);
    if (!(await keyMatchesCertificate(key, leaf))) {
      throw new CertgateError(ErrorCode.keyMismatch, `privateKey: the key is not the key of '${leaf.subjectDN}'`, { field: 'privateKey' });
    }
    plainKeyPem = await exportPrivateKeyPem(key);
  } catch (err) {
    if (isX509Error(err)) throw new CertgateError(ErrorCode.validationFailed, `privateKey: ${err.message}`, { field: 'privateKey' });
    throw err;
  }
  const encryptedKeyPem = encryptPrivateKeyPem(plainKeyPem, masterKey);
  try {
    createSecureContext({ key: encryptedKeyPem, passphrase: masterKey, cert: toPemBundle(chain) });
  } catch (err) {
    throw new CertgateError(ErrorCode.validationFailed, `the TLS layer refuses this key and chain: ${(err as Error).message}`, { field: 'certificates' });
  }
  return { chain, encryptedKeyPem };
}
