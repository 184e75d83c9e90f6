import { createPublicKey, type KeyObject } from 'node:crypto';
import { Injectable, Logger, Inject, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { Buckets, SigningKv, storedSigningKeySchema, type StoredSigningKey } from '@certgate/contracts';
import { HealthResponder, KvCache, MESSAGING_OPTIONS, NATS_CONNECTION, ensureKv, type MessagingOptions, nestMessagingLogger } from '@certgate/messaging';
import type { TokenKeys } from '../invoke/token-verifier';

/**
 * The published token verification keys (the keystore's signing keys, public half
 * only), watched in the keystore bucket: a rotation or a dropped key reaches this
 * replica in milliseconds, and verifying a token needs no request to anyone. Keys are
 * parsed once per stored value.
 */
@Injectable()
export class SigningKeyCache implements TokenKeys, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('signing-key-cache');
  private cache?: KvCache<StoredSigningKey>;
  private keys = new Map<string, KeyObject>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly health: HealthResponder,
  ) {}

  async onModuleInit(): Promise<void> {
    const kv = await ensureKv(this.nc, this.options.tenant, Buckets.keystore);
    this.cache = await KvCache.start(kv, { key: SigningKv.keys, schema: storedSigningKeySchema, logger: nestMessagingLogger('signing-key-cache'), onChange: () => this.rebuild() });
    this.rebuild();
    this.health.register('cache.signing-keys', () => ({ status: 'up', message: `${this.keys.size} token verification keys` }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.stop();
  }

  keyFor(kid: string): KeyObject | undefined {
    return this.keys.get(kid);
  }

  /** Called after every change of the published keys (verified tokens are then checked again). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private rebuild(): void {
    if (!this.cache) return;
    const next = new Map<string, KeyObject>();
    for (const [name, stored] of this.cache.entries()) {
      // A value stored under another kid than its own is not trusted for either.
      if (SigningKv.key(stored.kid) !== name) continue;
      const known = this.keys.get(stored.kid);
      try {
        next.set(stored.kid, known ?? createPublicKey({ key: stored.publicJwk, format: 'jwk' }));
      } catch (err) {
        this.logger.warn({ msg: 'published signing key is not a usable EC public key; ignored', kid: stored.kid, error: (err as Error).message });
      }
    }
    this.keys = next;
    for (const listener of this.listeners) listener();
  }
}
