export interface RetryBackoff {
  baseMs: number;
  maxMs: number;
}

/**
 * Wait before the next attempt after `failedAttempts` failures in a row: base, 2×base,
 * 4×base … capped at max (1 s → 2 → 4 … → 5 min by default), so a receiver that is
 * down for a day gets one call every five minutes, not a flood when it comes back.
 */
export function retryDelayMs(failedAttempts: number, backoff: RetryBackoff): number {
  const exponent = Math.max(0, Math.floor(failedAttempts) - 1);
  // 2^31 × 1 ms is already past any cap; stops the doubling before it overflows.
  if (exponent >= 31) return backoff.maxMs;
  return Math.min(backoff.baseMs * 2 ** exponent, backoff.maxMs);
}
