import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { AlertsRpc, certificateAlertSchema, type CertificateAlert, type InventoryCertificate } from '@certgate/contracts';
import { NATS_CONNECTION, readStreamTail } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { CLOCK, type Clock } from './clock/clock';
import { CertificateInventory } from './inventory/certificate-inventory';
import { inventoryView, type InventoryQuery } from './inventory/inventory-view';
import { AlertScanner, type ScanResult } from './raising/alert-scanner';
import { AlertMutes } from './raising/alert-mutes';

@Controller()
export class AlertsHandler {
  constructor(
    private readonly inventory: CertificateInventory,
    private readonly mutes: AlertMutes,
    private readonly scanner: AlertScanner,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(AlertsRpc.inventory)
  list(query: InventoryQuery): { certificates: InventoryCertificate[] } {
    return { certificates: inventoryView(this.inventory.certificates(), this.clock(), this.env.CERTGATE_ALERT_DAYS, (s) => this.mutes.isMuted(s), query) };
  }

  /** Asks the ingress again too: its certificates are not watched. */
  @MessagePattern(AlertsRpc.scan)
  scan(): Promise<ScanResult> {
    return this.scanner.scanNow({ refreshIngress: true });
  }

  @MessagePattern(AlertsRpc.list)
  async alerts(body: { limit: number }): Promise<{ alerts: CertificateAlert[] }> {
    const isAlert = (record: unknown) => certificateAlertSchema.safeParse(record).success;
    return { alerts: await readStreamTail<CertificateAlert>(this.nc, this.env.CERTGATE_TENANT, 'ALERTS', body.limit, isAlert) };
  }
}
