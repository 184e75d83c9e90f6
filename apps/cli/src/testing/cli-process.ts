import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The checkout this file belongs to, and the `certgate` a user runs. */
export const CHECKOUT = resolve(__dirname, '../../../..');
export const CERTGATE_BIN = join(CHECKOUT, 'apps/cli/bin/certgate.js');

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** `node apps/cli/bin/certgate.js <args>` as a user runs it, to its end. */
export function runCertgate(args: string[], env: Record<string, string>, cwd = CHECKOUT): Promise<CliResult> {
  const run = new CertgateProcess(args, env, cwd);
  return run.exited.then((code) => ({ code, out: run.out.join('\n'), err: run.err.join('\n') }));
}

/** A long-running `certgate` (logs --follow, alerts watch): lines as they come, Ctrl-C to stop. */
export class CertgateProcess {
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: (() => void)[] = [];

  constructor(args: string[], env: Record<string, string>, cwd = CHECKOUT) {
    this.child = spawn(process.execPath, [CERTGATE_BIN, ...args], { cwd, env: { ...process.env, ...env } });
    const lines = (into: string[]) => {
      let rest = '';
      const flush = (chunk: Buffer | undefined) => {
        const parts = (rest + (chunk?.toString('utf8') ?? '\n')).split('\n');
        rest = parts.pop() ?? '';
        into.push(...parts);
        for (const wake of this.waiters.splice(0)) wake();
      };
      return { data: (c: Buffer) => flush(c), end: () => rest && flush(undefined) };
    };
    const out = lines(this.out);
    const err = lines(this.err);
    this.child.stdout.on('data', out.data).on('end', out.end);
    this.child.stderr.on('data', err.data).on('end', err.end);
    this.exited = new Promise((resolve) =>
      this.child.once('close', (code) => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve(code);
      }),
    );
  }

  /** Resolves once `done()` holds; the test's timeout is the only limit. */
  async until(done: () => boolean): Promise<void> {
    let ended = false;
    void this.exited.then(() => (ended = true));
    while (!done()) {
      if (ended) throw new Error(`certgate exited early:\n${this.err.join('\n')}`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}
