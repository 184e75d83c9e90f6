import type { LogKind, LogRecordOf } from '../api/certgate-api';
import { logfmt, type Column } from '../cli/output';

type Columns = { [K in LogKind]: Column<LogRecordOf[K]>[] };

/** The columns of each log, for tables and (as `key=value`) for the lines of --follow. */
export const LOG_COLUMNS: Columns = {
  access: [
    { header: 'TIME', value: (r) => r.time },
    { header: 'STATUS', value: (r) => r.status },
    { header: 'METHOD', value: (r) => r.method },
    { header: 'PATH', value: (r) => r.path },
    { header: 'WHO', value: (r) => r.who },
    { header: 'MS', value: (r) => r.durationMs },
    { header: 'IP', value: (r) => r.ip },
    { header: 'REQUEST ID', value: (r) => r.requestId },
  ],
  trace: [
    { header: 'TIME', value: (r) => r.time },
    { header: 'LEVEL', value: (r) => r.level },
    { header: 'EVENT', value: (r) => r.event },
    { header: 'REASON', value: (r) => r.reason },
    { header: 'MESSAGE', value: (r) => r.message },
    { header: 'REQUEST ID', value: (r) => r.requestId },
  ],
  messages: [
    { header: 'TIME', value: (r) => r.time },
    { header: 'STATUS', value: (r) => r.status },
    { header: 'OUTCOME', value: (r) => r.outcome },
    { header: 'FLOW', value: (r) => r.flowId },
    { header: 'ADDRESS', value: (r) => r.address },
    { header: 'PRINCIPAL', value: (r) => r.principal },
    { header: 'MS', value: (r) => r.durationMs },
    { header: 'ERROR', value: (r) => r.error },
    { header: 'REQUEST ID', value: (r) => r.requestId },
  ],
};

/** One record as one line: the time first, then `key=value` of the other columns (grep- and awk-friendly). */
export function logLine<K extends LogKind>(kind: K, record: LogRecordOf[K]): string {
  const [time, ...rest] = LOG_COLUMNS[kind] as Column<LogRecordOf[K]>[];
  const key = (header: string) => header.toLowerCase().replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
  return `${String(time.value(record))} ${logfmt(rest.map((c) => [key(c.header), c.value(record)]))}`;
}
