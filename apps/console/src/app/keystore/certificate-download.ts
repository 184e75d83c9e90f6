import { StreamableFile } from '@nestjs/common';
import { chainToPkcs7Der, parseCertificates } from '@certgate/x509';

export type DownloadFormat = 'pem' | 'der';

/**
 * PEM stays text; DER is one `.cer` for a certificate and a certs-only PKCS#7 `.p7b`
 * for a chain, since a DER `.cer` cannot hold more than one certificate.
 */
export function certificateDownload(alias: string, part: 'certificate' | 'chain', pem: string, format: DownloadFormat): StreamableFile {
  if (format === 'pem') return new StreamableFile(Buffer.from(pem, 'utf8'), { type: 'application/x-pem-file' });
  const certificates = parseCertificates(pem);
  if (part === 'certificate') {
    return new StreamableFile(Buffer.from(certificates[0].der), { type: 'application/pkix-cert', disposition: `attachment; filename="${alias}.cer"` });
  }
  return new StreamableFile(Buffer.from(chainToPkcs7Der(certificates)), { type: 'application/pkcs7-mime', disposition: `attachment; filename="${alias}-chain.p7b"` });
}
