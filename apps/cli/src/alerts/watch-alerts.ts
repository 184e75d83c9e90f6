import { certificateAlertSchema } from '@certgate/contracts';
import type { ExchangeLog } from '../api/exchange-log';
import { CliError, type ConsoleTarget } from '../console/console-target';
import { readEventStream } from '../console/event-stream';
import { alertLine } from './alert-line';

export interface WatchOptions {
  target: ConsoleTarget;
  /** Raw JSON lines instead of one readable line per alert. */
  json: boolean;
  /** Replay the alerts after this stream sequence first (0: every alert the stream keeps). */
  since?: number;
  out: NodeJS.WritableStream;
  /** Status lines (connected, reconnecting): never mixed into the alert lines. */
  err: NodeJS.WritableStream;
  /** Ctrl-C: ends the watch cleanly. */
  signal: AbortSignal;
  retryMs?: number;
  /** `CERTGATE_HTTP_LOG`: each connection's status and content type (and a refusal's body), as the API client records its exchanges. */
  log?: ExchangeLog;
}

/**
 * Follows `GET /alerts/watch` and prints each alert as it comes. When the console goes
 * away (restart, network) it reconnects every `retryMs`, resuming after the last event
 * it printed, so an alert raised meanwhile is printed once and none is lost. Returns
 * when `signal` aborts; throws CliError for what retrying cannot fix (the token).
 */
export async function watchAlerts(opts: WatchOptions): Promise<void> {
  const { target, signal } = opts;
  let since = opts.since;
  let connectedBefore = false;
  let outage: string | undefined;
  while (!signal.aborted) {
    try {
      const url = `${target.url}/alerts/watch${since === undefined ? '' : `?since=${since}`}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${target.token}`, accept: 'text/event-stream' }, signal });
      if (!res.ok || !res.body) await refuse(res, target, (body) => record(opts.log, url, res, body));
      record(opts.log, url, res);
      for await (const event of readEventStream(res.body as unknown as AsyncIterable<Uint8Array>)) {
        if (event.id !== undefined && /^\d+$/.test(event.id)) since = Number(event.id);
        if (event.event === 'ready') {
          opts.err.write(connectedBefore ? `reconnected to ${target.url}\n` : `watching certificate alerts at ${target.url} (Ctrl-C to stop)\n`);
          connectedBefore = true;
          outage = undefined;
        } else if (event.event === 'alert') {
          opts.out.write(print(event.data, opts.json) + '\n');
        }
      }
      if (!signal.aborted) outage = note(opts, outage, 'the console closed the stream');
    } catch (err) {
      if (signal.aborted) break;
      if (err instanceof CliError) throw err;
      outage = note(opts, outage, reason(err));
    }
    await sleep(opts.retryMs ?? 1000, signal);
  }
}

function print(data: string, json: boolean): string {
  if (json) return data;
  try {
    const parsed = certificateAlertSchema.safeParse(JSON.parse(data));
    if (parsed.success) return alertLine(parsed.data);
  } catch {
    // not JSON: shown as it came
  }
  return `unreadable alert: ${data}`;
}

/** One status line per outage, not one per retry. */
function note(opts: WatchOptions, current: string | undefined, why: string): string {
  if (current !== why) opts.err.write(`${why}; reconnecting to ${opts.target.url} every ${(opts.retryMs ?? 1000) / 1000} s\n`);
  return why;
}

function record(log: ExchangeLog | undefined, url: string, res: Response, body?: unknown): void {
  const { pathname, searchParams } = new URL(url);
  const contentType = res.headers.get('content-type');
  log?.record({
    time: new Date().toISOString(),
    method: 'GET',
    path: pathname,
    query: Object.fromEntries(searchParams),
    status: res.status,
    ...(contentType && { contentType }),
    ...(body !== undefined && { body }),
  });
}

async function refuse(res: Response, target: ConsoleTarget, recordBody: (body: unknown) => void): Promise<never> {
  const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  recordBody(body);
  const message = body?.message ?? `HTTP ${res.status}`;
  if (res.status === 401 || res.status === 403) throw new CliError(`the console refused the admin token from ${target.tokenSource}: ${message}`);
  if (res.status >= 400 && res.status < 500) throw new CliError(`the console refused the request: ${message}`);
  throw new Error(`the console answered ${res.status}: ${message}`);
}

function reason(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  if (e?.cause?.code) return `console not reachable (${e.cause.code})`;
  return `console not reachable (${e?.cause?.message ?? e?.message ?? String(err)})`;
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
