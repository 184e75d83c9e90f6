import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LIMITS, errorMessage, type CrlStatus } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { normalizeDN, type Certificate, type Crl } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { fetchCrl, readCrlFile } from './crl-source';
import { RootPoliciesService } from '../trusted-roots/root-policies.service';

type Origin = CrlStatus['origin'];

interface Held {
  origin: Origin;
  crl?: Crl;
  fetchedAt?: Date;
  error?: string;
  inFlight?: Promise<void>;
}

/** How soon a CRL past its nextUpdate is asked for again, so a CA that is late is not hammered. */
const MIN_RETRY_MS = 60_000;

/**
 * The CRLs this replica holds: the URLs the roots' policies configure, the distribution
 * points the chains it saw name, and INGRESS_CRL_FILES. Each is read again every
 * INGRESS_CRL_REFRESH_SECONDS, sooner when it reaches its nextUpdate, and at once when
 * an operator asks for a refresh (on every replica, through the KV). A CRL that cannot
 * be fetched again stays in use until its nextUpdate; after that its root's
 * `onUnavailable` decides. Listeners hear of every change in what is held, so cached
 * verdicts are dropped.
 */
@Injectable()
export class CrlStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('crls');
  private readonly held = new Map<string, Held>();
  private byIssuer = new Map<string, Crl[]>();
  private readonly listeners: (() => void)[] = [];
  private readonly refreshes = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly policies: RootPoliciesService,
    private readonly metrics: IngressMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const file of this.env.INGRESS_CRL_FILES) this.held.set(file, { origin: 'file' });
    this.policies.onChange((stored) => {
      this.syncConfigured();
      // The refresh mark stays stored: a request already served is not repeated, but a URL a policy just added is fetched now.
      if (stored?.refreshRequestedAt && !this.refreshes.has(stored.refreshRequestedAt)) void this.refreshFor(stored.refreshRequestedAt);
      else void this.refreshMissing();
    });
    this.syncConfigured();
    // Requests made before this replica started are done: the fetch below is fresher.
    const requested = this.policies.current?.refreshRequestedAt;
    if (requested) this.refreshes.set(requested, Promise.resolve());
    await this.refreshAll();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The CRLs named for `issuer`'s subject; whether one is really its CRL (signature, dates) is checkRevocation's to judge. */
  crlsOf(issuer: Certificate): readonly Crl[] {
    return this.byIssuer.get(issuer.normalizedSubject) ?? [];
  }

  /**
   * Fetches the distribution points not held yet (once each; later the schedule keeps
   * them current), so the first chain naming one waits for it at most one fetch timeout.
   */
  async ensure(urls: readonly string[]): Promise<void> {
    const fresh = urls.filter((u) => !this.held.has(u));
    const room = LIMITS.crls - this.held.size;
    if (fresh.length > room) this.logger.warn({ msg: 'too many CRL sources: distribution points not fetched', limit: LIMITS.crls, skipped: fresh.slice(room) });
    for (const url of fresh.slice(0, Math.max(0, room))) this.held.set(url, { origin: 'distribution-point' });
    await Promise.all(urls.map((u) => this.held.get(u)).map((h) => h?.inFlight));
    const pending = urls.filter((u) => {
      const h = this.held.get(u);
      return h !== undefined && !h.fetchedAt && !h.error;
    });
    if (pending.length > 0) await this.read(pending);
  }

  status(): CrlStatus[] {
    return [...this.held].map(([source, h]) => ({
      source,
      origin: h.origin,
      ...(h.crl && {
        issuerDN: h.crl.issuerDN,
        thisUpdate: h.crl.thisUpdate.toISOString(),
        ...(h.crl.nextUpdate && { nextUpdate: h.crl.nextUpdate.toISOString() }),
        revoked: h.crl.revokedCount,
      }),
      ...(h.fetchedAt && { fetchedAt: h.fetchedAt.toISOString() }),
      ...(h.error && { error: h.error }),
    }));
  }

  /** The refresh an operator asked for at `requestedAt`: once per request on each replica, however it hears of it. */
  refreshFor(requestedAt: string): Promise<void> {
    let done = this.refreshes.get(requestedAt);
    if (!done) {
      done = this.refreshAll();
      this.refreshes.set(requestedAt, done);
      if (this.refreshes.size > 16) this.refreshes.delete(this.refreshes.keys().next().value as string);
    }
    return done;
  }

  async refreshAll(): Promise<void> {
    await this.read([...this.held.keys()]);
  }

  private async refreshMissing(): Promise<void> {
    await this.read([...this.held].filter(([, h]) => !h.crl && !h.inFlight).map(([source]) => source));
  }

  /** The URLs of every root policy that checks revocation; a URL no policy names any more is dropped. */
  private syncConfigured(): void {
    const wanted = new Set(this.policies.revocationPolicies().flatMap((p) => p.policy.revocation?.crlUrls ?? []));
    for (const [source, h] of this.held) if (h.origin === 'configured' && !wanted.has(source)) this.held.delete(source);
    for (const url of wanted) {
      const h = this.held.get(url);
      if (!h) this.held.set(url, { origin: 'configured' });
      else if (h.origin === 'distribution-point') h.origin = 'configured';
    }
    this.reindex();
  }

  private async read(sources: string[]): Promise<void> {
    await Promise.all(
      sources.map((source) => {
        const h = this.held.get(source);
        if (!h) return undefined;
        h.inFlight ??= this.readOne(source, h).finally(() => (h.inFlight = undefined));
        return h.inFlight;
      }),
    );
    this.reindex();
    this.schedule();
  }

  private async readOne(source: string, h: Held): Promise<void> {
    try {
      const crl = h.origin === 'file' ? await readCrlFile(source) : await fetchCrl(source, this.env.INGRESS_CRL_FETCH_TIMEOUT_MS);
      const changed = h.crl?.fingerprint !== crl.fingerprint;
      Object.assign(h, { crl, fetchedAt: new Date(), error: undefined });
      if (changed)
        this.logger.log({ msg: 'CRL read', source, issuerDN: crl.issuerDN, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate, revoked: crl.revokedCount });
    } catch (err) {
      h.error = errorMessage(err);
      this.metrics.crlFetchFailed(h.origin);
      this.logger.warn({ msg: 'a CRL could not be read; the one read before (if any) stays in use until its nextUpdate', source, error: h.error });
    }
  }

  private reindex(): void {
    const next = new Map<string, Crl[]>();
    for (const { crl } of this.held.values()) {
      if (!crl) continue;
      const key = normalizeDN(crl.issuerDN);
      next.set(key, [...(next.get(key) ?? []), crl]);
    }
    const fingerprints = (m: Map<string, Crl[]>) =>
      [...m.values()]
        .flat()
        .map((c) => c.fingerprint)
        .sort()
        .join(',');
    const changed = fingerprints(next) !== fingerprints(this.byIssuer);
    this.byIssuer = next;
    if (changed) for (const listener of this.listeners) listener();
  }

  /** Next round: the refresh interval, or sooner when a held CRL reaches its nextUpdate. */
  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const now = Date.now();
    let due = now + this.env.INGRESS_CRL_REFRESH_SECONDS * 1000;
    for (const { crl } of this.held.values()) {
      const next = crl?.nextUpdate?.getTime();
      // At its nextUpdate; a CRL already past it (the CA is late) is asked for again a minute later, not in a loop.
      if (next !== undefined) due = Math.min(due, next > now ? next : now + MIN_RETRY_MS);
    }
    this.timer = setTimeout(() => void this.refreshAll(), due - now);
    this.timer.unref();
  }
}
