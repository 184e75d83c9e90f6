import type { CertificateSource, InventoryCertificate } from '@certgate/contracts';
import { expiryAt } from '../thresholds';
import type { TrackedCertificate } from './tracked-certificate';

export interface InventoryQuery {
  source?: CertificateSource;
  status?: InventoryCertificate['status'];
  sort: 'expiry' | '-expiry';
}

/** The inventory as the API shows it at `nowMs`: filtered, sorted by expiry (then source and ref, so the order is stable). */
export function inventoryView(
  certificates: Iterable<TrackedCertificate>,
  nowMs: number,
  thresholds: readonly number[],
  isMuted: (source: CertificateSource) => boolean,
  query: InventoryQuery,
): InventoryCertificate[] {
  const out: (InventoryCertificate & { notAfterMs: number })[] = [];
  for (const c of certificates) {
    if (query.source && c.source !== query.source) continue;
    const { status, daysLeft } = expiryAt(c.notAfterMs, nowMs, thresholds);
    if (query.status && status !== query.status) continue;
    const { notAfterMs, ...fields } = c;
    out.push({ ...fields, status, daysLeft, muted: isMuted(c.source), notAfterMs });
  }
  const direction = query.sort === '-expiry' ? -1 : 1;
  out.sort((a, b) => direction * (a.notAfterMs - b.notAfterMs) || a.source.localeCompare(b.source) || a.ref.localeCompare(b.ref));
  return out.map(({ notAfterMs: _notAfterMs, ...view }) => view);
}
