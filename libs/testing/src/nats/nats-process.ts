import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../net/free-port';

export interface NatsProcess {
  url: string;
  pid: number;
  /** JetStream's store directory (`-sd`): what a test inspects for data at rest. */
  storeDir: string;
  /** Every line the server wrote. */
  lines: string[];
  /** Stops the server by its PID and removes the store directory. */
  stop(): Promise<void>;
}

const FALLBACK_BINARY = '/usr/sbin/nats-server';

/** The nats-server binary on PATH, else Debian's location; undefined when there is none. */
export function natsServerBinary(): string | undefined {
  if (spawnSync('nats-server', ['--version'], { stdio: 'ignore' }).status === 0) return 'nats-server';
  return existsSync(FALLBACK_BINARY) ? FALLBACK_BINARY : undefined;
}

/**
 * A nats-server of the test's own with JetStream, on a free port of 127.0.0.1, its store
 * in a fresh temp directory, for tests that must know where the data lands on disk.
 */
export async function startNatsProcess(opts: { readyTimeoutMs?: number } = {}): Promise<NatsProcess> {
  const binary = natsServerBinary();
  if (!binary) throw new Error(`no nats-server binary on PATH or at ${FALLBACK_BINARY}`);
  const storeDir = mkdtempSync(join(tmpdir(), 'certgate-nats-'));
  const port = await freePort();
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  let gone = false;
  void exited.then(() => (gone = true));
  const pid = child.pid;
  const stop = async () => {
    if (pid !== undefined && !gone) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => !gone && process.kill(pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(storeDir, { recursive: true, force: true });
  };
  if (pid === undefined) {
    await stop();
    throw new Error(`could not start ${binary}`);
  }
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 20_000);
  while (!(await answersInfo(port))) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`nats-server on port ${port} did not answer:\n${lines.slice(-10).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `nats://127.0.0.1:${port}`, pid, storeDir, lines, stop };
}

/** A NATS server greets every new connection with an `INFO {...}` line. */
function answersInfo(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString('utf8').startsWith('INFO ')));
    socket.once('error', () => done(false));
  });
}
