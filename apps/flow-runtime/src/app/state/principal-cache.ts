import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import { PrincipalDirectory, type ClientEntry, type Principal } from '@certgate/authz';
import { Buckets } from '@certgate/contracts';
import { HealthResponder, KvCache, MESSAGING_OPTIONS, NATS_CONNECTION, ensureKv, type MessagingOptions, nestMessagingLogger } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import type { PrincipalLookup } from '../invoke/credential';

/**
 * This replica's copy of who is who: the identity bucket, watched, feeding the
 * principal directory one change at a time. Loaded before any request is served.
 * With `CERTGATE_MODE=classic` certificates resolve through the certificate-to-user
 * mappings, users and groups of the same bucket.
 */
@Injectable()
export class PrincipalCache implements PrincipalLookup, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('principal-cache');
  private readonly directory: PrincipalDirectory;
  private cache?: KvCache<unknown>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly health: HealthResponder,
    @Inject(SERVICE_ENV) env: FlowRuntimeEnv,
  ) {
    this.directory = new PrincipalDirectory({ mode: env.CERTGATE_MODE });
  }

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.options.tenant, Buckets.identity);
    // Values are validated per key prefix by the directory, so the cache takes them as they are.
    this.cache = await KvCache.start(kv, { schema: z.unknown(), logger: nestMessagingLogger('identity-cache'), onChange: (key, value) => this.apply(key, value) });
    // Changes seen while loading may have been applied already; applying one twice is harmless.
    for (const [key, value] of this.cache.entries()) this.apply(key, value);
    this.health.register('cache.identity', () => {
      const { instances, keys } = this.directory.size;
      const classic = this.directory.classicSize;
      const mapped = classic ? `; classic mode: ${classic.mappings} mappings, ${classic.users} users, ${classic.groups} groups` : '';
      return { status: 'up', message: `${instances} instances, ${keys} keys${mapped}` };
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.cache?.revision ?? 0;
  }

  byFingerprint(fingerprint: string): Principal | undefined {
    return this.directory.byFingerprint(fingerprint);
  }

  byClientId(clientid: string): ClientEntry | undefined {
    return this.directory.byClientId(clientid);
  }

  private apply(key: string, value: unknown): void {
    if (this.directory.apply(key, value) === 'invalid') {
      this.logger.warn({ msg: 'identity value does not match its contract; treated as absent', key });
    }
  }
}
