import { CommanderError } from 'commander';
import { CliError } from './console/console-target';
import { buildProgram } from './program';

async function main(): Promise<number> {
  const stop = new AbortController();
  // Ctrl-C ends a watch; a second one exits at once.
  const onSignal = () => (stop.signal.aborted ? process.exit(130) : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await buildProgram({ out: process.stdout, err: process.stderr, env: process.env, signal: stop.signal }).parseAsync(process.argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`certgate: ${err instanceof CliError ? err.message : ((err as Error).stack ?? String(err))}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

void main().then((code) => {
  process.exitCode = code;
});
