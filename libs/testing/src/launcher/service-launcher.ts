import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { NatsConnection } from 'nats';
import { healthDiscoverContract, type ServiceName } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';

export const REPO_ROOT = resolve(__dirname, '../../../..');

export interface LaunchedService {
  service: ServiceName;
  nodeId: string;
  pid: number;
  /** Every line the process wrote (JSON logs on stdout, anything on stderr). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface LaunchOptions {
  services: ServiceName[];
  /** Env for every service (harness env: NATS_URL, CERTGATE_TENANT, ...). */
  env: Record<string, string>;
  /** Per-service extra env. */
  envOf?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Used to wait until every service answers health over NATS. */
  nc: NatsConnection;
  readyTimeoutMs?: number;
  /** The checkout to run the services from (default: this one); the bench compares another commit's with it. */
  root?: string;
}

export interface LaunchedSystem {
  services: LaunchedService[];
  /** SIGTERM to every PID, SIGKILL after `graceMs`; resolves with how each one exited. */
  stop(graceMs?: number): Promise<{ service: ServiceName; code: number | null; signal: NodeJS.Signals | null }[]>;
  logsOf(service: ServiceName): string[];
}

/** Command that runs a service from source, as `npm start` does. */
export function serviceCommand(service: ServiceName): string[] {
  return [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join('apps', service, 'src', 'main.ts')];
}

/**
 * A 64 MiB young generation: the request path allocates many short-lived objects, and
 * the default size had the ingress collecting ~13 times a second (1-3 ms pauses).
 * Measured with npm run bench: keep-alive 0.27x -> 0.31x of bare Node, p99 at half of
 * peak 24.6 -> 11.7 ms. Same flag in tools/start.mjs and the Docker image.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * Starts services as child processes (as in production: one process each) and waits
 * until every one answers the NATS health discovery. Stops them by PID.
 */
export async function launchServices(opts: LaunchOptions): Promise<LaunchedSystem> {
  // Unique per launch: a second launch in one test process must not be mistaken for the first.
  const launchId = randomBytes(3).toString('hex');
  const services = opts.services.map((service, i) =>
    spawnService(service, `${service}-${launchId}-${i}`, { ...opts.env, ...opts.envOf?.[service] }, opts.root ?? REPO_ROOT),
  );
  const system: LaunchedSystem = {
    services,
    logsOf: (service) => services.filter((s) => s.service === service).flatMap((s) => s.lines),
    stop: (graceMs = 10_000) => Promise.all(services.map(async (s) => ({ service: s.service, ...(await stopProcess(s, graceMs)) }))),
  };
  try {
    await waitUntilHealthy(opts.nc, opts.env.CERTGATE_TENANT, services, opts.readyTimeoutMs ?? 30_000);
  } catch (err) {
    await system.stop(2_000);
    throw err;
  }
  return system;
}

function spawnService(service: ServiceName, nodeId: string, env: Record<string, string>, root: string): LaunchedService {
  const child = spawn(process.execPath, serviceCommand(service), {
    cwd: root,
    env: { ...process.env, METRICS_PORT: '0', LOG_LEVEL: 'info', ...env, CERTGATE_NODE_ID: nodeId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  if (child.pid === undefined) throw new Error(`could not start ${service}`);
  return { service, nodeId, pid: child.pid, lines, exited };
}

async function waitUntilHealthy(nc: NatsConnection, tenant: string, services: LaunchedService[], timeoutMs: number): Promise<void> {
  const rpc = new RpcClient(nc, tenant);
  const deadline = Date.now() + timeoutMs;
  let dead: LaunchedService | undefined;
  for (const s of services) void s.exited.then(() => (dead ??= s));
  let up = new Set<string>();
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${dead.service} exited during start-up:\n${dead.lines.slice(-15).join('\n')}`);
    up = new Set((await rpc.requestAll(healthDiscoverContract, {}, { maxWaitMs: 200 })).map((r) => r.nodeId));
    if (services.every((s) => up.has(s.nodeId))) return;
  }
  const missing = services.filter((s) => !up.has(s.nodeId)).map((s) => `${s.service}:\n  ${s.lines.slice(-8).join('\n  ')}`);
  throw new Error(`services not healthy after ${timeoutMs} ms:\n${missing.join('\n')}`);
}

async function stopProcess(s: LaunchedService, graceMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(s.pid, signal);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), graceMs);
  try {
    return await s.exited;
  } finally {
    clearTimeout(timer);
  }
}
