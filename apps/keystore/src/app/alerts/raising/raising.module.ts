import { Module } from '@nestjs/common';
import { StoreModule } from '../../store/store.module';
import { ClockModule } from '../clock/clock';
import { InventoryModule } from '../inventory/inventory.module';
import { AlertMetrics } from '../metrics/alert-metrics';
import { AlertMutes } from './alert-mutes';
import { AlertScanner } from './alert-scanner';
import { AlertsStream } from './alerts-stream';
import { RaisedMarkers } from './raised-markers';

@Module({
  imports: [ClockModule, InventoryModule, StoreModule],
  providers: [RaisedMarkers, AlertMutes, AlertsStream, AlertMetrics, AlertScanner],
  exports: [AlertMutes, AlertScanner, AlertsStream],
})
export class RaisingModule {}
