import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { PrincipalDirectory, type ClientEntry, type Principal } from '@certgate/authz';
import { Buckets } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
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
export class PrincipalCache implements PrincipalLookup, OnModuleInit {
  private readonly logger = new Logger('principal-cache');
  private readonly directory: PrincipalDirectory;
  private projection?: KvProjection<unknown>;

  constructor(
    private readonly buckets: KvBuckets,
    @Inject(SERVICE_ENV) env: FlowRuntimeEnv,
  ) {
    this.directory = new PrincipalDirectory({ mode: env.CERTGATE_MODE });
  }

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.identity, {
      // Values are validated per key prefix by the directory, so the projection takes them as they are.
      schema: z.unknown(),
      logger: nestMessagingLogger('identity-cache'),
      health: 'cache.identity',
      describe: () => this.describe(),
      apply: (key, value) => this.apply(key, value),
    });
  }

  /** Newest bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.projection?.revision ?? 0;
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

  private describe(): string {
    const { instances, keys } = this.directory.size;
    const classic = this.directory.classicSize;
    const mapped = classic ? `; classic mode: ${classic.mappings} mappings, ${classic.users} users, ${classic.groups} groups` : '';
    return `${instances} instances, ${keys} keys${mapped}`;
  }
}
