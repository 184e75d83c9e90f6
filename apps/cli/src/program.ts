import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { watchAlerts } from './alerts/watch-alerts';
import { DEFAULT_CONSOLE_URL, resolveConsoleTarget } from './console/console-target';

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C / SIGTERM: long-running commands end and the process exits 0. */
  signal: AbortSignal;
}

const VERSION = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

/**
 * `certgate`: the command line over the console REST API (design §1). One
 * sub-command group per area (`alerts` now), each command a thin layer over a
 * function that takes its options and writes to the given streams.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('certgate')
    .description('certgate command line: talks to the console REST API')
    .version(VERSION)
    .option('--url <url>', `console API base URL (env CERTGATE_CONSOLE_URL; default ${DEFAULT_CONSOLE_URL})`)
    .option('--token <token>', 'admin token (env CERTGATE_ADMIN_TOKEN; default: the one npm start saved in .certgate/data/dev-secrets.json)')
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError()
    .exitOverride();

  const alerts = program.command('alerts').description('certificate expiry alerts');
  alerts
    .command('watch')
    .description('print expiry alerts as they are raised, one line each; reconnects when the console restarts, Ctrl-C stops')
    .option('--json', 'print each alert as the raw JSON it was published as, one per line')
    .option('--since <seq>', 'first replay the alerts after this stream sequence (0: every alert still kept)', nonNegativeInt)
    .action(async (opts: { json?: boolean; since?: number }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<{ url?: string; token?: string }>();
      await watchAlerts({
        target: resolveConsoleTarget({ url: globals.url, token: globals.token }, io.env),
        json: opts.json ?? false,
        since: opts.since,
        out: io.out,
        err: io.err,
        signal: io.signal,
      });
    });

  return program;
}

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a stream sequence (0 or a positive integer)');
  return Number(value);
}
