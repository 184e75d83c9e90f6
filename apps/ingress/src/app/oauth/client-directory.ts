import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { PrincipalDirectory, type ClientEntry, type Principal } from '@certgate/authz';
import { Buckets } from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';
import type { ClientLookup } from './token-client';

/**
 * The OAuth clients (service keys and their instances), watched in the identity bucket
 * and resolved by the same directory the runtime uses, so the token endpoint asks no
 * service who a client is. Standard mode always: tokens are issued to service keys.
 */
@Injectable()
export class ClientDirectory implements ClientLookup, OnModuleInit {
  private readonly logger = new Logger('oauth-clients');
  private readonly directory = new PrincipalDirectory();

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    // The whole bucket (one watch filter works on every NATS 2.x); the directory keeps only
    // instances and keys, and validates them per key prefix, so the projection takes values as they are.
    await this.buckets.project(Buckets.identity, {
      schema: z.unknown(),
      apply: (key, value) => this.apply(key, value),
      health: 'cache.oauth-clients',
      describe: () => `${this.directory.size.keys} service keys`,
    });
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
