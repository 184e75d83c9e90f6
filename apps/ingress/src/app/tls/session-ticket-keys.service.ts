import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Buckets, errorMessage, IngressKv, storedTicketEpochSchema } from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { IngressEnv } from '../ingress-env';
import type { EffectiveRoots } from '../trusted-roots/effective-roots';

/** Public on purpose, like the key vault's: it only separates this use of the secret from others. */
const TICKET_KEY_INFO = 'certgate/ingress/tls-session-tickets/v1';
const TICKET_KEY_BYTES = 48;

/**
 * The key of the TLS session tickets the ingress issues (TLS 1.3 resumption):
 * HKDF-SHA256 of a secret, the current epoch's nonce and the trusted roots in force.
 *
 * - With CERTGATE_MASTER_KEY (the same on every replica), the secret is the master key
 *   and the epoch lives in the ingress bucket, so every replica derives the same key and
 *   a sender may resume on any of them. The bucket holds the nonce only, nothing secret.
 *   Every INGRESS_TLS_TICKET_KEY_ROTATION_SECONDS one replica replaces the nonce (a
 *   conditional write: the first wins), and every replica takes it from its KV watch.
 * - Without it, the secret and the epoch are the replica's own: a ticket resumes only
 *   where it was issued.
 *
 * The roots are part of the derivation, so a change of the trusted roots replaces the key
 * on every replica alike: no session verified under other roots resumes. A resumed
 * session is judged again by ChainReview anyway.
 */
@Injectable()
export class SessionTicketKeys implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ingress');
  private readonly secret: Buffer;
  private nonce = randomBytes(16).toString('base64url');
  private readonly listeners: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private readonly stored = this.buckets.bucket(Buckets.ingress).repository(storedTicketEpochSchema, 'session ticket epoch');
  /** `shared`: every replica derives the same key (CERTGATE_MASTER_KEY set); `replica`: this one's own; `off`: no resumption. */
  readonly mode: 'off' | 'shared' | 'replica';

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly buckets: KvBuckets,
  ) {
    this.mode = env.INGRESS_TLS_SESSION_TIMEOUT_SECONDS === 0 ? 'off' : env.CERTGATE_MASTER_KEY !== undefined ? 'shared' : 'replica';
    this.secret = this.mode === 'shared' ? Buffer.from(env.CERTGATE_MASTER_KEY as string, 'utf8') : randomBytes(32);
  }

  private get rotationMs(): number {
    return this.env.INGRESS_TLS_TICKET_KEY_ROTATION_SECONDS * 1000;
  }

  async onModuleInit(): Promise<void> {
    if (this.mode === 'off') return;
    if (this.mode === 'replica') {
      this.timer = setInterval(() => this.takeNonce(randomBytes(16).toString('base64url')), this.rotationMs);
      this.timer.unref();
      return;
    }
    const projection = await this.buckets.project(Buckets.ingress, {
      key: IngressKv.ticketEpoch,
      schema: storedTicketEpochSchema,
      logger: nestMessagingLogger('session-tickets'),
      onChange: (_key, epoch) => epoch && this.takeNonce(epoch.nonce),
    });
    await this.rotateIfDue();
    const epoch = projection.get(IngressKv.ticketEpoch);
    if (epoch) this.nonce = epoch.nonce;
    // A tenth of the period: an epoch is replaced at most that late, whichever replica notices first.
    this.timer = setInterval(() => void this.rotateIfDue(), Math.max(1_000, this.rotationMs / 10));
    this.timer.unref();
  }

  /** The ticket key of TLS contexts built for these roots now (only when a context is built: start-up and swaps). */
  keyFor(roots: EffectiveRoots): Buffer {
    const digest = createHash('sha256')
      .update(
        roots.anchors
          .map((c) => c.fingerprint)
          .sort()
          .join(','),
      )
      .digest('hex');
    return Buffer.from(hkdfSync('sha256', this.secret, Buffer.from(this.nonce, 'utf8'), `${TICKET_KEY_INFO}|${digest}`, TICKET_KEY_BYTES));
  }

  /** Called when the epoch moved on: TLS contexts are to be rebuilt with `keyFor`. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private takeNonce(nonce: string): void {
    if (nonce === this.nonce) return;
    this.nonce = nonce;
    for (const listener of this.listeners) listener();
  }

  /** Replaces an epoch older than the rotation period; of replicas racing, one write wins and the others' fail. */
  private async rotateIfDue(): Promise<void> {
    try {
      const current = await this.stored.get(IngressKv.ticketEpoch);
      if (current && Date.now() - Date.parse(current.value.createdAt) < this.rotationMs) return;
      const next = { nonce: randomBytes(16).toString('base64url'), createdAt: new Date().toISOString() };
      if (current) await this.stored.update(IngressKv.ticketEpoch, next, current.revision);
      else await this.stored.create(IngressKv.ticketEpoch, next);
    } catch (err) {
      // The key in force stays; the next check tries again.
      this.logger.warn({ msg: 'the session ticket epoch could not be renewed; the key in force stays', error: errorMessage(err) });
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
