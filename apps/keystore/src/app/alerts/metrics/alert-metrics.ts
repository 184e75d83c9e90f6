import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { CertificateAlert } from '@certgate/contracts';
import { OpsServer } from '@certgate/platform';
import { CLOCK, type Clock } from '../clock/clock';
import { CertificateInventory } from '../inventory/certificate-inventory';

const CERTIFICATE_LABELS = ['source', 'ref', 'subject_cn', 'issuer_cn'] as const;

/**
 * The monitor's series on the keystore's /metrics. The certificate gauges are filled
 * from the inventory when scraped (so they never lag it and need no bookkeeping);
 * `expires_in` is counted from the injected clock.
 */
@Injectable()
export class AlertMetrics {
  private readonly raised: Counter<'type' | 'threshold'>;

  constructor(ops: OpsServer, inventory: CertificateInventory, @Inject(CLOCK) clock: Clock) {
    const registers = [ops.registry];
    const fill = (gauge: Gauge<(typeof CERTIFICATE_LABELS)[number]>, value: (notAfterMs: number) => number) => {
      gauge.reset();
      for (const c of inventory.certificates()) {
        gauge.labels(c.source, c.ref, c.subjectCN ?? '', c.issuerCN ?? '').set(value(c.notAfterMs));
      }
    };
    new Gauge({
      name: 'certgate_certificate_not_after_seconds',
      help: 'notAfter of each certificate certgate relies on, as a Unix time',
      labelNames: CERTIFICATE_LABELS,
      registers,
      collect() {
        fill(this, (notAfterMs) => notAfterMs / 1000);
      },
    });
    new Gauge({
      name: 'certgate_certificate_expires_in_seconds',
      help: 'Seconds until each certificate certgate relies on expires (negative once expired)',
      labelNames: CERTIFICATE_LABELS,
      registers,
      collect() {
        const now = clock();
        fill(this, (notAfterMs) => (notAfterMs - now) / 1000);
      },
    });
    this.raised = new Counter({
      name: 'certgate_alerts_raised_total',
      help: 'Certificate alerts this replica stored in stream ALERTS (a re-publish the stream dropped is not counted)',
      labelNames: ['type', 'threshold'],
      registers,
    });
  }

  alertRaised(alert: CertificateAlert): void {
    this.raised.labels(alert.type, String(alert.threshold)).inc();
  }
}
