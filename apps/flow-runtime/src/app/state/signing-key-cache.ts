import { createPublicKey, type KeyObject } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Buckets, SigningKv, errorMessage, storedSigningKeySchema, type StoredSigningKey } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import type { TokenKeys } from '../invoke/token-verifier';

/**
 * The published token verification keys (the keystore's signing keys, public half
 * only), watched in the keystore bucket: a rotation or a dropped key reaches this
 * replica in milliseconds, and verifying a token needs no request to anyone. Keys are
 * parsed once per stored value.
 */
@Injectable()
export class SigningKeyCache implements TokenKeys, OnModuleInit {
  private readonly logger = new Logger('signing-key-cache');
  private projection?: KvProjection<StoredSigningKey>;
  private keys = new Map<string, KeyObject>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly buckets: KvBuckets) {}

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.keystore, {
      key: SigningKv.keys,
      schema: storedSigningKeySchema,
      logger: nestMessagingLogger('signing-key-cache'),
      health: 'cache.signing-keys',
      describe: () => `${this.keys.size} token verification keys`,
      onChange: () => this.rebuild(),
    });
    this.rebuild();
  }

  keyFor(kid: string): KeyObject | undefined {
    return this.keys.get(kid);
  }

  /** Called after every change of the published keys (verified tokens are then checked again). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private rebuild(): void {
    if (!this.projection) return;
    const next = new Map<string, KeyObject>();
    for (const [name, stored] of this.projection.entries()) {
      // A value stored under another kid than its own is not trusted for either.
      if (SigningKv.key(stored.kid) !== name) continue;
      const known = this.keys.get(stored.kid);
      try {
        next.set(stored.kid, known ?? createPublicKey({ key: stored.publicJwk, format: 'jwk' }));
      } catch (err) {
        this.logger.warn({ msg: 'published signing key is not a usable EC public key; ignored', kid: stored.kid, error: errorMessage(err) });
      }
    }
    this.keys = next;
    for (const listener of this.listeners) listener();
  }
}
