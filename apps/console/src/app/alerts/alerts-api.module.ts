import { Module } from '@nestjs/common';
import { AlertSubscriptionsController } from './alert-subscriptions.controller';
import { AlertWatchController } from './alert-watch.controller';
import { AlertWatchService } from './alert-watch.service';
import { AlertsController } from './alerts.controller';
import { CertificatesController } from './certificates.controller';

/** Expiry alerts over REST: inventory, alerts, scans, mutes, webhook subscriptions, and a live stream for `certgate alerts watch`. */
@Module({
  controllers: [AlertWatchController, AlertsController, CertificatesController, AlertSubscriptionsController],
  providers: [AlertWatchService],
})
export class AlertsApiModule {}
