import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NatsConnection, Subscription } from 'nats';
import { queueGroup } from '@certgate/contracts';
import { serveRpc } from '../core/rpc-server';
import { nestMessagingLogger } from './nest-logger.adapter';
import { RPC_HANDLER, type RpcHandlerMetadata } from './rpc-handler.decorator';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './tokens';

/**
 * Subscribes every `@RpcHandler` method once the app has started, in the service's
 * queue group (or per replica), and drains those subscriptions first on shutdown so
 * in-flight requests are answered before the connection closes.
 */
@Injectable()
export class RpcHandlerExplorer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RpcHandlerExplorer.name);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const log = nestMessagingLogger('rpc');
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const meta = this.reflector.get<RpcHandlerMetadata | undefined>(RPC_HANDLER, proto[method]);
        if (!meta) continue;
        const handler = (proto[method] as (...args: unknown[]) => unknown).bind(instance);
        const sub = serveRpc(this.nc, meta.contract, handler as never, {
          tenant: this.options.tenant,
          queue: meta.perReplica ? undefined : queueGroup(this.options.service),
          logger: log,
        });
        this.subscriptions.push(sub);
        this.logger.log({ msg: 'serving', subject: sub.getSubject(), queue: meta.perReplica ? null : queueGroup(this.options.service) });
      }
    }
    // A started service answers at once: its subscriptions are known to the server before init resolves.
    await this.nc.flush();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.drain()));
  }
}
