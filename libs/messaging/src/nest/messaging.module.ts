import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import type { ServiceName } from '@certgate/contracts';
import { connectNats } from '../core/connect';
import { PublishQueue } from '../core/publish-queue';
import { RpcClient } from '../core/rpc-client';
import { HealthResponder, serviceHealthHandler } from './health.responder';
import { nestMessagingLogger } from './nest-logger.adapter';
import { RpcHandlerExplorer } from './rpc-handler.explorer';
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

/** NATS connection, RPC client, `@RpcHandler` wiring and health for one service. */
@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(opts: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule, ...(opts.imports ?? [])],
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
        { provide: RpcClient, inject: [NATS_CONNECTION, MESSAGING_OPTIONS], useFactory: (nc: NatsConnection, o: MessagingOptions) => new RpcClient(nc, o.tenant) },
        NatsConnectionCloser,
        RpcHandlerExplorer,
        HealthResponder,
        serviceHealthHandler(opts.service),
      ],
      exports: [NATS_CONNECTION, MESSAGING_OPTIONS, RpcClient, HealthResponder],
    };
  }
}
