import { Module } from '@nestjs/common';
import { AlertsHandler } from './alerts.handler';
import { ClockModule } from './clock/clock';
import { InventoryModule } from './inventory/inventory.module';
import { MutesModule } from './mutes/mutes.module';
import { RaisingModule } from './raising/raising.module';

/**
 * The certificate expiry monitor (design §5): the inventory of every certificate
 * certgate relies on, alerts raised once per certificate and threshold across replicas
 * and restarts, mutes per source, and the certificate gauges on /metrics.
 */
@Module({
  imports: [ClockModule, InventoryModule, RaisingModule, MutesModule],
  controllers: [AlertsHandler],
})
export class AlertsModule {}
