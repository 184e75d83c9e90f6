import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { OpsServer } from '@certgate/platform';

export type DeliveryResult = 'ok' | 'retry' | 'failed';
const RESULTS: readonly DeliveryResult[] = ['ok', 'retry', 'failed'];

/**
 * `certgate_alert_webhook_deliveries_total{result}`: `ok` an alert the receiver took
 * (2xx), `retry` an attempt that failed and is scheduled again, `failed` an event that
 * can never be delivered (not a valid alert) and was dropped.
 */
@Injectable()
export class DeliveryMetrics {
  private readonly byResult: Map<DeliveryResult, Counter.Internal>;

  constructor(ops: OpsServer) {
    const deliveries = new Counter({
      name: 'certgate_alert_webhook_deliveries_total',
      help: 'Webhook delivery attempts of expiry alerts, by result (ok, retry, failed)',
      labelNames: ['result'],
      registers: [ops.registry],
    });
    // Bound up front, so every series is exported (as 0) before the first delivery.
    this.byResult = new Map(RESULTS.map((r) => [r, deliveries.labels(r)]));
  }

  count(result: DeliveryResult): void {
    this.byResult.get(result)?.inc();
  }
}
