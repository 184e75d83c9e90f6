const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The last second formatted: every line of that second reuses it. */
let cachedSecond = Number.NaN;
let cachedText = '';

/** `dd/Mon/yyyy:HH:mm:ss +0000`, always UTC (the common log format's timestamp). */
export function formatLogTime(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== cachedSecond) {
    cachedText = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
    cachedSecond = second;
  }
  return cachedText;
}

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedDayText = '';

/** `yyyy-mm-dd` in UTC: the date part of the daily log file names. */
export function logDay(date: Date): string {
  const day = Math.floor(date.getTime() / DAY_MS);
  if (day !== cachedDay) {
    cachedDayText = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    cachedDay = day;
  }
  return cachedDayText;
}

/**
 * A value written into a log line never contains a control character: a certificate
 * CN or a path with a line break could otherwise forge a second line.
 */
export function logSafe(value: string): string {
  return value.replace(/\p{Cc}/gu, '?');
}
