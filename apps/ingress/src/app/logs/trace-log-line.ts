import { formatLogTime, logSafe } from './log-format';

export type TraceLevel = 'info' | 'warn' | 'error';

export interface TraceEntry {
  time: Date;
  level: TraceLevel;
  /** What happened, e.g. `tls.rejected`, `runtime.denied`, `route.not_found`. */
  event: string;
  requestId?: string;
  ip?: string;
  reason?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** `<ip> [<time>] <LEVEL> <event> <requestId> reason=<reason> - <message>`: one rejection and why. */
export function traceLogLine(e: TraceEntry): string {
  const reason = e.reason ? ` reason=${logSafe(e.reason)}` : '';
  return `${logSafe(e.ip ?? '-')} [${formatLogTime(e.time)}] ${e.level.toUpperCase()} ${e.event} ${e.requestId ?? '-'}${reason} - ${logSafe(e.message)}`;
}
