import { z } from 'zod';

export const DEFAULT_ALERT_DAYS = '30,14,7,1';
const MAX_ALERT_DAYS = 3650;

/**
 * `30,14,7,1` → [30, 14, 7, 1]: the thresholds, largest first, each once. Expiry itself
 * always raises its own event, so 0 is not a threshold.
 */
export function parseAlertDays(text: string): { days: number[] } | { error: string } {
  const tokens = text.split(',').map((t) => t.trim());
  const bad = tokens.filter((t) => !/^\d+$/.test(t) || Number(t) < 1 || Number(t) > MAX_ALERT_DAYS);
  if (bad.length > 0) {
    return {
      error: `must be a comma-separated list of whole days from 1 to ${MAX_ALERT_DAYS} (e.g. ${DEFAULT_ALERT_DAYS}); not valid: ${bad.map((t) => `'${t}'`).join(', ')}`,
    };
  }
  return { days: [...new Set(tokens.map(Number))].sort((a, b) => b - a) };
}

/** The keystore's alert variables, spread into its env schema. */
export const ALERT_ENV_FIELDS = {
  /** Days before expiry at which a certificate raises an `expiring` event, once per threshold. */
  CERTGATE_ALERT_DAYS: z
    .string()
    .default(DEFAULT_ALERT_DAYS)
    .transform((text, ctx) => {
      const parsed = parseAlertDays(text);
      if ('days' in parsed) return parsed.days;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  /** A full scan also runs on this timer, besides on every change and on request: the clock alone moves certificates across thresholds. */
  CERTGATE_ALERT_SCAN_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(10, 'must be at least 10 seconds')
    .max(86_400, 'must be at most 86400 seconds (one day)')
    .default(3600),
};
