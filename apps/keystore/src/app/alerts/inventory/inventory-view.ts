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
  const rows: { notAfterMs: number; view: InventoryCertificate }[] = [];
  for (const c of certificates) {
    if (query.source && c.source !== query.source) continue;
    const { status, daysLeft } = expiryAt(c.notAfterMs, nowMs, thresholds);
    if (query.status && status !== query.status) continue;
    // Fields listed, not spread: this runs over the whole inventory, and spreads were the slower part.
    const view: InventoryCertificate = {
      source: c.source,
      ref: c.ref,
      subjectDN: c.subjectDN,
      issuerDN: c.issuerDN,
      serial: c.serial,
      fingerprint: c.fingerprint,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      status,
      daysLeft,
      muted: isMuted(c.source),
    };
    if (c.subjectCN !== undefined) view.subjectCN = c.subjectCN;
    if (c.issuerCN !== undefined) view.issuerCN = c.issuerCN;
    rows.push({ notAfterMs: c.notAfterMs, view });
  }
  const direction = query.sort === '-expiry' ? -1 : 1;
  rows.sort((a, b) => direction * (a.notAfterMs - b.notAfterMs) || compare(a.view.source, b.view.source) || compare(a.view.ref, b.view.ref));
  return rows.map((r) => r.view);
}

/** Code-point order: stable across locales, and much cheaper than localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
