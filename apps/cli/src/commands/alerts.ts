import { Argument, Option, type Command } from 'commander';
import { CERTIFICATE_SOURCES, type AlertMute, type CertificateAlert } from '@certgate/contracts';
import { watchAlerts } from '../alerts/watch-alerts';
import { ExchangeLog } from '../api/exchange-log';
import { act, group, intOption, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { resolveConsoleTarget } from '../console/console-target';

const ALERT_COLUMNS: Column<CertificateAlert>[] = [
  { header: 'RAISED', value: (a) => a.raisedAt },
  { header: 'TYPE', value: (a) => a.type },
  { header: 'THRESHOLD', value: (a) => a.threshold },
  { header: 'DAYS LEFT', value: (a) => a.daysLeft },
  { header: 'SOURCE', value: (a) => a.source },
  { header: 'REF', value: (a) => a.ref },
  { header: 'SUBJECT', value: (a) => a.subjectDN },
  { header: 'NOT AFTER', value: (a) => a.notAfter },
];
const MUTE_COLUMNS: Column<AlertMute>[] = [
  { header: 'SOURCE', value: (m) => m.source },
  { header: 'REASON', value: (m) => m.reason },
  { header: 'MUTED', value: (m) => m.mutedAt },
];

const sourceArgument = () => new Argument('<source>', 'where the certificates come from').choices(CERTIFICATE_SOURCES);

/** `certgate alerts ...`: expiry alerts raised, scans, mutes, and the live watch. */
export function registerAlerts(program: Command, io: CliIo): void {
  const alerts = group(program, 'alerts', 'certificate expiry alerts', [
    'certgate alerts list',
    'certgate alerts watch',
    'certgate alerts mute flow --reason "renewed by cert-manager"',
  ]);

  leaf(alerts, 'list', 'the newest alerts raised, oldest first', ['certgate alerts list --limit 20'])
    .option('--limit <n>', 'how many (1-1000, default 100)', intOption(1, 1000))
    .action(act(io, async (ctx, opts: { limit?: number }) => ctx.list(await ctx.api.alerts.list(opts.limit), ALERT_COLUMNS)));

  leaf(alerts, 'scan', 'scan every certificate now and raise the alerts that are due', ['certgate alerts scan']).action(
    act(io, async (ctx) => {
      const result = await ctx.spin('scanning every certificate', () => ctx.api.alerts.scan());
      ctx.item(result, [
        { header: 'CERTIFICATES', value: (r) => r.certificates },
        { header: 'RAISED', value: (r) => r.raised },
        { header: 'DURATION MS', value: (r) => r.durationMs },
      ]);
    }),
  );

  alerts
    .command('watch')
    .description('print expiry alerts as they are raised, one line each; reconnects when the console restarts, Ctrl-C stops')
    .option('--json', 'print each alert as the raw JSON it was published as, one per line')
    .option('--since <seq>', 'first replay the alerts after this stream sequence (0: every alert still kept)', intOption(0, Number.MAX_SAFE_INTEGER))
    .addOption(
      new Option('-o, --output <format>', 'table: one line per alert; json: the raw JSON per line (as --json)').choices(['table', 'json']).default('table'),
    )
    .addHelpText('after', '\nExamples:\n  $ certgate alerts watch\n  $ certgate alerts watch --json --since 0 | jq .ref\n')
    .action(async (opts: { json?: boolean; since?: number; output: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<{ url?: string; token?: string }>();
      await watchAlerts({
        target: resolveConsoleTarget({ url: globals.url, token: globals.token }, io.env),
        json: opts.json === true || opts.output === 'json',
        since: opts.since,
        out: io.out,
        err: io.err,
        signal: io.signal,
        log: ExchangeLog.fromEnv(io.env),
      });
    });

  leaf(alerts, 'mutes', 'list the sources whose alerts are muted', ['certgate alerts mutes']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.alerts.mutes(), MUTE_COLUMNS)),
  );

  leaf(alerts, 'mute', 'mute the alerts of a source; the inventory still lists its certificates', [
    'certgate alerts mute flow --reason "short-lived, renewed automatically"',
  ])
    .addArgument(sourceArgument())
    .option('--reason <text>', 'why, for the next operator')
    .action(
      act(io, async (ctx, opts: { reason?: string }) => {
        ctx.item(await ctx.api.alerts.mute(ctx.args<[string]>()[0], opts.reason), MUTE_COLUMNS);
      }),
    );

  leaf(alerts, 'unmute', 'unmute the alerts of a source', ['certgate alerts unmute flow'])
    .addArgument(sourceArgument())
    .action(
      act(io, async (ctx) => {
        const [source] = ctx.args<[string]>();
        await ctx.api.alerts.unmute(source);
        ctx.done(`alerts of ${source} are no longer muted`);
      }),
    );
}
