import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { BucketName } from '@certgate/contracts';
import { KvBucket } from '../core/kv/kv-bucket';
import type { KvProjection, KvProjectionOptions } from '../core/kv/kv-projection';
import { HealthResponder } from './health.responder';
import { nestMessagingLogger } from './nest-logger.adapter';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './tokens';

export interface ProjectOptions<T> extends KvProjectionOptions<T> {
  /** Name of the projection's check in the service's health (`cache.flows`); omitted: not reported. */
  health?: string;
}

/**
 * The service's tenant buckets, one shared handle each, and the projections it keeps of
 * them: each projection reports in the service's health and stops with the app.
 */
@Injectable()
export class KvBuckets implements OnModuleDestroy {
  private readonly buckets = new Map<BucketName, KvBucket>();
  private readonly projections: KvProjection<unknown>[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly health: HealthResponder,
  ) {}

  bucket(name: BucketName): KvBucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = new KvBucket(this.nc, this.options.tenant, name, nestMessagingLogger(`kv.${name}`));
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  /** Loads the keys of `opts.key` and keeps them current; resolves once loaded. */
  async project<T>(name: BucketName, { health, ...opts }: ProjectOptions<T>): Promise<KvProjection<T>> {
    const projection = await this.bucket(name).project(opts);
    this.projections.push(projection as KvProjection<unknown>);
    if (health) this.health.register(health, () => projection.health());
    return projection;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.projections.splice(0).map((p) => p.stop()));
  }
}
