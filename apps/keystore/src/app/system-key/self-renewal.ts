import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errorMessage, type StoredKeystoreEntry } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { CLOCK, type Clock } from '../alerts/clock/clock';
import { AlertsStream } from '../alerts/raising/alerts-stream';
import { findEntry } from '../common/entry-lookup';
import { updateEntry } from '../common/entry-update';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';

const DAY_MS = 86_400_000;

export type RenewalOutcome = 'renewed' | 'not-due' | 'not-ours' | 'absent' | 'raced' | 'failed';

/**
 * A key pair certgate provisioned (and only such a one) renews itself ahead of expiry:
 * once it has its lead time or less left, a new one is made and replaces the entry under
 * the same alias in one KV update, so every reader switches from one valid pair to the
 * next. A pair an operator imported (CA-signed) or is renewing by hand is theirs, and the
 * expiry alerts tell them when. Announced as a `renewed` alert (ALERTS stream, webhooks).
 *
 * Every replica checks on its own timer; the new pair replaces the entry only if it still
 * holds the pair that was found due (compare-and-set), so exactly one renewal wins.
 */
@Injectable()
export abstract class SelfRenewal implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<RenewalOutcome>;

  constructor(
    @Inject(SERVICE_ENV) protected readonly env: KeystoreEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly records: KeystoreRecords,
    protected readonly vault: KeyVault,
    private readonly alerts: AlertsStream,
  ) {}

  /** What is renewed, for logs: `system key pair`. */
  protected abstract readonly what: string;
  protected abstract alias(): string;
  /** Days before expiry at which it renews. */
  protected abstract leadDays(): number;
  /** The entry that replaces `current` (its `createdAt` is kept). */
  protected abstract successor(current: StoredKeystoreEntry, now: Date): Promise<StoredKeystoreEntry>;

  onApplicationBootstrap(): void {
    if (this.env.CERTGATE_TENANT_PLAN === 'trial') return;
    this.timer = setInterval(() => void this.check(), this.env.CERTGATE_SYSTEM_KEY_RENEW_CHECK_SECONDS * 1000);
    this.timer.unref();
    void this.check();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One check, never two at once on a replica; failures are logged and retried at the next tick. */
  check(): Promise<RenewalOutcome> {
    this.running ??= this.renewIfDue()
      .catch((err: unknown) => {
        this.logger.error({ msg: `${this.what} renewal failed; retried at the next check`, error: errorMessage(err) });
        return 'failed' as const;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async renewIfDue(): Promise<RenewalOutcome> {
    const alias = this.alias();
    const entry = await findEntry(this.records.entries, alias);
    if (!entry) return 'absent';
    if (!isProvisionedPair(entry)) return 'not-ours';
    const now = new Date(this.clock());
    const left = Date.parse(entry.notAfter) - now.getTime();
    if (left > this.leadDays() * DAY_MS) return 'not-due';

    // An operator's own renewal in progress is theirs to finish; the expiry alerts keep reminding them.
    if (entry.pending) return 'not-ours';

    // Outside the update: making a key is the slow part and need not be repeated on a retry.
    const fresh = await this.successor(entry, now);
    let renewed: StoredKeystoreEntry;
    try {
      renewed = await updateEntry(this.records.entries, alias, async ({ value: current }) => {
        // Only the pair that was found due: another replica's renewal (or an operator's change) in between wins.
        if (current.fingerprint !== entry.fingerprint || current.pending) throw new Raced();
        return { ...fresh, createdAt: current.createdAt };
      });
    } catch (err) {
      if (err instanceof Raced) return 'raced';
      throw err;
    }
    this.logger.log({
      msg: `${this.what} renewed ahead of expiry`,
      alias,
      fingerprint: renewed.fingerprint,
      replaced: entry.fingerprint,
      notAfter: renewed.notAfter,
    });
    await this.alerts.publish({
      id: `renewed:${alias}:${renewed.fingerprint}`,
      type: 'renewed',
      source: 'keystore',
      ref: `${alias}#0`,
      subjectDN: renewed.subjectDN,
      issuerDN: renewed.issuerDN,
      serial: renewed.serialNumber,
      fingerprint: renewed.fingerprint,
      notAfter: renewed.notAfter,
      daysLeft: Math.floor((Date.parse(renewed.notAfter) - now.getTime()) / DAY_MS),
      threshold: this.leadDays(),
      raisedAt: now.toISOString(),
      replacedFingerprint: entry.fingerprint,
    });
    return 'renewed';
  }
}

class Raced extends Error {}

/** The pair certgate provisioned: owned by the system and still self-signed (an operator's CA-signed import is not). */
function isProvisionedPair(entry: StoredKeystoreEntry): boolean {
  return entry.kind === 'key-pair' && entry.owner === 'system' && entry.subjectDN === entry.issuerDN;
}
