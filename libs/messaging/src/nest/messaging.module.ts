import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { ServiceName } from '@certgate/contracts';
import { connectNats } from '../core/connect';
import { PublishQueue } from '../core/publish-queue';
import { healthController, HealthResponder } from './health.responder';
import { KvBuckets } from './kv-buckets';
import { nestMessagingLogger } from './nest-logger.adapter';
import { CertgateClient } from './transport/certgate-client';
import { CertgateServer } from './transport/certgate-server';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './tokens';

class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.nc.isClosed()) return;
    // What is still queued for this turn goes out before the connection drains.
    PublishQueue.of(this.nc).flush();
    await this.nc.drain();
  }
}

export interface MessagingModuleAsyncOptions {
  service: ServiceName;
  imports?: DynamicModule['imports'];
  inject?: unknown[];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

/**
 * One service's NATS: the connection, the certgate transport (server and client, see
 * transport/), its tenant buckets and projections, and health over NATS.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(opts: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: opts.imports ?? [],
      controllers: [healthController(opts.service)],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: opts.useFactory, inject: (opts.inject ?? []) as never[] },
        {
          provide: NATS_CONNECTION,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) =>
            connectNats({
              servers: o.natsUrl,
              name: `${o.service}@${o.nodeId}`,
              user: o.natsUser,
              pass: o.natsPass,
              jetStreamReplicas: o.natsReplicas,
              logger: nestMessagingLogger('nats'),
            }),
        },
        CertgateServer,
        CertgateClient,
        KvBuckets,
        NatsConnectionCloser,
        HealthResponder,
      ],
      exports: [NATS_CONNECTION, MESSAGING_OPTIONS, CertgateServer, CertgateClient, KvBuckets, HealthResponder],
    };
  }
}
