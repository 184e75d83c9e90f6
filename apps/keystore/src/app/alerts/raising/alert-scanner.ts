import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../../keystore-env';
import { CLOCK, type Clock } from '../clock/clock';
import { CertificateInventory } from '../inventory/certificate-inventory';
import { AlertMetrics } from '../metrics/alert-metrics';
import { AlertMutes } from './alert-mutes';
import { AlertsStream } from './alerts-stream';
import { RaisedMarkers } from './raised-markers';
import { scanCertificates } from './scan-certificates';

/** A burst of changes (a chain import, a redeployed flow) makes one scan. */
export const CHANGE_DEBOUNCE_MS = 200;
/** ... but a steady stream of changes does not postpone it longer than this. */
export const CHANGE_MAX_WAIT_MS = 2_000;

export interface ScanResult {
  certificates: number;
  raised: number;
  durationMs: number;
}

/**
 * Runs the scans of this replica: after changes (debounced), on a timer, and on request.
 * One at a time; requests during a scan share the one that follows it. Every replica
 * scans: the alert ids make them agree on what was raised.
 */
@Injectable()
export class AlertScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('alerts.scan');
  private running?: Promise<ScanResult>;
  private queued?: { promise: Promise<ScanResult>; refreshIngress: boolean };
  private debounce?: { timer: NodeJS.Timeout; firstAt: number; done: Promise<void>; resolve: () => void };
  private interval?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly inventory: CertificateInventory,
    private readonly raisedMarkers: RaisedMarkers,
    private readonly mutes: AlertMutes,
    private readonly stream: AlertsStream,
    private readonly metrics: AlertMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.inventory.onChange(() => this.soon());
    this.mutes.onChange(() => this.soon());
    this.interval = setInterval(() => this.background(true), this.env.CERTGATE_ALERT_SCAN_INTERVAL_SECONDS * 1000);
    this.interval.unref();
    this.background(true);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    if (this.debounce) {
      clearTimeout(this.debounce.timer);
      this.debounce.resolve();
      this.debounce = undefined;
    }
    await this.whenIdle();
  }

  /**
   * A full scan now (after the one running, if any). `refreshIngress` asks the ingress
   * for its certificates first; otherwise only while none has answered yet.
   */
  scanNow(opts: { refreshIngress?: boolean } = {}): Promise<ScanResult> {
    const refreshIngress = opts.refreshIngress ?? false;
    if (!this.running) return this.start(refreshIngress);
    if (this.queued) {
      this.queued.refreshIngress ||= refreshIngress;
      return this.queued.promise;
    }
    const promise = this.running
      .catch(() => undefined)
      .then(() => {
        // Requests that joined the wait may have asked for the ingress too.
        const refresh = this.queued?.refreshIngress ?? refreshIngress;
        this.queued = undefined;
        return this.start(refresh);
      });
    this.queued = { promise, refreshIngress };
    return promise;
  }

  /** Resolves once no scan runs or waits (for specs, which move the clock instead of sleeping). */
  async whenIdle(): Promise<void> {
    while (this.debounce || this.running || this.queued) {
      await (this.debounce?.done ?? this.queued?.promise ?? this.running)?.catch(() => undefined);
    }
  }

  private start(refreshIngress: boolean): Promise<ScanResult> {
    const run = this.scan(refreshIngress).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async scan(refreshIngress: boolean): Promise<ScanResult> {
    const started = performance.now();
    await this.inventory.refreshIngress(!refreshIngress);
    const outcome = await scanCertificates(this.inventory.certificates(), {
      nowMs: this.clock(),
      thresholds: this.env.CERTGATE_ALERT_DAYS,
      state: { isRaised: (id) => this.raisedMarkers.isRaised(id), isMuted: (source) => this.mutes.isMuted(source) },
      effects: { publish: (alert) => this.stream.publish(alert), markRaised: (id, marker) => this.raisedMarkers.markRaised(id, marker) },
    });
    for (const alert of outcome.raised) {
      this.metrics.alertRaised(alert);
      this.logger.log({
        msg: `certificate ${alert.type === 'expired' ? 'expired' : `expires within ${alert.threshold} days`}: alert raised`,
        source: alert.source,
        ref: alert.ref,
        subjectDN: alert.subjectDN,
        notAfter: alert.notAfter,
        daysLeft: alert.daysLeft,
        id: alert.id,
      });
    }
    const result = { certificates: outcome.certificates, raised: outcome.raised.length, durationMs: Math.round((performance.now() - started) * 100) / 100 };
    this.logger.debug({ msg: 'scan done', ...result, duplicates: outcome.duplicates });
    return result;
  }

  /** Debounced scan after a change seen by this replica's watches. */
  private soon(): void {
    if (this.stopped) return;
    const now = performance.now();
    if (!this.debounce) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      this.debounce = { timer: setTimeout(() => this.fire(), CHANGE_DEBOUNCE_MS), firstAt: now, done, resolve };
      return;
    }
    clearTimeout(this.debounce.timer);
    const wait = Math.max(0, Math.min(CHANGE_DEBOUNCE_MS, this.debounce.firstAt + CHANGE_MAX_WAIT_MS - now));
    this.debounce.timer = setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    const debounce = this.debounce;
    this.debounce = undefined;
    // The ingress is only asked again if it never answered; a change of a bucket says nothing new about it.
    this.scanNow().then(
      () => debounce?.resolve(),
      (err: unknown) => {
        this.failed(err);
        debounce?.resolve();
      },
    );
  }

  private background(refreshIngress: boolean): void {
    if (this.stopped) return;
    this.scanNow({ refreshIngress }).catch((err: unknown) => this.failed(err));
  }

  private failed(err: unknown): void {
    if (this.stopped) return;
    this.logger.error({ msg: 'alert scan failed; the next change, the timer or POST /alerts/scan runs it again', error: errorMessage(err) });
  }
}
