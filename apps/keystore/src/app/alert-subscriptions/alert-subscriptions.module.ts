import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { AlertSubscriptionsHandler } from './alert-subscriptions.handler';
import { AlertSubscriptionsService } from './alert-subscriptions.service';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliverySupervisor } from './delivery-supervisor';

/** Webhook subscriptions to expiry alerts: managed over NATS, delivered from durable JetStream consumers. */
@Module({
  imports: [StoreModule],
  providers: [AlertSubscriptionsService, DeliveryMetrics, DeliverySupervisor],
  controllers: [AlertSubscriptionsHandler],
})
export class AlertSubscriptionsModule {}
