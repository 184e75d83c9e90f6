import type { KV, NatsConnection } from 'nats';
import type { z } from 'zod';
import type { BucketName } from '@certgate/contracts';
import { ensureKv, type KvOptions } from '../jetstream';
import { type MessagingLogger, silentLogger } from '../logger';
import { KvProjection, type KvProjectionOptions } from './kv-projection';
import { KvRepository } from './kv-repository';

/**
 * One tenant bucket, opened on first use. A failed open (NATS still electing a leader,
 * a restart) is forgotten, so the next call opens it again instead of failing forever.
 * Repositories and projections of the bucket share the one handle.
 */
export class KvBucket {
  private kv?: Promise<KV>;

  constructor(
    readonly nc: NatsConnection,
    readonly tenant: string,
    readonly name: BucketName,
    readonly logger: MessagingLogger = silentLogger,
    private readonly options: KvOptions = {},
  ) {}

  open(): Promise<KV> {
    this.kv ??= ensureKv(this.nc, this.tenant, this.name, this.options).catch((err: unknown) => {
      this.kv = undefined;
      throw err;
    });
    return this.kv;
  }

  /** Typed reads and writes of one kind of value; `what` names it in logs and conflict messages. */
  repository<T>(schema: z.ZodType<T>, what: string): KvRepository<T> {
    return new KvRepository(this, schema, what);
  }

  /** An in-memory view of the keys under `opts.key`, loaded once it resolves and kept current by a watch. */
  async project<T>(opts: KvProjectionOptions<T>): Promise<KvProjection<T>> {
    return KvProjection.start(await this.open(), { logger: this.logger, nc: this.nc, ...opts });
  }
}
