import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { apiTokenUsedEvent, Buckets, OperatorsKv, operatorSchema, storedApiTokenSchema, type Operator, type StoredApiToken } from '@certgate/contracts';
import { CertgateClient, KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';

/** How often one replica reports a token's use to identity (lastUsedAt is to the minute). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The operators and token hashes of the operators bucket, kept current by a watch: a
 * token revoked or an operator disabled is refused by this replica as soon as the
 * change arrives (milliseconds), with no request to identity on the request path.
 */
@Injectable()
export class OperatorDirectory implements OnApplicationBootstrap {
  private operators?: KvProjection<Operator>;
  private tokens?: KvProjection<StoredApiToken>;
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly buckets: KvBuckets,
    @Inject(CertgateClient) private readonly client: CertgateClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const logger = nestMessagingLogger(OperatorDirectory.name);
    this.operators = await this.buckets.project(Buckets.operators, {
      key: `${OperatorsKv.prefixes.operator}>`,
      schema: operatorSchema,
      logger,
      health: 'cache.operators',
    });
    this.tokens = await this.buckets.project(Buckets.operators, {
      key: `${OperatorsKv.prefixes.token}>`,
      schema: storedApiTokenSchema,
      logger,
      health: 'cache.tokens',
    });
  }

  token(id: string): StoredApiToken | undefined {
    return this.tokens?.get(OperatorsKv.token(id));
  }

  operator(name: string): Operator | undefined {
    return this.operators?.get(OperatorsKv.operator(name));
  }

  /** Whether any operator holds the admin role and is enabled (the bootstrap token may then be switched off). */
  hasEnabledAdmin(): boolean {
    return [...(this.operators?.values() ?? [])].some((o) => o.enabled && o.roles.includes('admin'));
  }

  /** Tells identity the token was used, at most once a minute per token from this replica. */
  used(id: string, now = Date.now()): void {
    if (now - (this.touched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.touched.set(id, now);
    this.client.publishEvent(apiTokenUsedEvent, { id, at: new Date(now).toISOString() });
  }
}
