import type { Command } from 'commander';
import type { LogFilters, LogKind, LogRecordOf } from '../api/certgate-api';
import { act, group, intOption, leaf, type Ctx } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import { renderData } from '../cli/output';
import { followLogs } from '../logs/follow-logs';
import { LOG_COLUMNS, logLine } from '../logs/log-views';

type Filter = 'status' | 'who' | 'requestId' | 'flowId' | 'address';

interface LogOptions {
  since?: string;
  until?: string;
  status?: string;
  who?: string;
  requestId?: string;
  flowId?: string;
  address?: string;
  limit?: number;
  cursor?: string;
  after?: number;
  follow?: boolean;
  interval: number;
}

/** Which filters each log takes (the console refuses the others with unknown_parameter). */
const FILTERS: Record<LogKind, Filter[]> = {
  access: ['status', 'who', 'requestId', 'address'],
  trace: ['requestId'],
  messages: ['status', 'who', 'requestId', 'flowId', 'address'],
};

const DESCRIPTIONS: Record<LogKind, string> = {
  access: 'HTTP access log of every ingress replica',
  trace: 'trace log: every rejection with its reason',
  messages: 'message processing log: one record per message a flow handled',
};

const EXAMPLES: Record<LogKind, string[]> = {
  access: ['certgate logs access --status 4xx --since 1h', 'certgate logs access --who "sb-sender-a!k1" --follow'],
  trace: ['certgate logs trace --since 15m', 'certgate logs trace --request-id 7f3a9c --output json'],
  messages: ['certgate logs messages --flow-id orders --status 5xx', 'certgate logs messages --who "sb-sender-a!k1" --follow'],
};

/** `certgate logs access|trace|messages`: filtered reads of the log streams, paged, or followed. */
export function registerLogs(program: Command, io: CliIo): void {
  const logs = group(program, 'logs', 'access, trace and message processing logs: filter, page back, follow', [
    'certgate logs access --status 401 --since 2h',
    'certgate logs messages --flow-id orders --follow',
  ]);
  for (const kind of ['access', 'trace', 'messages'] as const) {
    const cmd = leaf(logs, kind, `${DESCRIPTIONS[kind]} (the newest matching records, oldest first)`, EXAMPLES[kind])
      .option('--since <time>', 'records from this time on: ISO 8601, or a duration ago (15m, 2h, 1d)')
      .option('--until <time>', 'records up to this time: ISO 8601, or a duration ago');
    const filters = FILTERS[kind];
    if (filters.includes('status')) cmd.option('--status <status>', 'HTTP status (401) or class (4xx, 5xx)');
    if (filters.includes('who')) cmd.option('--who <principal>', kind === 'access' ? 'who called (the access log who field)' : 'the principal of the message');
    if (filters.includes('requestId')) cmd.option('--request-id <id>', 'one ingress request (links access, trace and message records)');
    if (filters.includes('flowId')) cmd.option('--flow-id <id>', 'the flow that handled the message');
    if (filters.includes('address')) cmd.option('--address <address>', kind === 'access' ? 'calls of a flow address (/orders)' : 'the flow address (/orders)');
    cmd
      .option('--limit <n>', 'at most this many records (1-1000, default 100)', intOption(1, 1000))
      .option('--cursor <cursor>', 'the page before the one that named this cursor (printed on stderr when older records exist)')
      .option('--after <seq>', 'only records after this stream sequence', intOption(0, Number.MAX_SAFE_INTEGER))
      .option('-f, --follow', 'keep printing new records as they come, one line each (json: one object per line); Ctrl-C stops')
      .option('--interval <ms>', 'how often --follow asks for new records', intOption(100, 60_000), 1000)
      .action(act(io, (ctx, opts: LogOptions) => readLog(ctx, kind, opts)));
  }
}

async function readLog<K extends LogKind>(ctx: Ctx, kind: K, opts: LogOptions): Promise<void> {
  const filters: LogFilters = {
    limit: opts.limit,
    since: opts.since,
    until: opts.until,
    status: opts.status,
    who: opts.who,
    requestId: opts.requestId,
    flowId: opts.flowId,
    address: opts.address,
    cursor: opts.cursor,
    after: opts.after,
  };
  if (opts.follow) {
    if (opts.cursor) ctx.usage('--cursor pages back; --follow goes forward: use one of them');
    return followLogs({
      api: ctx.api,
      kind,
      filters,
      print: (record) => ctx.print(recordLine(ctx, kind, record)),
      note: (line) => ctx.note(line),
      signal: ctx.io.signal,
      intervalMs: opts.interval,
    });
  }
  const page = await ctx.api.logs.read(kind, filters);
  ctx.list(page.records, LOG_COLUMNS[kind] as never);
  if (page.nextCursor) ctx.note(`older records: add --cursor ${page.nextCursor}`);
}

function recordLine<K extends LogKind>(ctx: Ctx, kind: K, record: LogRecordOf[K]): string {
  if (ctx.format === 'json') return JSON.stringify(record);
  if (ctx.format === 'yaml') return `---\n${renderData(record, 'yaml')}`;
  return logLine(kind, record);
}
