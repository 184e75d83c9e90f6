import type { DownloadFile } from '@certgate/contracts';
import { chainToPkcs7Der, parseCertificates } from '@certgate/x509';

export type CertificateFormat = 'pem' | 'der';

/**
 * An entry's certificate or chain as the file an operator downloads. PEM stays text;
 * DER is one `.cer` for a certificate and a certs-only PKCS#7 `.p7b` for a chain,
 * since a DER `.cer` cannot hold more than one certificate.
 */
export function certificateFile(alias: string, part: 'certificate' | 'chain', pem: string, format: CertificateFormat): DownloadFile {
  if (format === 'pem') return { contentType: 'application/x-pem-file', contentBase64: Buffer.from(pem, 'utf8').toString('base64') };
  const certificates = parseCertificates(pem);
  if (part === 'certificate') {
    return { contentType: 'application/pkix-cert', fileName: `${alias}.cer`, contentBase64: Buffer.from(certificates[0].der).toString('base64') };
  }
  return {
    contentType: 'application/pkcs7-mime',
    fileName: `${alias}-chain.p7b`,
    contentBase64: Buffer.from(chainToPkcs7Der(certificates)).toString('base64'),
  };
}
