import { createHash } from 'node:crypto';
import type { CertificateSource } from '@certgate/contracts';

/**
 * The identity of one alert: certificate (source, ref, fingerprint) × threshold. It is the
 * JetStream message id (replicas racing publish it once) and the key of its `raised`
 * marker (nothing is raised twice after a restart). A renewed certificate keeps source
 * and ref but not the fingerprint, so its thresholds start over.
 */
export function alertId(source: CertificateSource, ref: string, fingerprint: string, threshold: number): string {
  return createHash('sha256').update(`${source}|${ref}|${fingerprint}|${threshold}`).digest('hex');
}
