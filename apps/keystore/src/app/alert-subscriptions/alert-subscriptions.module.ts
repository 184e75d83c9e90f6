import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { StoreModule } from '../store/store.module';
import { AlertSubscriptionsHandler } from './alert-subscriptions.handler';
import { AlertSubscriptionsService } from './alert-subscriptions.service';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliverySupervisor } from './delivery-supervisor';
import { systemResolver, WEBHOOK_RESOLVER, WebhookAllowList, WebhookDestinations, type WebhookResolver } from './webhook-destination';

/** Webhook subscriptions to expiry alerts: managed over NATS, delivered from durable JetStream consumers. */
@Module({
  imports: [StoreModule],
  providers: [
    AlertSubscriptionsService,
    DeliveryMetrics,
    DeliverySupervisor,
    { provide: WEBHOOK_RESOLVER, useValue: systemResolver },
    {
      provide: WebhookDestinations,
      inject: [SERVICE_ENV, WEBHOOK_RESOLVER],
      useFactory: (env: KeystoreEnv, resolve: WebhookResolver) =>
        new WebhookDestinations(WebhookAllowList.parse(env.CERTGATE_ALERT_WEBHOOK_ALLOW), resolve, env.CERTGATE_ALERT_WEBHOOK_TIMEOUT_MS),
    },
  ],
  controllers: [AlertSubscriptionsHandler],
})
export class AlertSubscriptionsModule {}
