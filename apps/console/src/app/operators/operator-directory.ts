import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  apiTokenUsedEvent,
  Buckets,
  OperatorsKv,
  operatorSchema,
  storedApiTokenSchema,
  storedSessionSchema,
  type Operator,
  type StoredApiToken,
  type StoredSession,
} from '@certgate/contracts';
import { CertgateClient, KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';

/** How often one replica reports a token's use to identity (lastUsedAt is to the minute). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The operators, token hashes and web console sessions of the operators bucket, kept
 * current by a watch: a token revoked, an operator disabled or a session signed out is
 * refused by this replica as soon as the change arrives (milliseconds), with no request
 * to identity on the request path.
 */
@Injectable()
export class OperatorDirectory implements OnApplicationBootstrap {
  private operators?: KvProjection<Operator>;
  private tokens?: KvProjection<StoredApiToken>;
  private sessions?: KvProjection<StoredSession>;
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
    this.sessions = await this.buckets.project(Buckets.operators, {
      key: `${OperatorsKv.prefixes.session}>`,
      schema: storedSessionSchema,
      logger,
      health: 'cache.sessions',
    });
  }

  token(id: string): StoredApiToken | undefined {
    return this.tokens?.get(OperatorsKv.token(id));
  }

  session(id: string): StoredSession | undefined {
    return this.sessions?.get(OperatorsKv.session(id));
  }

  /** Reads a session from the bucket itself: one made on another replica a moment ago may not have reached this one's watch. */
  async fetchSession(id: string): Promise<StoredSession | undefined> {
    return (await this.buckets.bucket(Buckets.operators).repository(storedSessionSchema, 'session').get(OperatorsKv.session(id)))?.value;
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
