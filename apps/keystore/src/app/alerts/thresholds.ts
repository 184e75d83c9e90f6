export const DAY_MS = 86_400_000;

/** The threshold of an `expired` event. */
export const EXPIRED_THRESHOLD = 0;

export type ExpiryStatus = 'valid' | 'expiring' | 'expired';

export interface Expiry {
  status: ExpiryStatus;
  /** Whole days left, rounded down; negative once expired. */
  daysLeft: number;
}

/**
 * Where a certificate stands at `now`. A certificate is valid through its notAfter
 * (RFC 5280), so it has expired only once `now` is past it; it is `expiring` inside the
 * largest threshold. `thresholds` are days, largest first.
 */
export function expiryAt(notAfterMs: number, nowMs: number, thresholds: readonly number[]): Expiry {
  const msLeft = notAfterMs - nowMs;
  const daysLeft = Math.floor(msLeft / DAY_MS);
  if (msLeft < 0) return { status: 'expired', daysLeft };
  return { status: thresholds.length > 0 && msLeft <= thresholds[0] * DAY_MS ? 'expiring' : 'valid', daysLeft };
}

/**
 * Every threshold the certificate is inside at `now`, largest first, then
 * EXPIRED_THRESHOLD once it has expired. Inside `t` means at most `t` days left.
 */
export function dueThresholds(notAfterMs: number, nowMs: number, thresholds: readonly number[]): number[] {
  const msLeft = notAfterMs - nowMs;
  const due = thresholds.filter((t) => msLeft <= t * DAY_MS);
  if (msLeft < 0) due.push(EXPIRED_THRESHOLD);
  return due;
}

/** True when nothing can be due yet: the cheap test a scan makes for most certificates. */
export function beforeEveryThreshold(notAfterMs: number, nowMs: number, thresholds: readonly number[]): boolean {
  const msLeft = notAfterMs - nowMs;
  return thresholds.length > 0 ? msLeft > thresholds[0] * DAY_MS : msLeft >= 0;
}

/** Why a certificate raises nothing, or that it raises. */
export const AlertReason = {
  notDue: 'not_due',
  muted: 'muted',
  alreadyRaised: 'already_raised',
  due: 'due',
} as const;
export type AlertReason = (typeof AlertReason)[keyof typeof AlertReason];

export type AlertDecision =
  | { reason: typeof AlertReason.notDue | typeof AlertReason.muted | typeof AlertReason.alreadyRaised }
  /** Raise `threshold` (the tightest due); mark every threshold of `markRaised` as done, the looser ones without an event of their own. */
  | { reason: typeof AlertReason.due; threshold: number; markRaised: number[] };

export interface AlertDecisionInput {
  notAfterMs: number;
  nowMs: number;
  /** Days, largest first. */
  thresholds: readonly number[];
  muted: boolean;
  isRaised: (threshold: number) => boolean;
}

/**
 * The decision for one certificate, as an ordered chain of checks. Only the tightest
 * threshold due is ever raised: a certificate first seen 6 days before expiry raises
 * `7`, not `30`, `14` and `7`; the looser ones are marked so they never follow. A muted
 * source raises and marks nothing, so unmuting raises what is due by then.
 */
export function decideAlert(input: AlertDecisionInput): AlertDecision {
  const due = dueThresholds(input.notAfterMs, input.nowMs, input.thresholds);
  if (due.length === 0) return { reason: AlertReason.notDue };
  if (input.muted) return { reason: AlertReason.muted };
  const tightest = due[due.length - 1];
  if (input.isRaised(tightest)) return { reason: AlertReason.alreadyRaised };
  return { reason: AlertReason.due, threshold: tightest, markRaised: due.filter((t) => t === tightest || !input.isRaised(t)) };
}
