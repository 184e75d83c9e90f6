import type { Command } from 'commander';
import { ChainVerifier, type ChainVerdict } from '@certgate/contracts';
import type { AuditFilters, AuditListed } from '../api/certgate-api';
import { act, group, intOption, leaf, type Ctx } from '../cli/command-kit';
import { readInputFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { CliError } from '../console/console-target';

const AUDIT_COLUMNS: Column<AuditListed>[] = [
  { header: 'TIME', value: (r) => r.at },
  { header: 'WHO', value: (r) => r.who.operator ?? r.who.kind },
  { header: 'VIA', value: (r) => `${r.who.surface} ${r.who.address}` },
  { header: 'OPERATION', value: (r) => r.what.operation },
  { header: 'OBJECT', value: (r) => r.what.object },
  { header: 'OUTCOME', value: (r) => `${r.outcome.status} ${r.outcome.code ?? r.outcome.result}` },
  { header: 'RECORD', value: (r) => r.index },
];

interface FilterOptions {
  since?: string;
  until?: string;
  operator?: string;
  object?: string;
  outcome?: string;
}

const filtersOf = (o: FilterOptions): AuditFilters => ({ since: o.since, until: o.until, operator: o.operator, object: o.object, outcome: o.outcome });

function withFilters(cmd: Command): Command {
  return cmd
    .option('--since <time>', 'records from this time on: ISO 8601, or a duration ago (15m, 2h, 1d)')
    .option('--until <time>', 'records up to this time: ISO 8601, or a duration ago')
    .option('--operator <name>', 'changes by this operator (admin-token: the bootstrap token; anonymous: callers without valid credentials)')
    .option('--object <path>', 'changes to this object or below it (/ingress/trusted-roots)')
    .option('--outcome <outcome>', 'ok, refused, failed; or an HTTP status (403) or class (4xx)');
}

/** `certgate audit`: who changed what and when; an export as JSON lines; and a check of the hash chain. */
export function registerAudit(program: Command, io: CliIo): void {
  const audit = group(program, 'audit', 'the audit trail: every change through the admin API, hash-chained', [
    'certgate audit --operator sam --since 1d',
    'certgate audit verify',
  ]);

  withFilters(
    leaf(
      audit,
      'list',
      'the newest matching records, oldest first (the default command of audit)',
      ['certgate audit list --object /ingress/trusted-roots', 'certgate audit --outcome refused --since 2h -o json'],
      { isDefault: true },
    ),
  )
    .option('--limit <n>', 'at most this many records (1-1000, default 100)', intOption(1, 1000))
    .option('--cursor <cursor>', 'the page before the one that named this cursor (printed on stderr when older records exist)')
    .action(
      act(io, async (ctx, opts: FilterOptions & { limit?: number; cursor?: string }) => {
        const page = await ctx.api.audit.read({ ...filtersOf(opts), limit: opts.limit, cursor: opts.cursor });
        ctx.list(page.records, AUDIT_COLUMNS);
        if (page.nextCursor) ctx.note(`older records: add --cursor ${page.nextCursor}`);
      }),
    );

  withFilters(
    leaf(audit, 'export', 'every matching record as JSON lines, oldest first (unfiltered, it can be verified offline)', [
      'certgate audit export --out audit.jsonl',
      'certgate audit export --since 30d --operator sam',
    ]),
  )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--force', 'overwrite the file')
    .action(
      act(io, async (ctx, opts: FilterOptions & { out?: string; force?: boolean }) => {
        const file = await ctx.api.audit.export(filtersOf(opts));
        if (opts.out) ctx.save(file, opts.out, opts.force);
        else ctx.io.out.write(file.bytes);
      }),
    );

  leaf(audit, 'verify', 'checks the hash chain: names every record that was edited or removed; exit code 1 when one was', [
    'certgate audit verify',
    'certgate audit verify --file audit.jsonl',
  ])
    .option('--file <file>', "an unfiltered export (certgate audit export) to check offline, instead of the console's trail")
    .action(
      act(io, async (ctx, opts: { file?: string }) => {
        const lines = opts.file ? readInputFile(opts.file, 'audit export').toString('utf8') : (await ctx.api.audit.export({})).bytes.toString('utf8');
        report(ctx, verifyLines(lines), opts.file ?? 'the audit trail');
      }),
    );
}

/** The verdict over an export: each line a record with its stream sequence. */
export function verifyLines(text: string): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      record = undefined;
    }
    const seq = (record as { seq?: unknown } | undefined)?.seq;
    verifier.add({ seq: typeof seq === 'number' ? seq : undefined, record });
  }
  return verifier.verdict();
}

function report(ctx: Ctx, verdict: ChainVerdict, source: string): void {
  if (ctx.format !== 'table') ctx.print(JSON.stringify(verdict, null, ctx.format === 'json' ? 2 : undefined));
  else if (verdict.ok) {
    const span = verdict.records === 0 ? 'no records yet' : `records ${verdict.first}–${verdict.last}, head ${verdict.lastHash?.slice(0, 16)}…`;
    ctx.print(`chain intact: ${verdict.records} records checked (${span})`);
    if ((verdict.first ?? 1) > 1) ctx.print(`records before ${verdict.first} were removed by the stream's retention (age or size limit)`);
  }
  if (!verdict.ok) {
    const lines = verdict.breaks.map((b) => `  ${b.message}`).join('\n');
    throw new CliError(`the audit chain of ${source} is broken (${verdict.breaks.length} problem${verdict.breaks.length === 1 ? '' : 's'}):\n${lines}`);
  }
}
