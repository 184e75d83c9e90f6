import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, natsServerBinary, startNatsHarness, type NatsHarness } from '@certgate/testing';

// `npm start` (tools/start.mjs) as an operator runs it: real services, real NATS, real
// signals. Every run has a tenant, ports and data directory of its own.
const root = resolve(__dirname, '../..');
/** CERTGATE_STOP_GRACE_MS of these runs: the services stop in well under a second. */
const GRACE_MS = 5_000;
const UP_TIMEOUT_MS = 120_000;
const STACK_FRAME = /^\s+at /m;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Run {
  child: ChildProcess;
  pid: number;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<Exit>;
  exited: () => Exit | undefined;
}

interface Proc {
  ppid: number;
  state: string;
  cmd: string;
}

function processTable(): Map<number, Proc> {
  const table = new Map<number, Proc>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // `pid (comm) state ppid …`; comm may itself hold spaces and parentheses.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(Number(entry), { ppid: Number(ppid), state, cmd });
    } catch {
      // exited while we looked
    }
  }
  return table;
}

/** Every process below `pid` (children, their children, …), with its command line. */
function descendants(pid: number): Map<number, string> {
  const table = processTable();
  const found = new Map<number, string>();
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift() as number;
    for (const [child, proc] of table) {
      if (proc.ppid === parent && !found.has(child)) {
        found.set(child, proc.cmd);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Running (a zombie waiting to be reaped has stopped running). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const services = (tree: Map<number, string>) => [...tree].filter(([, cmd]) => /apps\/[a-z-]+\/src\/main\.ts/.test(cmd));
const natsServers = (tree: Map<number, string>) => [...tree].filter(([, cmd]) => cmd.includes('nats-server'));

/** Starts `npm start` or `node tools/start.mjs` in a process group (and session) of its own, as a terminal would. */
function launch(how: 'npm' | 'node', env: Record<string, string>): Run {
  // Nothing of the test runner's own npm or certgate settings leaks in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|CERTGATE_|NODE_OPTIONS$|NATS_)/i.test(k)));
  const [cmd, args] = how === 'npm' ? ['npm', ['start']] : [process.execPath, ['tools/start.mjs']];
  const child = spawn(cmd, args, { cwd: root, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let result: Exit | undefined;
  const exit = new Promise<Exit>((res) => child.on('exit', (code, signal) => res((result = { code, signal }))));
  launched.push(child);
  return { child, pid: child.pid as number, stdout: () => stdout, stderr: () => stderr, exit, exited: () => result };
}

const tail = (run: Run) => `${run.stdout().slice(-3000)}\n${run.stderr()}`;

/** Waits for the banner; the process tree below the launched process once it is up. */
async function untilUp(run: Run): Promise<Map<number, string>> {
  const deadline = Date.now() + UP_TIMEOUT_MS;
  while (!run.stdout().includes('certgate is up')) {
    if (run.exited()) throw new Error(`exited ${JSON.stringify(run.exited())} before it was up:\n${tail(run)}`);
    if (Date.now() > deadline) throw new Error(`not up within ${UP_TIMEOUT_MS} ms:\n${tail(run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const tree = descendants(run.pid);
  remembered.push(...tree.keys());
  return tree;
}

/** Waits for a run that is meant to fail on its own; its exit and every process seen below it meanwhile. */
async function untilExit(run: Run, ms: number): Promise<{ exit: Exit; seen: number[] }> {
  const seen = new Set<number>();
  const deadline = Date.now() + ms;
  while (!run.exited()) {
    for (const pid of descendants(run.pid).keys()) {
      if (seen.has(pid)) continue;
      seen.add(pid);
      remembered.push(pid);
    }
    if (Date.now() > deadline) throw new Error(`still running after ${ms} ms:\n${tail(run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { exit: await run.exit, seen: [...seen] };
}

/** Resolves once none of `pids` runs any more; fails naming the ones left after `ms`. */
async function allGone(pids: number[], ms: number): Promise<number> {
  const start = Date.now();
  while (pids.some(alive)) {
    if (Date.now() - start > ms) throw new Error(`still running after ${ms} ms: ${pids.filter(alive).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, rej) => (timer = setTimeout(() => rej(new Error(`not within ${ms} ms: ${what}`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** What the package.json start script runs: with `exec`, npm's own child is start.mjs. */
const npmExecsStart = /^exec\s/.test((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start);

const launched: ChildProcess[] = [];
const remembered: number[] = [];
let harness: NatsHarness | undefined;
let dataDir: string;
let blocker: Server | undefined;

/** The environment of one run: its own tenant on the shared NATS (or `natsUrl`), ports and data. */
async function runEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  harness = await startNatsHarness({ label: 'start', prefer: 'url' });
  return {
    NATS_URL: harness.url,
    CERTGATE_TENANT: harness.tenant,
    CERTGATE_DATA_DIR: dataDir,
    CERTGATE_LOG_DIR: join(dataDir, 'logs'),
    CONSOLE_PORT: String(await freePort()),
    INGRESS_PORT: String(await freePort()),
    // Every service's ops endpoint on a port the OS picks: five of them share this variable.
    METRICS_PORT: '0',
    CERTGATE_STOP_GRACE_MS: String(GRACE_MS),
    ...extra,
  };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'certgate-start-'));
});

afterEach(async () => {
  try {
    // Whatever a failed test left behind: the launched groups, then every process seen below them.
    for (const child of launched.splice(0)) {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    }
    for (const pid of remembered.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    blocker?.close();
    blocker = undefined;
  } finally {
    // The tenant's buckets and streams on the shared NATS.
    await harness?.stop();
    harness = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('npm start: stopping', () => {
  it(
    'SIGTERM to the npm process stops start.mjs and every service; the NATS it found keeps running',
    async () => {
      const env = await runEnv();
      const run = launch('npm', env);
      const tree = await untilUp(run);
      expect(services(tree)).toHaveLength(5);
      expect(natsServers(tree)).toEqual([]);
      // The first URL of the banner is the web console's (built by start.mjs when missing or stale), served by the console.
      const banner = run.stdout().slice(run.stdout().indexOf('certgate is up'));
      expect(/https?:\/\/\S+/.exec(banner)?.[0]).toBe(`http://127.0.0.1:${env.CONSOLE_PORT}/`);
      const page = await fetch(`http://127.0.0.1:${env.CONSOLE_PORT}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');

      process.kill(run.pid, 'SIGTERM');
      await allGone([...tree.keys()], GRACE_MS + 2_000);
      const exit = await withTimeout(run.exit, 5_000, 'npm exits');
      expect(run.stdout()).toContain('stopped (exit code 0)');
      // npm runs the script through `sh -c`, which dies of the forwarded SIGTERM: npm then
      // kills itself with it. With `exec` in the script npm waits for start.mjs and exits 0.
      expect(exit).toEqual(npmExecsStart ? { code: 0, signal: null } : { code: null, signal: 'SIGTERM' });
      await expect(harness?.nc.flush()).resolves.toBeUndefined();
    },
    UP_TIMEOUT_MS + 30_000,
  );

  it(
    'Ctrl-C (SIGINT to the process group) stops every service, then the nats-server start.mjs started; start.mjs exits 0',
    async () => {
      if (!natsServerBinary()) throw new Error('this test needs a nats-server binary (apt-get install nats-server)');
      // Nothing answers on this port, so start.mjs starts a nats-server of its own there.
      const env = await runEnv({ NATS_URL: `nats://127.0.0.1:${await freePort()}` });
      const run = launch('npm', env);
      const tree = await untilUp(run);
      expect(services(tree)).toHaveLength(5);
      expect(natsServers(tree)).toHaveLength(1);

      process.kill(-run.pid, 'SIGINT');
      await allGone([...tree.keys()], GRACE_MS + 2_000);
      // Without `exec` in the script, npm's `sh -c` got the SIGINT too: dash dies of it once
      // start.mjs has exited (0), and npm kills itself with it.
      const exit = await withTimeout(run.exit, 5_000, 'npm exits');
      expect(exit).toEqual(npmExecsStart ? { code: 0, signal: null } : { code: null, signal: 'SIGINT' });
      const out = run.stdout();
      expect(out).toContain('stopped (exit code 0)');
      // NATS went last: every service had started its shutdown before the server did.
      expect(out.indexOf('Initiating Shutdown')).toBeGreaterThan(out.lastIndexOf('shutting down'));
      expect(out.match(/shutting down/g)).toHaveLength(5);
    },
    UP_TIMEOUT_MS + 30_000,
  );

  describe('a service that does not stop on SIGTERM', () => {
    // A real service that stops itself (SIGSTOP) on SIGTERM, as a hung process would: only
    // SIGKILL ends it. NODE_OPTIONS reaches every node process, so it picks identity.
    function hangingIdentity(): string {
      const file = join(dataDir, 'hang-on-sigterm.js');
      writeFileSync(
        file,
        "if (process.argv[1] && process.argv[1].endsWith('/apps/identity/src/main.ts')) process.on('SIGTERM', () => process.kill(process.pid, 'SIGSTOP'));\n",
      );
      return `--require ${file}`;
    }

    it(
      'is killed after the grace period, and start.mjs (sent SIGTERM itself) exits 143',
      async () => {
        const run = launch('node', await runEnv({ NODE_OPTIONS: hangingIdentity() }));
        const tree = await untilUp(run);
        const started = Date.now();
        process.kill(run.pid, 'SIGTERM');
        expect(await withTimeout(run.exit, GRACE_MS + 5_000, 'start.mjs exits')).toEqual({ code: 143, signal: null });
        expect(Date.now() - started).toBeGreaterThanOrEqual(GRACE_MS - 100);
        await allGone([...tree.keys()], 1_000);
        expect(run.stdout()).toContain(`identity did not stop within ${GRACE_MS / 1000} s: SIGKILL`);
        expect(run.stdout()).toContain('stopped (exit code 143)');
      },
      UP_TIMEOUT_MS + 30_000,
    );

    it(
      'is killed at once by a second SIGTERM',
      async () => {
        const run = launch('node', await runEnv({ NODE_OPTIONS: hangingIdentity(), CERTGATE_STOP_GRACE_MS: '60000' }));
        const tree = await untilUp(run);
        const identity = services(tree).find(([, cmd]) => cmd.includes('apps/identity/'))?.[0] as number;
        process.kill(run.pid, 'SIGTERM');
        // The others stop; identity hangs.
        await allGone(
          services(tree)
            .map(([pid]) => pid)
            .filter((pid) => pid !== identity),
          GRACE_MS,
        );
        await new Promise((r) => setTimeout(r, 1_200));
        expect(alive(identity)).toBe(true);
        process.kill(run.pid, 'SIGTERM');
        expect(await withTimeout(run.exit, 3_000, 'start.mjs exits')).toEqual({ code: 143, signal: null });
        await allGone([...tree.keys()], 1_000);
        expect(run.stdout()).toContain('SIGTERM again: killing what is still running');
      },
      UP_TIMEOUT_MS + 30_000,
    );
  });
});

describe('npm start: start-up failures', () => {
  it('a bad variable every service reads: one line naming it and the services, exit 1, no stack', async () => {
    const run = launch('node', await runEnv({ CERTGATE_TENANT: 'Bad' }));
    const { exit, seen } = await untilExit(run, 60_000);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(run.stderr().split('\n').filter(Boolean)).toEqual([
      'certgate: configuration error in identity, keystore, flow-runtime, ingress, console: CERTGATE_TENANT: lowercase letters, digits and inner hyphens, at most 48',
    ]);
    expect(run.stdout() + run.stderr()).not.toMatch(STACK_FRAME);
    expect(run.stdout()).not.toContain('"level":"fatal"');
    expect(seen.filter(alive)).toEqual([]);
  }, 90_000);

  it('bad variables of some services: one line per variable, the other services are stopped, exit 1', async () => {
    const run = launch('node', await runEnv({ INGRESS_PORT: 'x', CERTGATE_MASTER_KEY: 'too-short' }));
    // identity and flow-runtime start meanwhile, and are stopped.
    const { exit, seen } = await untilExit(run, 60_000);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(exit).toEqual({ code: 1, signal: null });
    const lines = run.stderr().split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^certgate: configuration error in ([a-z-]+, )*ingress(, [a-z-]+)*: INGRESS_PORT: .+/));
    expect(lines).toContainEqual(expect.stringMatching(/^certgate: configuration error in keystore, ingress: CERTGATE_MASTER_KEY: .*at least 32 characters/));
    expect(run.stdout() + run.stderr()).not.toMatch(STACK_FRAME);
    expect(seen.filter(alive)).toEqual([]);
  }, 90_000);

  it(
    'a service that dies during start-up: the others are stopped, exit 1 with its last log lines',
    async () => {
      const env = await runEnv();
      // The console cannot listen on a port that is taken.
      blocker = createServer((socket) => socket.destroy());
      await new Promise<void>((res) => (blocker as Server).listen(Number(env.CONSOLE_PORT), '127.0.0.1', res));
      const run = launch('node', env);
      const { exit, seen } = await untilExit(run, UP_TIMEOUT_MS);
      expect(exit).toEqual({ code: 1, signal: null });
      expect(seen.length).toBeGreaterThanOrEqual(5);
      expect(seen.filter(alive)).toEqual([]);
      const err = run.stderr();
      expect(err).toMatch(/^certgate: console stopped during start-up \(exit code 1\): listen EADDRINUSE.*\n/);
      expect(err).toMatch(/\ncertgate: last lines of console:\n( {2}.*\n)+/);
      expect(err).toContain(`EADDRINUSE`);
      expect(run.stdout()).toContain('stopped (exit code 1)');
    },
    UP_TIMEOUT_MS + 30_000,
  );
});
