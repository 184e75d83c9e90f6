import { Injectable } from '@nestjs/common';
import { AlertsRpc, type AlertSubscriptionBody, type AlertSubscriptionView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { AlertSubscriptionsService } from './alert-subscriptions.service';

@Injectable()
export class AlertSubscriptionsHandler {
  constructor(private readonly subscriptions: AlertSubscriptionsService) {}

  @RpcHandler(AlertsRpc.listSubscriptions)
  async list(): Promise<{ subscriptions: AlertSubscriptionView[] }> {
    return { subscriptions: await this.subscriptions.list() };
  }

  @RpcHandler(AlertsRpc.createSubscription)
  create(body: AlertSubscriptionBody): Promise<AlertSubscriptionView> {
    return this.subscriptions.create(body);
  }

  @RpcHandler(AlertsRpc.deleteSubscription)
  delete(body: { id: string }): Promise<void> {
    return this.subscriptions.delete(body.id);
  }
}
