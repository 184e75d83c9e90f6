import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AlertsRpc, type AlertSubscriptionBody, type AlertSubscriptionView } from '@certgate/contracts';
import { AlertSubscriptionsService } from './alert-subscriptions.service';

@Controller()
export class AlertSubscriptionsHandler {
  constructor(private readonly subscriptions: AlertSubscriptionsService) {}

  @MessagePattern(AlertsRpc.listSubscriptions)
  async list(): Promise<{ subscriptions: AlertSubscriptionView[] }> {
    return { subscriptions: await this.subscriptions.list() };
  }

  @MessagePattern(AlertsRpc.createSubscription)
  create(body: AlertSubscriptionBody): Promise<AlertSubscriptionView> {
    return this.subscriptions.create(body);
  }

  @MessagePattern(AlertsRpc.deleteSubscription)
  delete(body: { id: string }): Promise<void> {
    return this.subscriptions.delete(body.id);
  }
}
