/** The default of CERTGATE_ALERT_DAYS (docs/operations.md#expiry-alerts); the console API does not expose the configured value. */
export const DEFAULT_THRESHOLDS = [30, 14, 7, 1];

export const WEEKS = 52;
const DAY = 86_400_000;

export interface WeekBin {
  /** Start of the week (UTC) as a label: `2 Mar`. */
  week: string;
  /** First day of the bin, in days from now. */
  fromDay: number;
  expiring: number;
  valid: number;
}

export interface Timeline {
  bins: WeekBin[];
  /** Reference lines: the week each threshold falls in, labelled `30 d` (two thresholds in one week share a line). */
  thresholds: { week: string; label: string; days: number[] }[];
  expired: number;
  within12Months: number;
  later: number;
}

const weekLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Upcoming expiries per week over the next 12 months (52 weeks: week `i` holds the
 * certificates with `7i ≤ daysLeft < 7i + 7`), split by the inventory's status, plus the
 * alert thresholds as the weeks they fall in. One pass over the certificates, so 10,000
 * cost nothing.
 */
export function weeklyExpiries(certs: readonly { daysLeft: number; status: string }[], thresholds: number[], now = Date.now()): Timeline {
  const today = Math.floor(now / DAY) * DAY;
  const bins: WeekBin[] = Array.from({ length: WEEKS }, (_, i) => ({
    week: weekLabel.format(new Date(today + i * 7 * DAY)),
    fromDay: i * 7,
    expiring: 0,
    valid: 0,
  }));
  let expired = 0;
  let later = 0;
  for (const c of certs) {
    if (c.status === 'expired' || c.daysLeft < 0) {
      expired++;
      continue;
    }
    const bin = bins[Math.floor(c.daysLeft / 7)];
    if (!bin) {
      later++;
      continue;
    }
    if (c.status === 'expiring') bin.expiring++;
    else bin.valid++;
  }
  const byWeek = new Map<string, number[]>();
  for (const t of [...thresholds].sort((a, b) => b - a)) {
    const bin = bins[Math.floor(t / 7)];
    if (!bin) continue;
    byWeek.set(bin.week, [...(byWeek.get(bin.week) ?? []), t]);
  }
  return {
    bins,
    thresholds: [...byWeek].map(([week, days]) => ({ week, days, label: days.map((d) => `${d} d`).join(', ') })),
    expired,
    within12Months: certs.length - expired - later,
    later,
  };
}
