const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `dd/Mon/yyyy:HH:mm:ss +0000`, always UTC (the common log format's timestamp). */
export function formatLogTime(date: Date): string {
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** `yyyy-mm-dd` in UTC: the date part of the daily log file names. */
export function logDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A value written into a log line never contains a control character: a certificate
 * CN or a path with a line break could otherwise forge a second line.
 */
export function logSafe(value: string): string {
  return value.replace(/\p{Cc}/gu, '?');
}
