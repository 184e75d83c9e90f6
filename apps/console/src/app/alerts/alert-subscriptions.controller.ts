import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { alertSubscriptionBodySchema, AlertsRpc, type AlertSubscriptionBody, type AlertSubscriptionView } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

@AdminApi('alerts')
@UseGuards(AdminTokenGuard)
@Controller('alert-subscriptions')
export class AlertSubscriptionsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('Webhook subscriptions to expiry alerts (never their secrets)')
  @ApiResponseFrom(AlertsRpc.listSubscriptions.response.shape.subscriptions)
  async list(): Promise<AlertSubscriptionView[]> {
    return (await this.rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions;
  }

  @Post()
  @Summary(
    'Subscribe a webhook: each alert raised from now on is POSTed as JSON with X-Certgate-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>, in order, retried with backoff until the receiver answers 2xx',
  )
  @ApiBodyFrom(alertSubscriptionBodySchema)
  @ApiResponseFrom(AlertsRpc.createSubscription.response, 'Created; the secret is not shown again')
  create(@Body(new ZodBody(alertSubscriptionBodySchema)) body: AlertSubscriptionBody): Promise<AlertSubscriptionView> {
    return this.rpc.request(AlertsRpc.createSubscription, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Summary('Delete a webhook subscription and its JetStream consumer')
  async remove(@Param('id') id: string): Promise<void> {
    await this.rpc.request(AlertsRpc.deleteSubscription, { id });
  }
}
