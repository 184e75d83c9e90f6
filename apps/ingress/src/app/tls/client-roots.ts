import { Logger } from '@nestjs/common';
import { isValidAnchor, parseCertificates, type Certificate, type KeyPolicy } from '@certgate/x509';
import { readPemSetting } from './pem-source';

/**
 * Trusted client roots from INGRESS_CLIENT_ROOTS. Only self-signed CA certificates
 * count: an intermediate or leaf in the bundle is skipped with a warning naming it,
 * because trusting it would let a sender skip the rest of its chain.
 */
export async function loadClientRoots(setting: string | undefined, keyPolicy: KeyPolicy, logger = new Logger('client-roots')): Promise<Certificate[]> {
  if (!setting) return [];
  const roots: Certificate[] = [];
  for (const cert of parseCertificates(readPemSetting('INGRESS_CLIENT_ROOTS', setting))) {
    const verdict = await isValidAnchor(cert, { keyPolicy });
    if (verdict.ok) roots.push(cert);
    else if (verdict.reason === 'profile_violation') {
      // As configured before the stricter certificate policy: kept, so an upgrade does not lock senders out.
      roots.push(cert);
      logger.error({
        msg: 'a root of INGRESS_CLIENT_ROOTS breaks the certificate profile; still trusted, replace it',
        subjectDN: cert.subjectDN,
        detail: verdict.message,
      });
    } else logger.warn({ msg: 'skipped a certificate of INGRESS_CLIENT_ROOTS', subjectDN: cert.subjectDN, reason: verdict.reason, detail: verdict.message });
  }
  return roots;
}
