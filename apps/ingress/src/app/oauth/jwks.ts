import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Buckets, OAUTH_SIGNING_ALG, SigningKv, storedSigningKeySchema, type Jwks, type StoredSigningKey } from '@certgate/contracts';
import { KvBuckets, type KvProjection } from '@certgate/messaging';

/** The JWK Set of `GET /oauth/jwks` from the signing keys the keystore publishes. */
export function jwksOf(keys: Iterable<StoredSigningKey>): Jwks {
  // Newest first: the key that signs now is the one a verifier most likely needs.
  const sorted = [...keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.kid.localeCompare(b.kid));
  return { keys: sorted.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: OAUTH_SIGNING_ALG, use: 'sig' as const })) };
}

/** Every published signing key, watched in the keystore bucket: a rotation is in the JWKS within milliseconds. */
@Injectable()
export class JwksService implements OnModuleInit {
  private keys?: KvProjection<StoredSigningKey>;
  private body = JSON.stringify({ keys: [] });

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.keys = await this.buckets.project(Buckets.keystore, {
      key: SigningKv.keys,
      schema: storedSigningKeySchema,
      onChange: () => this.rebuild(),
      health: 'cache.jwks',
      describe: () => `${this.keys?.size ?? 0} published signing keys`,
    });
    this.rebuild();
  }

  /** The JWK Set as JSON text, built once per change. */
  get json(): string {
    return this.body;
  }

  private rebuild(): void {
    if (!this.keys) return;
    const keys = [...this.keys.entries()].filter(([name, key]) => SigningKv.key(key.kid) === name).map(([, key]) => key);
    this.body = JSON.stringify(jwksOf(keys));
  }
}
