import { Module } from '@nestjs/common';
import { ClockModule } from '../clock/clock';
import { InventoryModule } from '../inventory/inventory.module';
import { AlertMetrics } from '../metrics/alert-metrics';
import { AlertScanner } from './alert-scanner';
import { AlertStateStore } from './alert-state.store';
import { AlertsStream } from './alerts-stream';

@Module({
  imports: [ClockModule, InventoryModule],
  providers: [AlertStateStore, AlertsStream, AlertMetrics, AlertScanner],
  exports: [AlertStateStore, AlertScanner],
})
export class RaisingModule {}
