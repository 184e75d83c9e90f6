/** Days before notAfter from which a certificate counts as expiring where the API gives no status (trusted roots). */
export const EXPIRING_DAYS = 30;

export type Validity = 'valid' | 'expiring' | 'expired' | 'not-yet-valid';

const DAY = 86_400_000;

/** Whole days from `now` to `iso` (negative when it is past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.floor((Date.parse(iso) - now) / DAY);
}

export function validityOf(notBefore: string, notAfter: string, now = Date.now()): Validity {
  if (Date.parse(notAfter) <= now) return 'expired';
  if (Date.parse(notBefore) > now) return 'not-yet-valid';
  return daysUntil(notAfter, now) < EXPIRING_DAYS ? 'expiring' : 'valid';
}

/** A date for a table cell: `2026-03-01` (UTC, as the API and the logs have it). */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** A moment for a table cell: `2026-03-01 14:05 UTC`. */
export function moment(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `3 d 4 h`, `12 min`, `40 s`. */
export function duration(seconds: number): string {
  if (seconds >= 86_400) return `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3600)} h`;
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds)} s`;
}

/** `ab:cd:…` shortened for display: the first and last 8 hex digits. */
export function shortFingerprint(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}
