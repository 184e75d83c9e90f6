import { CommanderError } from 'commander';
import { ApiError } from '../api/api-error';
import { CliError } from '../console/console-target';
import { buildProgram } from '../program';
import type { CliIo } from './io';

/** 0: done; 1: the console refused or could not be reached, or a local problem (a file); 2: usage error. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/**
 * Runs one command line and returns its exit code. Commander has printed its own
 * messages (usage errors, help); an ApiError is printed as `error <code>: <message>`,
 * another CliError as `certgate: <message>`, anything else with its stack.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    // Help and --version end with 0; commander's own errors (exit code 1) are usage errors; a command
    // that ends itself with a CommanderError of its own code (a usage error, a diff with changes) keeps it.
    if (err instanceof CommanderError) return err.code.startsWith('commander.') && err.exitCode !== 0 ? EXIT.usage : err.exitCode;
    if (err instanceof ApiError) io.err.write(`${err.message}\n`);
    else io.err.write(`certgate: ${err instanceof CliError ? err.message : ((err as Error).stack ?? String(err))}\n`);
    return EXIT.refused;
  }
}
