import { runCli } from './cli/run';

async function main(): Promise<number> {
  const stop = new AbortController();
  // Ctrl-C ends a watch or a follow; a second one exits at once.
  const onSignal = () => (stop.signal.aborted ? process.exit(130) : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env, signal: stop.signal, in: process.stdin });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

void main().then((code) => {
  process.exitCode = code;
});
