import type { CertgateApi, LogFilters, LogKind, LogRecordOf } from '../api/certgate-api';
import { ApiError, CONSOLE_UNREACHABLE } from '../api/api-error';
import { CliError } from '../console/console-target';

export interface FollowOptions<K extends LogKind> {
  api: CertgateApi;
  kind: K;
  /** The filters of the first read; every later read keeps them and asks only for records `after` the last one. */
  filters: LogFilters;
  /** Called for each record, oldest first, each once. */
  print: (record: LogRecordOf[K]) => void;
  /** Status lines (console away, back). */
  note: (line: string) => void;
  signal: AbortSignal;
  intervalMs: number;
}

/**
 * `logs ... --follow`: prints the newest matching records, then polls with
 * `after=<seq of the last one printed>` and prints what came since, until Ctrl-C.
 * A console that is away or busy (503) is waited for; other refusals end it.
 */
export async function followLogs<K extends LogKind>(opts: FollowOptions<K>): Promise<void> {
  const { cursor: _cursor, after: firstAfter, ...filters } = opts.filters;
  let after = firstAfter;
  let away: string | undefined;
  while (!opts.signal.aborted) {
    let full = false;
    try {
      const page = await opts.api.logs.read(opts.kind, after === undefined ? opts.filters : { ...filters, after }, opts.signal);
      if (away) opts.note(`back: ${away} is over`);
      away = undefined;
      if (page.records.some((r) => typeof r.seq !== 'number')) {
        throw new CliError('the console does not number its log records (no seq): --follow needs a console that supports ?after=<seq>');
      }
      for (const record of page.records) {
        if (record.seq !== undefined && after !== undefined && record.seq <= after) continue;
        opts.print(record);
        if (record.seq !== undefined) after = Math.max(after ?? 0, record.seq);
      }
      // No records yet: from now on, only what comes after the start of the stream.
      after ??= 0;
      full = page.records.length >= (filters.limit ?? 100);
    } catch (err) {
      if (opts.signal.aborted) return;
      if (!(err instanceof ApiError) || !(err.code === CONSOLE_UNREACHABLE || err.status === 503)) throw err;
      if (away !== err.code) opts.note(`${err.message}; retrying every ${opts.intervalMs / 1000} s`);
      away = err.code;
    }
    // A full page: more are waiting, read on at once.
    if (!full) await sleep(opts.intervalMs, opts.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
