// `npm run bench`: throughput and latency of the whole inbound path (ingress → NATS →
// flow-runtime → reply) next to three yardsticks on the same PKI, measured in the same run
// with a C load client (tools/bench/loadgen.c): a bare Node https server, the design's
// path with nothing of certgate in it (tools/bench/path-floor.ts), and the hand-built
// alternative, nginx terminating mTLS in front of a small Node app that checks the role
// (tools/bench/nginx.ts, nginx-app.ts). Loopback only. Each figure is the median of
// BENCH_ROUNDS runs, certgate and the yardsticks taking turns, because this machine's
// speed drifts by tens of percent within minutes. Every server under test runs on one
// core and the load client on the other (tools/bench/pinning.ts; BENCH_PIN=0: not pinned).
// During the paced runs a probe (tools/bench/wakeup.c) shows how late the machine wakes
// a process that only waits: the part of the tail no server on it can remove.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tenantSubject, errorMessage } from '@certgate/contracts';
import {
  createTestPki,
  freePort,
  launchServices,
  measurePropagation,
  natsServerBinary,
  REPO_ROOT,
  SERVICE_NODE_FLAGS,
  startNatsHarness,
  startNatsProcess,
  type LaunchedSystem,
  type NatsHarness,
} from '@certgate/testing';
import { cpuSnapshot, cpuUse, listenerPid } from './cpu-sampler';
import { ensureNginx, startNginx, type RunningNginx } from './nginx';
import { affinityOf, onCpus, pin, pinningConfig } from './pinning';
import { runScanBench } from './scan-bench';

interface Run {
  requests: number;
  errors: number;
  non2xx: number;
  seconds: number;
  rps: number;
  p50_us: number;
  p90_us: number;
  p99_us: number;
  max_us: number;
  /** Connections opened, and of those the sessions the server resumed (--resume). */
  connects?: number;
  resumed?: number;
  /** The load client's own CPU while timing. */
  cpu_us: number;
}

/** The processes whose CPU is reported per request. */
interface Processes {
  /** Every replica's: the replica run has two of each. */
  ingress: number[];
  runtime: number[];
  nats?: number;
  bare?: number;
  /** The path floor's https server and responder. */
  floor: number[];
  /** nginx's master and worker, and the Node app behind it. */
  nginx: number[];
  app?: number;
  /** identity, keystore, console: certgate, but not on the request path. */
  controlPlane: number[];
}

interface Measured {
  run: Run;
  /** Paced runs: the machine's wake-up lateness meanwhile. */
  wake?: Wakeups;
  /** CPU µs per request of each process (undefined: not known); `elsewhere` is the rest of the machine. */
  cpu: Record<'ingress' | 'runtime' | 'nats' | 'client' | 'bare' | 'floor' | 'nginx' | 'app' | 'controlPlane', number | undefined>;
  elsewhere: { share: number; top: [string, number][] };
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PROPAGATION_CHANGES = Number(process.env.BENCH_PROPAGATION_CHANGES ?? 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const HANDSHAKE_CONNECTIONS = Number(process.env.BENCH_HANDSHAKE_CONNECTIONS ?? 16);
/** Paced runs use fewer connections, each sending at its own pace. */
const PACED_CONNECTIONS = Number(process.env.BENCH_PACED_CONNECTIONS ?? 16);
/** The body phase: keep-alive requests carrying this many bytes (0: no body phase). */
const BODY_BYTES = Number(process.env.BENCH_BODY_BYTES ?? 16384);
/** BENCH_REPLICAS=0 skips the replica run (one ingress and runtime against two of each). */
const REPLICAS = process.env.BENCH_REPLICAS !== '0';
/** Another checkout (with its own node_modules) whose certgate is measured beside this one. */
const COMPARE = process.env.BENCH_COMPARE;
const here = join(REPO_ROOT, 'tools', 'bench');
/** Servers on one core, the load client on the other (BENCH_PIN=0: everything shares all cores). */
const PIN = pinningConfig();
const SERVER_CPUS = PIN.on ? PIN.server : undefined;
const CLIENT_CPUS = PIN.on ? PIN.client : undefined;
/** The load client's event loops: one per core it may use. */
const CLIENT_THREADS = Number(process.env.BENCH_CLIENT_THREADS ?? (PIN.on ? PIN.client.split(',').length : 2));
const execFileAsync = promisify(execFile);

/** A C tool of the bench (`tools/bench/<name>.c`), compiled once into `.build`. */
function buildTool(name: string, libs: string[]): string {
  const out = join(here, '.build', name);
  const src = join(here, `${name}.c`);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) return out;
  if (libs.includes('-lssl') && !existsSync('/usr/include/openssl/ssl.h')) {
    if (process.getuid?.() !== 0) throw new Error('the load client needs OpenSSL headers: apt-get install libssl-dev');
    spawnSync('apt-get', ['install', '-y', '-qq', 'libssl-dev'], { stdio: 'inherit' });
  }
  mkdirSync(join(here, '.build'), { recursive: true });
  execFileSync('cc', ['-O2', '-o', out, src, ...libs], { stdio: 'inherit' });
  return out;
}

/** The bench's C tools, built once before anything is timed. */
interface Tools {
  loadgen: string;
  wakeup: string;
}

const buildTools = (): Tools => ({ loadgen: buildTool('loadgen', ['-lssl', '-lcrypto', '-lpthread']), wakeup: buildTool('wakeup', []) });

interface Wakeups {
  wakeups: number;
  p50_us: number;
  p99_us: number;
  p999_us: number;
  max_us: number;
}

/** How late a process waiting on a timer wakes (tools/bench/wakeup.c), at normal priority, for `seconds`. */
async function wakeups(probe: string, seconds: number): Promise<Wakeups> {
  // On the servers' core: the wake-ups a request meets are theirs.
  const { stdout } = await execFileAsync(...onCpus(SERVER_CPUS, probe, ['--seconds', String(seconds)]), { encoding: 'utf8' });
  return JSON.parse(stdout.trim()) as Wakeups;
}

/**
 * Paced runs measure latency from each request's scheduled time, so a load client that
 * waits for a core (it shares two with the servers) would count its own wait as the
 * server's. As root, paced runs give the client real-time priority: it runs the moment
 * it wakes, as a client on a machine of its own would. BENCH_REALTIME_CLIENT=0 turns it off.
 */
const REALTIME_CLIENT = process.env.BENCH_REALTIME_CLIENT !== '0' && process.getuid?.() === 0 && spawnSync('chrt', ['-f', '1', 'true']).status === 0;

/** Async, so this process keeps serving its own timers (fetch's keep-alive bookkeeping) while the load runs. */
async function load(loadgen: string, args: Record<string, string | number | boolean>): Promise<Run> {
  const all: Record<string, string | number | boolean> = { threads: CLIENT_THREADS, ...args };
  const argv = Object.entries(all).flatMap(([k, v]) => (v === true ? [`--${k}`] : v === false ? [] : [`--${k}`, String(v)]));
  const [file, fileArgs]: [string, string[]] = Number(args.rate ?? 0) > 0 && REALTIME_CLIENT ? ['chrt', ['-f', '50', loadgen, ...argv]] : [loadgen, argv];
  const { stdout } = await execFileAsync(...onCpus(CLIENT_CPUS, file, fileArgs), { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Run;
}

/** One run, and the CPU each process spent on it. */
async function measure(tools: Tools, args: Record<string, string | number | boolean>, procs: Processes): Promise<Measured> {
  const before = cpuSnapshot();
  // Paced runs leave the machine idle part of the time: how late a waiting process wakes then is what a request meets at each hop.
  const [run, wake] = await Promise.all([load(tools.loadgen, args), Number(args.rate ?? 0) > 0 ? wakeups(tools.wakeup, Number(args.seconds)) : undefined]);
  const use = cpuUse(before, cpuSnapshot());
  const perRequest = (us: number | undefined) => (us === undefined || run.requests === 0 ? undefined : us / run.requests);
  const known = [...procs.ingress, ...procs.runtime, procs.nats, procs.bare, procs.app, ...procs.floor, ...procs.nginx, ...procs.controlPlane].filter(
    (p): p is number => p !== undefined,
  );
  const sum = (pids: number[]) => perRequest(pids.reduce((total, pid) => total + (use.of(pid) ?? 0), 0));
  return {
    run,
    wake,
    cpu: {
      ingress: sum(procs.ingress),
      runtime: sum(procs.runtime),
      nats: perRequest(use.of(procs.nats)),
      bare: perRequest(use.of(procs.bare)),
      floor: sum(procs.floor),
      nginx: sum(procs.nginx),
      app: perRequest(use.of(procs.app)),
      client: perRequest(run.cpu_us),
      controlPlane: sum(procs.controlPlane),
    },
    elsewhere: use.elsewhere(known, run.cpu_us),
  };
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

type Summary = Measured & { rpsRange: [number, number]; rounds: Measured[] };

/** The median of each figure over the rounds (errors and non-2xx summed), and the spread of req/s. */
function summarize(runs: Measured[]): Summary {
  const m = (f: (x: Measured) => number) => median(runs.map(f));
  const cpu = Object.fromEntries(
    (Object.keys(runs[0].cpu) as (keyof Measured['cpu'])[]).map((k) => [k, runs[0].cpu[k] === undefined ? undefined : m((x) => x.cpu[k] ?? 0)]),
  ) as Measured['cpu'];
  const top = new Map<string, number>();
  for (const r of runs) for (const [command, us] of r.elsewhere.top) top.set(command, (top.get(command) ?? 0) + us / runs.length);
  const woken = runs.flatMap((x) => (x.wake ? [x.wake] : []));
  const w = (f: (x: Wakeups) => number) => median(woken.map(f));
  return {
    wake: woken.length
      ? { wakeups: w((x) => x.wakeups), p50_us: w((x) => x.p50_us), p99_us: w((x) => x.p99_us), p999_us: w((x) => x.p999_us), max_us: w((x) => x.max_us) }
      : undefined,
    run: {
      requests: m((x) => x.run.requests),
      errors: runs.reduce((a, x) => a + x.run.errors, 0),
      non2xx: runs.reduce((a, x) => a + x.run.non2xx, 0),
      seconds: m((x) => x.run.seconds),
      rps: m((x) => x.run.rps),
      p50_us: m((x) => x.run.p50_us),
      p90_us: m((x) => x.run.p90_us),
      p99_us: m((x) => x.run.p99_us),
      max_us: m((x) => x.run.max_us),
      cpu_us: m((x) => x.run.cpu_us),
      connects: runs.reduce((t, x) => t + (x.run.connects ?? 0), 0),
      resumed: runs.reduce((t, x) => t + (x.run.resumed ?? 0), 0),
    },
    cpu,
    elsewhere: { share: m((x) => x.elsewhere.share), top: [...top].sort((a, b) => b[1] - a[1]).slice(0, 3) },
    rpsRange: [Math.min(...runs.map((x) => x.run.rps)), Math.max(...runs.map((x) => x.run.rps))],
    rounds: runs,
  };
}

/** certgate / bare, paired by round (runs side by side share the machine's speed of the moment), then the median. */
function pairedRatio(a: Summary, b: Summary): { median: number; min: number; max: number; rounds: number[] } {
  const ratios = a.rounds.map((r, i) => (b.rounds[i].run.rps > 0 ? r.run.rps / b.rounds[i].run.rps : 0));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios };
}

/**
 * Runs each target once per round, taking turns, so that a drift of the machine hits all
 * of them alike; the order rotates from round to round. `procsOf` names the processes of a target when they are not `procs`
 * (the commit compared against runs its own).
 */
async function interleaved(
  tools: Tools,
  targets: Record<string, string | number | boolean>[],
  procs: Processes,
  procsOf: (Processes | undefined)[] = [],
): Promise<Summary[]> {
  const runs: Measured[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts one target later, so no target always follows the same one.
    for (let k = 0; k < targets.length; k++) {
      const i = (k + round) % targets.length;
      runs[i].push(await measure(tools, targets[i], procsOf[i] ?? procs));
    }
  }
  return runs.map(summarize);
}

/** What main() started, stopped in reverse order by PID: at the end, on failure, and on SIGINT / SIGTERM. */
const stoppers: (() => unknown)[] = [];

async function stopAll(): Promise<void> {
  for (let stop = stoppers.pop(); stop; stop = stoppers.pop()) {
    try {
      await stop();
    } catch (err) {
      process.stderr.write(`bench: while stopping: ${errorMessage(err)}\n`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping what it started\n`);
    void stopAll().finally(() => process.exit(130));
  });
}

/** SIGTERM to a child the bench spawned, SIGKILL after 5 s; resolves once it is gone. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A yardstick process (same Node flags as certgate's services, so only the code differs), on
 * the servers' CPUs, once it says `ready`; stopped with everything else.
 */
async function startYardstick(script: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(...onCpus(SERVER_CPUS, process.execPath, [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join(here, script), ...args]), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stoppers.push(() => stopChild(child));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited (${code})`)));
  });
  return child;
}

type CpuColumn = keyof Measured['cpu'];
/** A load target of one phase: its loadgen arguments, its row in the tables, the processes it runs through. */
interface Target {
  name: string;
  args: Record<string, string | number | boolean>;
  own: CpuColumn[];
  /** When not the bench's own certgate (the commit compared against). */
  procs?: Processes;
}
interface Row {
  name: string;
  r: Summary;
  own: CpuColumn[];
}

const OWN = {
  bare: ['bare', 'client'],
  certgate: ['ingress', 'runtime', 'nats', 'controlPlane', 'client'],
  floor: ['floor', 'nats', 'client'],
  nginx: ['nginx', 'app', 'client'],
} satisfies Record<string, CpuColumn[]>;

async function main(): Promise<void> {
  const tools = buildTools();
  const nginxFound = ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-'));
  stoppers.push(() => rmSync(dir, { recursive: true, force: true }));
  const pki = await createTestPki();
  const client = await pki.issueClient('bench-sender');
  // Chains to the root like the sender, but has no role: the nginx → Node app yardstick must refuse it.
  const stranger = await pki.issueClient('bench-stranger');
  const server = await pki.issueServer(['localhost', '127.0.0.1']);
  const files = {
    clientChain: join(dir, 'client-chain.pem'),
    clientKey: join(dir, 'client.key'),
    strangerChain: join(dir, 'stranger-chain.pem'),
    strangerKey: join(dir, 'stranger.key'),
    bareCert: join(dir, 'bare-chain.pem'),
    bareKey: join(dir, 'bare.key'),
    pkiRoot: join(dir, 'pki-root.pem'),
    appIdentities: join(dir, 'app-identities.json'),
    clientCertPem: client.certPem,
  };
  writeFileSync(files.clientChain, client.chainPem);
  writeFileSync(files.clientKey, client.keyPem, { mode: 0o600 });
  writeFileSync(files.strangerChain, stranger.chainPem);
  writeFileSync(files.strangerKey, stranger.keyPem, { mode: 0o600 });
  writeFileSync(files.bareCert, server.chainPem);
  writeFileSync(files.bareKey, server.keyPem, { mode: 0o600 });
  writeFileSync(files.pkiRoot, pki.root.certPem);
  // The app's registry, as certgate's: the bench instance's certificate and its role.
  writeFileSync(files.appIdentities, JSON.stringify([{ certificate: client.certPem, instance: 'bench', roles: ['Bench'] }]));

  const [barePort, floorPort, nginxPort, appPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const serverTls = { BARE_KEY: files.bareKey, BARE_CERT: files.bareCert, BARE_CA: files.pkiRoot };
  const bare = await startYardstick('bare-server.ts', [], { ...serverTls, BARE_PORT: String(barePort) });

  // A NATS server of the bench's own, so it can be pinned with the servers; the machine's shared one is left alone.
  const natsBinary = natsServerBinary();
  const nats = natsBinary ? await startNatsProcess() : undefined;
  if (nats) stoppers.push(() => nats.stop());
  else process.stdout.write('no nats-server binary: the bench uses the NATS at NATS_URL (or a container), and does not pin it\n');
  const harness = await startNatsHarness({ label: 'bench', url: nats?.url });
  stoppers.push(() => harness.stop());
  // On the NATS server certgate uses, in the bench tenant's namespace.
  const floorEnv = { FLOOR_SUBJECT: tenantSubject(harness.tenant, 'bench.floor'), NATS_URL: harness.url };
  const floorResponder = await startYardstick('path-floor.ts', ['responder'], floorEnv);
  const floor = await startYardstick('path-floor.ts', ['server'], { ...floorEnv, ...serverTls, BARE_PORT: String(floorPort) });

  let nginx: RunningNginx | undefined;
  let app: ChildProcess | undefined;
  if ('binary' in nginxFound) {
    app = await startYardstick('nginx-app.ts', [], {
      APP_PORT: String(appPort),
      APP_IDENTITIES: files.appIdentities,
      APP_FLOWS: JSON.stringify({ '/http/bench': 'Bench' }),
    });
    nginx = await startNginx({
      binary: nginxFound.binary,
      dir: join(dir, 'nginx'),
      port: nginxPort,
      upstreamPort: appPort,
      cert: files.bareCert,
      key: files.bareKey,
      clientRoot: files.pkiRoot,
      cpus: SERVER_CPUS,
    });
    const running = nginx;
    stoppers.push(() => running.stop());
  }

  const mine = await startCertgate(harness, dir, files, 'after');
  const bareTarget = { cert: files.clientChain, key: files.clientKey, port: barePort, ca: files.pkiRoot, path: '/' };
  const floorTarget = { cert: files.clientChain, key: files.clientKey, port: floorPort, ca: files.pkiRoot, path: '/', method: 'POST' };
  const nginxTarget = { cert: files.clientChain, key: files.clientKey, port: nginxPort, ca: files.pkiRoot, path: '/http/bench', method: 'POST' };
  const { ingressHealth, ingressFlow, api } = mine;
  // BENCH_COMPARE=<another checkout with its node_modules>: its certgate, on a tenant of its
  // own, takes turns with this one in the same rounds (the before/after of a change).
  let before: Awaited<ReturnType<typeof startCertgate>> | undefined;
  if (COMPARE) {
    const beforeHarness = await startNatsHarness({ label: 'bench-before', url: nats?.url });
    stoppers.push(() => beforeHarness.stop());
    before = await startCertgate(beforeHarness, dir, files, 'before', COMPARE);
  }

  const natsPid = nats?.pid ?? listenerPid(Number(new URL(harness.url.split(',')[0]).port || 4222));
  const processesOf = (system: LaunchedSystem): Processes => {
    const pidOf = (service: string) => system.services.find((s) => s.service === service)?.pid;
    const pidsOf = (service: string) => system.services.filter((s) => s.service === service).map((s) => s.pid);
    return {
      ingress: pidsOf('ingress'),
      runtime: pidsOf('flow-runtime'),
      nats: natsPid,
      bare: bare.pid,
      floor: [floor.pid, floorResponder.pid].filter((p): p is number => p !== undefined),
      nginx: nginx?.pids ?? [],
      app: app?.pid,
      controlPlane: ['identity', 'keystore', 'console'].map(pidOf).filter((p): p is number => p !== undefined),
    };
  };
  const procs = processesOf(mine.system);

  // certgate's services (all five) and the bench's NATS were not spawned on the servers' CPUs: pin them now, and check every server is.
  let pinned = 'not pinned: servers and load client share all cores';
  if (PIN.on) {
    for (const s of [...mine.system.services, ...(before?.system.services ?? [])]) pin(s.pid, PIN.server);
    if (nats) pin(nats.pid, PIN.server);
    const servers: [string, number | undefined][] = [
      ...[...mine.system.services, ...(before?.system.services ?? [])].map((s): [string, number] => [s.service, s.pid]),
      ['nats-server', nats?.pid],
      ['bare', bare.pid],
      ['floor', floor.pid],
      ['floor responder', floorResponder.pid],
      ...(nginx?.pids ?? []).map((p): [string, number] => ['nginx', p]),
      ['app', app?.pid],
    ];
    const wrong = servers.filter(([, pid]) => pid !== undefined && affinityOf(pid).join() !== affinityOf(bare.pid as number).join());
    if (wrong.length)
      throw new Error(`not pinned to CPUs ${PIN.server}: ${wrong.map(([n, p]) => `${n} ${p} (${affinityOf(p as number).join(' / ')})`).join(', ')}`);
    pinned =
      `pinned (taskset): servers on CPU ${PIN.server} (${servers.filter(([, p]) => p !== undefined).length} processes: certgate's five services, ` +
      `${nats ? 'the bench’s own nats-server' : 'not NATS (not the bench’s)'}, the yardsticks), load client on CPU ${PIN.client} (${CLIENT_THREADS} thread${CLIENT_THREADS > 1 ? 's' : ''})`;
  } else if (PIN.why !== 'BENCH_PIN=0') {
    pinned += ` (${PIN.why})`;
  } else {
    pinned += ' (BENCH_PIN=0)';
  }

  const probe = await load(tools.loadgen, { ...ingressFlow, connections: 1, seconds: 0.3 });
  if (probe.non2xx > 0 || probe.errors > 0 || probe.requests === 0) throw new Error(`the bench flow does not answer 200: ${JSON.stringify(probe)}`);
  if (before) {
    const probeBefore = await load(tools.loadgen, { ...before.ingressFlow, connections: 1, seconds: 0.3 });
    if (probeBefore.non2xx > 0 || probeBefore.errors > 0 || probeBefore.requests === 0)
      throw new Error(`the compared checkout's bench flow does not answer 200: ${JSON.stringify(probeBefore)}`);
  }
  if (nginx) {
    const ok = await load(tools.loadgen, { ...nginxTarget, connections: 1, seconds: 0.3 });
    if (ok.non2xx > 0 || ok.errors > 0 || ok.requests === 0) throw new Error(`nginx → Node app does not answer 200 to the bench sender: ${JSON.stringify(ok)}`);
    const refused = await load(tools.loadgen, { ...nginxTarget, cert: files.strangerChain, key: files.strangerKey, connections: 1, seconds: 0.3 });
    if (refused.requests === 0 || refused.non2xx !== refused.requests)
      throw new Error(`nginx → Node app does not refuse a certificate without the role: ${JSON.stringify(refused)}`);
  }

  process.stdout.write(
    `certgate bench — ${SECONDS} s per run, median of ${ROUNDS} rounds (certgate and the yardsticks take turns), ${CONNECTIONS} keep-alive connections, ` +
      `${HANDSHAKE_CONNECTIONS} handshake connections, EC P-256, TLS 1.3, loopback, ${cpus().length} cores, ` +
      `paced load client ${REALTIME_CLIENT ? 'at real-time priority (chrt -f 50)' : 'at normal priority'}\n${pinned}\n`,
  );
  process.stdout.write(
    'skipped' in nginxFound
      ? `nginx → Node app yardstick skipped: ${nginxFound.skipped}\n`
      : `nginx → Node app: ${nginxFound.version}, 1 worker, TLS 1.3, ssl_verify_client on, HTTP/1.1 keep-alive upstream to a Node http app\n`,
  );

  const beforeProcs = before ? processesOf(before.system) : undefined;
  const warm = (t: object) => load(tools.loadgen, { ...t, connections: CONNECTIONS, seconds: 2 });
  for (const t of [bareTarget, floorTarget, ingressFlow, ...(nginx ? [nginxTarget] : []), ...(before ? [before.ingressFlow] : [])]) await warm(t);

  /** One phase: its targets take turns in every round. */
  const phase = async (targets: Target[], extra: Record<string, string | number | boolean>): Promise<Row[]> => {
    const summaries = await interleaved(
      tools,
      targets.map((t) => ({ ...t.args, ...extra })),
      procs,
      targets.map((t) => t.procs),
    );
    return targets.map((t, i) => ({ name: t.name, r: summaries[i], own: t.own }));
  };
  const nginxOnly = <T>(t: T): T[] => (nginx ? [t] : []);
  const beforeOnly = <T>(t: T): T[] => (before ? [t] : []);

  const handshakes = await phase(
    [
      { name: 'handshakes/s   bare node https (static 200)', args: bareTarget, own: OWN.bare },
      { name: 'handshakes/s   certgate ingress (GET /health)', args: ingressHealth, own: OWN.certgate },
      { name: 'handshakes/s   certgate authorized flow (full path)', args: ingressFlow, own: OWN.certgate },
      ...nginxOnly({ name: 'handshakes/s   nginx → node app (role check)', args: nginxTarget, own: OWN.nginx }),
      ...beforeOnly({ name: 'handshakes/s   certgate before (BENCH_COMPARE)', args: before?.ingressHealth ?? {}, own: OWN.certgate, procs: beforeProcs }),
    ],
    { connections: HANDSHAKE_CONNECTIONS, seconds: SECONDS, handshake: true },
  );
  const [hsBare, hsIngress, hsFlow] = handshakes.map((x) => x.r);
  const hsNginx = nginx ? handshakes[3].r : undefined;
  const hsBefore = before ? handshakes[handshakes.length - 1].r : undefined;

  // Senders that reconnect per message but offer the session of their last connection (TLS 1.3 tickets).
  const resumption = await phase(
    [
      { name: 'resumed/s      bare node https (static 200)', args: bareTarget, own: OWN.bare },
      { name: 'resumed/s      certgate authorized flow (full path)', args: ingressFlow, own: OWN.certgate },
      ...nginxOnly({ name: 'resumed/s      nginx → node app (role check)', args: nginxTarget, own: OWN.nginx }),
    ],
    { connections: HANDSHAKE_CONNECTIONS, seconds: SECONDS, handshake: true, resume: true },
  );
  const [rsBare, rsFlow] = resumption.map((x) => x.r);
  const rsNginx = nginx ? resumption[2].r : undefined;

  const keepAlive = await phase(
    [
      { name: 'keep-alive     bare node https (static 200)', args: bareTarget, own: OWN.bare },
      { name: 'keep-alive     certgate authorized flow (full path)', args: ingressFlow, own: OWN.certgate },
      { name: 'keep-alive     path floor (https → NATS → echo)', args: floorTarget, own: OWN.floor },
      ...nginxOnly({ name: 'keep-alive     nginx → node app (role check)', args: nginxTarget, own: OWN.nginx }),
      ...beforeOnly({ name: 'keep-alive     certgate before (BENCH_COMPARE)', args: before?.ingressFlow ?? {}, own: OWN.certgate, procs: beforeProcs }),
    ],
    { connections: CONNECTIONS, seconds: SECONDS },
  );
  const [kaBare, kaIngress, kaFloor] = keepAlive.map((x) => x.r);
  const kaNginx = nginx ? keepAlive[3].r : undefined;
  const kaBefore = before ? keepAlive[keepAlive.length - 1].r : undefined;

  // Bodies: what the envelope costs per byte (the runtime gets the body; the app reads it whole).
  const kib = `${(BODY_BYTES / 1024).toFixed(0)} KiB`;
  const bodies = BODY_BYTES
    ? await phase(
        [
          { name: `body ${kib}    certgate authorized flow (full path)`, args: ingressFlow, own: OWN.certgate },
          ...nginxOnly({ name: `body ${kib}    nginx → node app (role check)`, args: nginxTarget, own: OWN.nginx }),
          ...beforeOnly({ name: `body ${kib}    certgate before (BENCH_COMPARE)`, args: before?.ingressFlow ?? {}, own: OWN.certgate, procs: beforeProcs }),
        ],
        { connections: CONNECTIONS, seconds: SECONDS, body: BODY_BYTES },
      )
    : [];
  const bodyFlow = bodies[0]?.r;
  const bodyNginx = nginx ? bodies[1]?.r : undefined;
  const bodyBefore = before ? bodies[bodies.length - 1]?.r : undefined;

  // Replicas: one ingress and one runtime against two of each, the same servers' core for both.
  const replicas = REPLICAS ? await replicaRun(tools, mine, ingressFlow, procs) : undefined;
  const replicaRows = replicas ? [replicas.one, replicas.two, replicas.across] : [];

  // The yardsticks run at certgate's pace too: what this machine's p99 is at that rate for a
  // server that does nothing, for the hand-built alternative and for the design's bare path
  // (issue 21's target: certgate's p99 at most twice the path floor's at the same rate).
  const half = Math.max(1, Math.round(kaIngress.run.rps / 2));
  const rate = (r: number) => ({ connections: PACED_CONNECTIONS, seconds: SECONDS, rate: Math.max(1, Math.round(r)) });
  const paced = await phase(
    [
      { name: `paced          certgate at half of peak (${half}/s)`, args: { ...ingressFlow, ...rate(half) }, own: OWN.certgate },
      { name: 'paced          bare node https at the same rate', args: { ...bareTarget, ...rate(half) }, own: OWN.bare },
      { name: 'paced          path floor at the same rate', args: { ...floorTarget, ...rate(half) }, own: OWN.floor },
      ...nginxOnly({ name: 'paced          nginx → node app at the same rate', args: { ...nginxTarget, ...rate(half) }, own: OWN.nginx }),
    ],
    {},
  );
  const [pacedIngress, pacedBare, pacedFloor] = paced.map((x) => x.r);
  const pacedNginx = nginx ? paced[3].r : undefined;
  const rows = [...handshakes, ...resumption, ...keepAlive, ...bodies, ...replicaRows, ...paced];

  const ms = (us: number) => (us / 1000).toFixed(2);
  const range = (r: Summary) => `${r.rpsRange[0].toFixed(0)}–${r.rpsRange[1].toFixed(0)}`;
  process.stdout.write(
    `\n${'run'.padEnd(54)}${'req/s'.padStart(8)}${'(range)'.padStart(14)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}\n`,
  );
  for (const { name, r } of rows) {
    process.stdout.write(
      `${name.padEnd(54)}${r.run.rps.toFixed(0).padStart(8)}${range(r).padStart(14)}${ms(r.run.p50_us).padStart(9)}${ms(r.run.p99_us).padStart(9)}${String(r.run.errors).padStart(8)}${String(r.run.non2xx).padStart(9)}\n`,
    );
  }

  // Where the CPU goes: per request and process (µs), and what the rest of the machine took meanwhile.
  const cols: [CpuColumn, string][] = [
    ['ingress', 'ingress'],
    ['runtime', 'runtime'],
    ['nats', 'nats'],
    ['controlPlane', 'other svc'],
    ['client', 'client'],
    ['bare', 'bare'],
    ['floor', 'floor'],
    ['nginx', 'nginx'],
    ['app', 'app'],
  ];
  process.stdout.write(`\n${'CPU µs per request'.padEnd(54)}${cols.map(([, h]) => h.padStart(10)).join('')}   elsewhere on the machine\n`);
  for (const { name, r, own } of rows) {
    // Each row shows the processes it ran through (NATS also for the path floor).
    const cell = (k: CpuColumn) => {
      const v = r.cpu[k];
      return (own.includes(k) && v !== undefined ? v.toFixed(0) : '-').padStart(10);
    };
    const top = r.elsewhere.top.map(([c, us]) => `${c} ${(us / 1000).toFixed(0)} ms`).join(', ');
    process.stdout.write(
      `${name.padEnd(54)}${cols.map(([k]) => cell(k)).join('')}   ${(r.elsewhere.share * 100).toFixed(1)}% of the CPUs${top ? ` (${top})` : ''}\n`,
    );
  }

  // The machine's own share of the tail: a process that does nothing but wait is woken this late.
  process.stdout.write(
    `\n${'wake-up lateness of an idle process meanwhile (ms)'.padEnd(54)}${['p50', 'p99', 'p99.9', 'max'].map((h) => h.padStart(9)).join('')}\n`,
  );
  for (const { name, r } of rows) {
    if (!r.wake) continue;
    process.stdout.write(`${name.padEnd(54)}${[r.wake.p50_us, r.wake.p99_us, r.wake.p999_us, r.wake.max_us].map((us) => ms(us).padStart(9)).join('')}\n`);
  }

  // A resumption run that did not resume measures full handshakes under another name.
  for (const { name, r } of [...resumption, ...(replicas ? [replicas.across] : [])]) {
    const share = r.run.connects ? (r.run.resumed ?? 0) / r.run.connects : 0;
    process.stdout.write(`${name.replace(/\s+/, ' ')}: ${(share * 100).toFixed(0)}% of the connections resumed their session\n`);
  }

  const ratio = (a: Summary, b: Summary) => {
    const r = pairedRatio(a, b);
    return `${r.median.toFixed(2)} (rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
  };
  // certgate against the hand-built alternative and bare Node, the same request (the authorized flow) in both modes.
  const perRound = (a: Summary, b: Summary | undefined) => {
    if (!b) return 'skipped (no nginx)';
    const r = pairedRatio(a, b);
    return `${r.median.toFixed(2)}${r.rounds.length > 1 ? ` (rounds ${r.rounds.map((x) => x.toFixed(2)).join(' ')})` : ''}`;
  };
  const table: [string, string, string][] = [
    ['certgate authorized flow', '/ nginx → node app', '/ bare node'],
    ['  full handshakes (new connection each)', perRound(hsFlow, hsNginx), perRound(hsFlow, hsBare)],
    ['  new connection each, session resumed', perRound(rsFlow, rsNginx), perRound(rsFlow, rsBare)],
    ['  resumed / full handshakes (certgate alone)', '', perRound(rsFlow, hsFlow)],
    ['  keep-alive', perRound(kaIngress, kaNginx), perRound(kaIngress, kaBare)],
    ...(bodyFlow ? [[`  keep-alive, ${kib} body`, perRound(bodyFlow, bodyNginx), ''] as [string, string, string]] : []),
    ['nginx → node app', '', '/ bare node'],
    ['  full handshakes (new connection each)', '', perRound(hsNginx ?? hsBare, hsNginx && hsBare)],
    ['  new connection each, session resumed', '', perRound(rsNginx ?? rsBare, rsNginx && rsBare)],
    ['  keep-alive', '', perRound(kaNginx ?? kaBare, kaNginx && kaBare)],
  ];
  const width = Math.max(...table.map(([, x]) => x.length)) + 4;
  process.stdout.write(`\nratios: req/s of certgate / the yardstick in the same round; the median over ${ROUNDS} rounds, then each round's\n`);
  for (const [name, nginxRatio, bareRatio] of table) process.stdout.write(`  ${name.padEnd(40)}${nginxRatio.padEnd(width)}${bareRatio}\n`);

  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  const nginxRatio = (a: Summary, b: Summary | undefined, target: number) =>
    b ? `${ratio(a, b)}   (target ≥ ${target.toFixed(1)}: ${met(pairedRatio(a, b).median >= target)})` : 'skipped (no nginx)';
  const p99Ratio = pacedFloor.run.p99_us > 0 ? pacedIngress.run.p99_us / pacedFloor.run.p99_us : Infinity;
  process.stdout.write(`\ntargets (issue 21): certgate / nginx → node app, median over ${ROUNDS} rounds of the ratio in the same round\n`);
  // Bare Node does less than certgate on the same TLS (no hop, a static answer): a target above its ratio is out of reach for
  // any code running on Node's TLS. The path floor is the hop done plainly; certgate's own hop may beat it.
  const beside = (label: string, what: string, a: Summary, b: Summary | undefined) => (b ? `\n      ${label}: ${what} ${ratio(a, b)}` : '');
  process.stdout.write(
    `  new connection each, full handshakes      ${nginxRatio(hsFlow, hsNginx, 0.9)}` +
      `${beside('ceiling', "bare node https alone (Node's TLS, no hop)", hsBare, hsNginx)}\n`,
  );
  process.stdout.write(
    `  new connection each, certgate resumed     ${nginxRatio(rsFlow, hsNginx, 2)} (against nginx's full handshakes)` +
      `${beside('ceiling', 'bare node https alone, resumed', rsBare, hsNginx)}\n`,
  );
  process.stdout.write(
    `  keep-alive                                ${nginxRatio(kaIngress, kaNginx, 0.6)}` +
      `${beside('beside it', "the path floor (the design's hop as plain nats.js requests, no certgate)", kaFloor, kaNginx)}\n`,
  );
  process.stdout.write(
    `  p99 at half of peak (${half}/s)             ${ms(pacedIngress.run.p99_us)} ms, path floor at the same rate ${ms(pacedFloor.run.p99_us)} ms: ` +
      `${p99Ratio.toFixed(2)}× (target ≤ 2×: ${met(p99Ratio <= 2)}); bare node ${ms(pacedBare.run.p99_us)} ms` +
      `${pacedNginx ? `, nginx → node app ${ms(pacedNginx.run.p99_us)} ms` : ''}\n`,
  );
  process.stdout.write(`  path floor (design's hops, no certgate): keep-alive peak ${ratio(kaFloor, kaBare)} of bare node\n`);
  if (replicas) {
    const [one, two] = [replicas.one.r, replicas.two.r];
    // Per core: req/s over the cores the servers spent, i.e. 1 s over their CPU per request.
    const perCore = (r: Summary) => 1e6 / ((r.cpu.ingress ?? 0) + (r.cpu.runtime ?? 0) + (r.cpu.nats ?? 0));
    process.stdout.write(
      `\nreplicas (keep-alive, ${PIN.on ? 'a core per replica pair' : 'not pinned'}): 2 ingress + 2 runtime / 1 + 1 = ${ratio(two, one)} in req/s; ` +
        `per server core ${perCore(one).toFixed(0)} → ${perCore(two).toFixed(0)} req/s (${(perCore(two) / perCore(one)).toFixed(2)}×; flat is 1.00)\n`,
    );
  }
  if (hsBefore && kaBefore) {
    process.stdout.write(`\nbefore/after in this run (BENCH_COMPARE=${COMPARE}): certgate / bare in the same round, and after / before\n`);
    process.stdout.write(
      `  handshakes  before ${ratio(hsBefore, hsBare)}   after ${ratio(hsIngress, hsBare)}   after / before = ${ratio(hsIngress, hsBefore)}\n`,
    );
    process.stdout.write(
      `  keep-alive  before ${ratio(kaBefore, kaBare)}   after ${ratio(kaIngress, kaBare)}   after / before = ${ratio(kaIngress, kaBefore)}\n`,
    );
    if (bodyFlow && bodyBefore) process.stdout.write(`  ${kib} body  after / before = ${ratio(bodyFlow, bodyBefore)}\n`);
  }

  // Propagation: a key added, then deleted, alternately; from the start of the API call
  // until the runtime serves from a copy that includes the change.
  await api('POST', '/service-instances', { name: 'churn', parameters: { roles: ['Bench'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
  const churn = await pki.issueClient('churn');
  const times: number[] = [];
  for (let i = 0; i < PROPAGATION_CHANGES; i++) {
    const change =
      i % 2 === 0
        ? () => api('POST', '/service-instances/churn/keys', { name: 'c', type: 'external-certificate', certificate: churn.certPem })
        : () => api('DELETE', '/service-instances/churn/keys/c', undefined);
    times.push((await measurePropagation(harness.nc, harness.tenant, { bucket: 'identity', replicas: 1 }, change)).ms);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((times.length - 1) * p))];
  process.stdout.write(
    `\npropagation of ${times.length} changes (key added / deleted) to the runtime: p50 ${pct(0.5)} ms, max ${times[times.length - 1]} ms (target ≤ 100 ms: ${times[times.length - 1] <= 100 ? 'met' : 'missed'})\n`,
  );
}

/**
 * One ingress and one flow-runtime against two of each, on the tenant of `mine`, taking
 * turns in every round, with the same 50 connections per ingress replica. The second
 * pair runs only for its own runs (started and stopped each round), so the first pair's
 * runs go through one runtime. Pinned, the first pair (and NATS) keeps the servers' core
 * and the second pair gets the other one, which it shares with the load client: a core
 * per replica pair, as replicas are meant to be added. Throughput per core is req/s over
 * the cores the servers spent (their CPU time), so sharing does not blur it. A third run
 * reconnects per request and offers each session to the other ingress (`--alternate`):
 * what a sender resuming across replicas behind a load balancer meets.
 */
async function replicaRun(
  tools: Tools,
  mine: Awaited<ReturnType<typeof startCertgate>>,
  flow: Record<string, string | number>,
  procs: Processes,
): Promise<{ one: Row; two: Row; across: Row }> {
  const one: Measured[] = [];
  const two: Measured[] = [];
  const across: Measured[] = [];
  const args = { connections: CONNECTIONS, seconds: SECONDS };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) one.push(await measure(tools, { ...flow, ...args }, procs));
    const pair = await mine.addReplicas();
    try {
      if (PIN.on) for (const s of pair.system.services) pin(s.pid, PIN.client);
      const both = { ...flow, port: `${flow.port},${pair.port}`, ca: pair.bothRoots, connections: 2 * CONNECTIONS };
      await load(tools.loadgen, { ...both, seconds: 2 });
      const pids = (service: string) => pair.system.services.filter((s) => s.service === service).map((s) => s.pid);
      const all = { ...procs, ingress: [...procs.ingress, ...pids('ingress')], runtime: [...procs.runtime, ...pids('flow-runtime')] };
      two.push(await measure(tools, { ...args, ...both }, all));
      const resumed = { ...both, connections: 2 * HANDSHAKE_CONNECTIONS, seconds: SECONDS, handshake: true, resume: true, alternate: true };
      across.push(await measure(tools, resumed, all));
    } finally {
      await pair.system.stop();
    }
    if (round % 2 === 1) one.push(await measure(tools, { ...flow, ...args }, procs));
  }
  return {
    one: { name: 'replicas       1 ingress + 1 runtime (authorized flow)', r: summarize(one), own: OWN.certgate },
    two: { name: 'replicas       2 ingress + 2 runtime (authorized flow)', r: summarize(two), own: OWN.certgate },
    across: { name: 'resumed/s      2 + 2, sessions to the other ingress', r: summarize(across), own: OWN.certgate },
  };
}

interface BenchFiles {
  clientChain: string;
  clientKey: string;
  pkiRoot: string;
  clientCertPem: string;
}

/**
 * One certgate (the five services from `root`, default this checkout) on the harness'
 * tenant, with the bench's role, instance, key and flow; its load targets and API.
 */
async function startCertgate(harness: NatsHarness, dir: string, files: BenchFiles, name: string, root?: string) {
  const token = randomBytes(24).toString('base64url');
  const [consolePort, ingressPort] = [await freePort(), await freePort()];
  const dataDir = join(dir, name, 'data');
  const env = {
    ...harness.env,
    LOG_LEVEL: 'warn',
    CERTGATE_ADMIN_TOKEN: token,
    CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
    CERTGATE_DATA_DIR: dataDir,
    CERTGATE_LOG_DIR: join(dir, name, 'logs'),
    CONSOLE_PORT: String(consolePort),
    INGRESS_PORT: String(ingressPort),
    INGRESS_CLIENT_ROOTS: files.pkiRoot,
  };
  const system = await launchServices({ services: ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'], nc: harness.nc, root, env });
  stoppers.push(() => system.stop());
  const ingressRoot = join(dataDir, 'ingress', 'dev-root-ca.pem');
  /** A second ingress (own port and data directory, so its own server certificate) and flow-runtime; the caller stops them. */
  const addReplicas = async () => {
    const port = await freePort();
    const replicaDir = join(dir, name, 'replica');
    const pair = await launchServices({
      services: ['ingress', 'flow-runtime'],
      nc: harness.nc,
      root,
      env: { ...env, INGRESS_PORT: String(port), CERTGATE_DATA_DIR: join(replicaDir, 'data'), CERTGATE_LOG_DIR: join(replicaDir, 'logs') },
    });
    const bothRoots = join(replicaDir, 'ingress-roots.pem');
    writeFileSync(bothRoots, readFileSync(ingressRoot, 'utf8') + readFileSync(join(replicaDir, 'data', 'ingress', 'dev-root-ca.pem'), 'utf8'));
    return { system: pair, port, bothRoots };
  };
  const api = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${consolePort}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  };
  await api('POST', '/roles', { name: 'Bench' });
  await api('POST', '/service-instances', { name: 'bench', parameters: { roles: ['Bench'], 'grant-types': ['client_x509'], 'redirect-uris': [] } });
  await api('POST', '/service-instances/bench/keys', { name: 'k1', type: 'external-certificate', certificate: files.clientCertPem });
  await api('PUT', '/flows/bench', {
    id: 'bench',
    sender: { address: '/bench', authorization: { type: 'role', role: 'Bench' } },
    steps: [{ type: 'respond', status: 200, body: 'ok' }],
  });
  const common = { cert: files.clientChain, key: files.clientKey, port: ingressPort, ca: ingressRoot };
  return { system, api, addReplicas, ingressHealth: { ...common, path: '/health' }, ingressFlow: { ...common, path: '/http/bench', method: 'POST' } };
}

// `--only=scan`: only the expiry scan (no services, no TLS); `--only=tls`: only the parts above.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
// Whatever main() started is stopped, by PID, whether it finished or failed.
(only === 'scan' ? Promise.resolve() : main().finally(stopAll))
  .then(() => (only === 'tls' ? undefined : runScanBench()))
  .catch((err: unknown) => {
    const cause = err instanceof Error && err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : '';
    process.stderr.write(`bench failed: ${errorMessage(err)}${cause}\n`);
    process.exit(1);
  });
