import { z } from 'zod';
import { certificateSourceSchema, type CertificateAlert, type CertificateSource } from '@certgate/contracts';
import { alertId } from '../alert-id';
import type { TrackedCertificate } from '../inventory/tracked-certificate';
import { AlertReason, beforeEveryThreshold, decideAlert, EXPIRED_THRESHOLD, expiryAt } from '../thresholds';

/** Value of `raised.<id>` in the alert-state bucket. */
export const raisedMarkerSchema = z.object({
  source: certificateSourceSchema,
  ref: z.string(),
  fingerprint: z.string(),
  threshold: z.number(),
  notAfter: z.string(),
  /** Whether this threshold got its own event or was passed over for a tighter one. */
  event: z.boolean(),
  at: z.string(),
});
export type RaisedMarker = z.infer<typeof raisedMarkerSchema>;

export interface AlertStateView {
  isRaised(id: string): boolean;
  isMuted(source: CertificateSource): boolean;
}

export interface AlertEffects {
  /** True when the alert was stored, false when the stream already held its id. */
  publish(alert: CertificateAlert): Promise<boolean>;
  markRaised(id: string, marker: RaisedMarker): Promise<void>;
}

export interface ScanInput {
  nowMs: number;
  /** Days, largest first. */
  thresholds: readonly number[];
  state: AlertStateView;
  effects: AlertEffects;
  /** Alerts published at once (each one publish, then its markers). */
  concurrency?: number;
}

export interface ScanOutcome {
  certificates: number;
  /** Alerts this scan stored in the stream. */
  raised: CertificateAlert[];
  /** Alerts another replica (or an earlier run) had stored already. */
  duplicates: number;
}

/**
 * Alert ids of a certificate by threshold. Inventory entries are immutable and replaced
 * when their value changes, so a certificate inside its thresholds is hashed once, not
 * on every scan.
 */
const idsOf = new WeakMap<TrackedCertificate, Map<number, string>>();

function memoizedAlertId(c: TrackedCertificate, threshold: number): string {
  let ids = idsOf.get(c);
  if (!ids) idsOf.set(c, (ids = new Map()));
  let id = ids.get(threshold);
  if (id === undefined) ids.set(threshold, (id = alertId(c.source, c.ref, c.fingerprint, threshold)));
  return id;
}

interface Due {
  alert: CertificateAlert;
  markers: { id: string; marker: RaisedMarker }[];
}

/**
 * One pass over the inventory: decides per certificate (pure, from memory), then raises
 * what is due. Each alert is published before its markers are written, so a replica
 * stopping in between leaves a marker missing, never an alert: the next scan publishes
 * it again under the same id and the stream drops it.
 */
export async function scanCertificates(certificates: Iterable<TrackedCertificate>, input: ScanInput): Promise<ScanOutcome> {
  const at = new Date(input.nowMs).toISOString();
  const due: Due[] = [];
  let count = 0;
  for (const c of certificates) {
    count++;
    // Most certificates are far from every threshold: no allocation, no hash for them.
    if (beforeEveryThreshold(c.notAfterMs, input.nowMs, input.thresholds)) continue;
    const idOf = (threshold: number) => memoizedAlertId(c, threshold);
    const decision = decideAlert({
      notAfterMs: c.notAfterMs,
      nowMs: input.nowMs,
      thresholds: input.thresholds,
      muted: input.state.isMuted(c.source),
      isRaised: (t) => input.state.isRaised(idOf(t)),
    });
    if (decision.reason !== AlertReason.due) continue;
    const { threshold } = decision;
    due.push({
      alert: {
        id: idOf(threshold),
        type: threshold === EXPIRED_THRESHOLD ? 'expired' : 'expiring',
        source: c.source,
        ref: c.ref,
        subjectDN: c.subjectDN,
        issuerDN: c.issuerDN,
        serial: c.serial,
        fingerprint: c.fingerprint,
        notAfter: c.notAfter,
        daysLeft: expiryAt(c.notAfterMs, input.nowMs, input.thresholds).daysLeft,
        threshold,
        raisedAt: at,
      },
      markers: decision.markRaised.map((t) => ({
        id: idOf(t),
        marker: { source: c.source, ref: c.ref, fingerprint: c.fingerprint, threshold: t, notAfter: c.notAfter, event: t === threshold, at },
      })),
    });
  }

  const raised: CertificateAlert[] = [];
  let duplicates = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const { alert, markers } = due[next++];
      if (await input.effects.publish(alert)) raised.push(alert);
      else duplicates++;
      for (const m of markers) await input.effects.markRaised(m.id, m.marker);
    }
  };
  await Promise.all(Array.from({ length: Math.min(input.concurrency ?? 32, due.length) }, worker));
  return { certificates: count, raised, duplicates };
}
