import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { alertSubscriptionBodySchema, AlertsRpc, ErrorCode, type AlertSubscriptionBody, type AlertSubscriptionView } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

@AdminApi('alerts')
@UseGuards(AdminTokenGuard)
@Controller('alert-subscriptions')
export class AlertSubscriptionsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('alerts:read')
  @Get()
  @Summary('Webhook subscriptions to expiry alerts (never their secrets)')
  @ApiJsonResponse(200, AlertsRpc.listSubscriptions.response.shape.subscriptions, { description: 'the subscriptions', example: [ex.subscription] })
  async list(): Promise<AlertSubscriptionView[]> {
    return (await this.rpc.request(AlertsRpc.listSubscriptions, {})).subscriptions;
  }

  @Requires('alerts:write')
  @Post()
  @Summary(
    'Subscribe a webhook: each alert raised from now on is POSTed as JSON with X-Certgate-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>, in order, retried with backoff until the receiver answers 2xx',
  )
  @ApiBodyFrom(alertSubscriptionBodySchema, {
    all: { summary: 'every alert', value: { url: 'https://ops.example/hooks/certgate', secret: 'a-long-shared-secret-value' } },
    some: {
      summary: 'keystore and service-key alerts at 30 and 7 days',
      value: { url: 'https://ops.example/hooks/certgate', secret: 'a-long-shared-secret-value', sources: ['keystore', 'service-key'], thresholds: [30, 7] },
    },
  })
  @ApiJsonResponse(201, AlertsRpc.createSubscription.response, { description: 'the subscription; the secret is not shown again', example: ex.subscription })
  @ApiErrors(ErrorCode.concurrentChange)
  create(@Body(new ZodBody(alertSubscriptionBodySchema)) body: AlertSubscriptionBody): Promise<AlertSubscriptionView> {
    return this.rpc.request(AlertsRpc.createSubscription, body);
  }

  @Requires('alerts:write')
  @Delete(':id')
  @HttpCode(204)
  @Summary('Delete a webhook subscription and its JetStream consumer')
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.subscriptionNotFound)
  async remove(@Param('id') id: string): Promise<void> {
    await this.rpc.request(AlertsRpc.deleteSubscription, { id });
  }
}
