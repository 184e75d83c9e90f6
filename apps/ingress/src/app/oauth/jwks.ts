import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { Buckets, OAUTH_SIGNING_ALG, SigningKv, storedSigningKeySchema, type Jwks, type StoredSigningKey } from '@certgate/contracts';
import { ensureKv, HealthResponder, KvCache, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { IngressEnv } from '../ingress-env';

/** The JWK Set of `GET /oauth/jwks` from the signing keys the keystore publishes. */
export function jwksOf(keys: Iterable<StoredSigningKey>): Jwks {
  // Newest first: the key that signs now is the one a verifier most likely needs.
  const sorted = [...keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.kid.localeCompare(b.kid));
  return { keys: sorted.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: OAUTH_SIGNING_ALG, use: 'sig' as const })) };
}

/** Every published signing key, watched in the keystore bucket: a rotation is in the JWKS within milliseconds. */
@Injectable()
export class JwksService implements OnModuleInit, OnModuleDestroy {
  private cache?: KvCache<StoredSigningKey>;
  private body = JSON.stringify({ keys: [] });

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly health: HealthResponder,
  ) {}

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.env.CERTGATE_TENANT, Buckets.keystore);
    this.cache = await KvCache.start(kv, { key: SigningKv.keys, schema: storedSigningKeySchema, onChange: () => this.rebuild() });
    this.rebuild();
    this.health.register('cache.jwks', () => ({ status: 'up', message: `${this.cache?.size ?? 0} published signing keys` }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  /** The JWK Set as JSON text, built once per change. */
  get json(): string {
    return this.body;
  }

  private rebuild(): void {
    if (!this.cache) return;
    const keys = [...this.cache.entries()].filter(([name, key]) => SigningKv.key(key.kid) === name).map(([, key]) => key);
    this.body = JSON.stringify(jwksOf(keys));
  }
}
