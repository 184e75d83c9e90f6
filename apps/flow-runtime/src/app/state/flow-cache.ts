import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Buckets, FlowsKv, deployedFlowSchema, type DeployedFlow } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import { buildFlowIndex, type ServedFlow } from './flow-index';

/** The deployed flows of this replica, by address, kept current by a watch of the flows bucket. */
@Injectable()
export class FlowCache implements OnModuleInit {
  private readonly logger = new Logger('flow-cache');
  private projection?: KvProjection<DeployedFlow>;
  private index = new Map<string, ServedFlow>();

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.flows, {
      key: `${FlowsKv.prefix}>`,
      schema: deployedFlowSchema,
      logger: nestMessagingLogger('flow-cache'),
      health: 'cache.flows',
      describe: () => `${this.index.size} flows`,
      onChange: () => this.rebuild(),
    });
    this.rebuild();
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.projection?.revision ?? 0;
  }

  byAddress(address: string): ServedFlow | undefined {
    return this.index.get(address);
  }

  /** Flows are few and change rarely: a rebuild per change keeps the index trivially consistent. */
  private rebuild(): void {
    if (!this.projection) return;
    this.index = buildFlowIndex(this.projection.values(), (c) =>
      this.logger.warn({ msg: 'two flows claim one address; the earlier deployment serves it', ...c }),
    );
  }
}
