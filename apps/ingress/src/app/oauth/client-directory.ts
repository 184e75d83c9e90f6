import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import { PrincipalDirectory, type ClientEntry, type Principal } from '@certgate/authz';
import { Buckets } from '@certgate/contracts';
import { ensureKv, HealthResponder, KvCache, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { IngressEnv } from '../ingress-env';
import type { ClientLookup } from './token-client';

/**
 * The OAuth clients (service keys and their instances), watched in the identity bucket
 * and resolved by the same directory the runtime uses, so the token endpoint asks no
 * service who a client is. Standard mode always: tokens are issued to service keys.
 */
@Injectable()
export class ClientDirectory implements ClientLookup, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('oauth-clients');
  private readonly directory = new PrincipalDirectory();
  private cache?: KvCache<unknown>;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly health: HealthResponder,
  ) {}

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.env.CERTGATE_TENANT, Buckets.identity);
    // The whole bucket (one watch filter works on every NATS 2.x); the directory keeps only
    // instances and keys, and validates them per key prefix, so the cache takes values as they are.
    this.cache = await KvCache.start(kv, { schema: z.unknown(), onChange: (key, value) => this.apply(key, value) });
    // Changes seen while loading may have been applied already; applying one twice is harmless.
    for (const [key, value] of this.cache.entries()) this.apply(key, value);
    this.health.register('cache.oauth-clients', () => ({ status: 'up', message: `${this.directory.size.keys} service keys` }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  byFingerprint(fingerprint: string): Principal | undefined {
    return this.directory.byFingerprint(fingerprint);
  }

  byClientId(clientid: string): ClientEntry | undefined {
    return this.directory.byClientId(clientid);
  }

  private apply(key: string, value: unknown): void {
    if (this.directory.apply(key, value) === 'invalid') this.logger.warn({ msg: 'identity value does not match its contract; treated as absent', key });
  }
}
