import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../net/free-port';
import { natsServerBinary } from './nats-process';

export interface NatsClusterNode {
  /** `server_name`, as JetStream names peers and leaders (`n1`, `n2`, ...). */
  readonly name: string;
  /** Client URL of this node alone. */
  readonly url: string;
  readonly clientPort: number;
  /** Route port; undefined for a plain single server. */
  readonly clusterPort: number | undefined;
  /** HTTP monitoring port (`/healthz`, `/jsz`, `/connz`). */
  readonly monitorPort: number;
  /** JetStream store (`-sd`), kept across `kill` and `start` so a restarted node recovers from it. */
  readonly storeDir: string;
  /** PID of the running process; undefined while the node is down. */
  readonly pid: number | undefined;
  /** Every line the server wrote, over all its runs. */
  readonly lines: string[];
  /** Sends `signal` (default SIGKILL: a crash) to the PID and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the node again on the same ports with the same store dir; resolves once it answers `/healthz`. */
  start(): Promise<void>;
  /** GET on the monitoring port, e.g. `jsz?streams=true`; rejects when the node is down. */
  monitor<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T }>;
}

export interface NatsCluster {
  readonly name: string;
  readonly nodes: NatsClusterNode[];
  /** Every node's client URL. */
  readonly urls: string[];
  /** The URLs comma-separated, as NATS_URL takes them. */
  readonly url: string;
  /** Stops every running node by PID and removes every store dir. */
  stop(): Promise<void>;
}

export interface NatsClusterOptions {
  /** Number of nodes (default 3). One node is a plain server: no routes, no cluster block. */
  nodes?: number;
  /** Cluster name (`--cluster_name`). */
  name?: string;
  /** How long each start waits for the node (and, clustered, a JetStream meta leader). Default 30 s. */
  readyTimeoutMs?: number;
}

/**
 * nats-server processes of the test's own, clustered with JetStream on loopback ports:
 * each node has its own client, route and monitoring port and its own store dir, and
 * routes to every other node. A test can crash one by PID and start it again on the
 * same store, as an operator's restarted machine would.
 */
export async function startNatsCluster(opts: NatsClusterOptions = {}): Promise<NatsCluster> {
  const binary = natsServerBinary();
  if (!binary) throw new Error('no nats-server binary on PATH or at /usr/sbin/nats-server');
  const size = opts.nodes ?? 3;
  const clusterName = opts.name ?? `certgate-test-${process.pid}`;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;
  const ports: { client: number; cluster?: number; monitor: number }[] = [];
  for (let i = 0; i < size; i++) {
    ports.push({ client: await freePort(), cluster: size > 1 ? await freePort() : undefined, monitor: await freePort() });
  }
  const nodes = ports.map((p, i) => {
    const routes = ports.filter((_, j) => j !== i).map((o) => `nats://127.0.0.1:${o.cluster}`);
    const args = ['-js', '-sd', '', '-a', '127.0.0.1', '-p', String(p.client), '-n', `n${i + 1}`, '-m', String(p.monitor)];
    if (p.cluster !== undefined) {
      args.push('--cluster', `nats://127.0.0.1:${p.cluster}`, '--cluster_name', clusterName, '--routes', routes.join(','));
    }
    return new NodeProcess(binary, `n${i + 1}`, p.client, p.cluster, p.monitor, args, readyTimeoutMs);
  });
  const cluster: NatsCluster = {
    name: clusterName,
    nodes,
    urls: nodes.map((n) => n.url),
    url: nodes.map((n) => n.url).join(','),
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stopAndRemove()));
    },
  };
  try {
    // Together: a clustered node only reports healthy once a JetStream meta leader is elected.
    await Promise.all(nodes.map((n) => n.start()));
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return cluster;
}

class NodeProcess implements NatsClusterNode {
  readonly url: string;
  readonly storeDir: string;
  readonly lines: string[] = [];
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    private readonly binary: string,
    readonly name: string,
    readonly clientPort: number,
    readonly clusterPort: number | undefined,
    readonly monitorPort: number,
    private readonly args: string[],
    private readonly readyTimeoutMs: number,
  ) {
    this.url = `nats://127.0.0.1:${clientPort}`;
    this.storeDir = mkdtempSync(join(tmpdir(), `certgate-nats-${name}-`));
    this.args[this.args.indexOf('-sd') + 1] = this.storeDir;
  }

  get pid(): number | undefined {
    return this.child && this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  async start(): Promise<void> {
    if (this.pid !== undefined) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const child = spawn(this.binary, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + this.readyTimeoutMs;
    let last = 'no answer';
    for (;;) {
      if (this.pid === undefined) throw new Error(`nats-server ${this.name} exited during start:\n${this.lines.slice(-10).join('\n')}`);
      const health = await this.monitor<{ status?: string; error?: string }>('healthz').catch((err: Error) => ({ status: 0, body: { error: err.message } }));
      if (health.status === 200) return;
      last = health.body.error ?? `HTTP ${health.status}`;
      if (Date.now() > deadline)
        throw new Error(`nats-server ${this.name} not healthy after ${this.readyTimeoutMs} ms (${last}):\n${this.lines.slice(-10).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    process.kill(pid, signal);
    await this.exited;
  }

  async monitor<T>(path: string): Promise<{ status: number; body: T }> {
    const res = await fetch(`http://127.0.0.1:${this.monitorPort}/${path}`, { signal: AbortSignal.timeout(2_000) });
    return { status: res.status, body: (await res.json()) as T };
  }

  async stopAndRemove(): Promise<void> {
    const pid = this.pid;
    if (pid !== undefined) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => this.pid !== undefined && process.kill(pid, 'SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
