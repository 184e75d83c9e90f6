import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { Buckets, FlowsKv, deployedFlowSchema, type DeployedFlow } from '@certgate/contracts';
import { HealthResponder, KvCache, MESSAGING_OPTIONS, NATS_CONNECTION, ensureKv, type MessagingOptions, nestMessagingLogger } from '@certgate/messaging';
import { buildFlowIndex, type ServedFlow } from './flow-index';

/** The deployed flows of this replica, by address, kept current by a watch of the flows bucket. */
@Injectable()
export class FlowCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('flow-cache');
  private cache?: KvCache<DeployedFlow>;
  private index = new Map<string, ServedFlow>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly health: HealthResponder,
  ) {}

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.options.tenant, Buckets.flows);
    this.cache = await KvCache.start(kv, { key: `${FlowsKv.prefix}>`, schema: deployedFlowSchema, logger: nestMessagingLogger('flow-cache'), onChange: () => this.rebuild() });
    this.rebuild();
    this.health.register('cache.flows', () => ({ status: 'up', message: `${this.index.size} flows` }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.cache?.revision ?? 0;
  }

  byAddress(address: string): ServedFlow | undefined {
    return this.index.get(address);
  }

  /** Flows are few and change rarely: a rebuild per change keeps the index trivially consistent. */
  private rebuild(): void {
    if (!this.cache) return;
    this.index = buildFlowIndex(this.cache.values(), (c) => this.logger.warn({ msg: 'two flows claim one address; the earlier deployment serves it', ...c }));
  }
}
