// `npm start`: the whole system on one machine (design §8). Builds the web console when
// apps/web/dist is missing or older than its sources, makes sure NATS with JetStream
// answers (starting a local nats-server when one is on PATH), starts the five services as
// child processes, prints where everything is (the web console first), and stops it all
// on Ctrl-C, SIGTERM or SIGHUP (docs/operations.md, "Stopping").
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const SERVICES = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'];
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** After a service failed at start-up, how long the others may take to report problems of their own. */
const SETTLE_MS = 5_000;
/** Lines of a failed service's output repeated at the end (the rest of its output scrolled by above). */
const LAST_LINES = 20;

// A terminal that went away or a closed pipe must not turn a write into a crash that
// leaves the services running.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const env = { ...process.env };
env.NATS_URL ??= 'nats://127.0.0.1:4222';
env.CERTGATE_DATA_DIR = resolve(root, env.CERTGATE_DATA_DIR ?? '.certgate/data');
env.CERTGATE_LOG_DIR = resolve(root, env.CERTGATE_LOG_DIR ?? '.certgate/logs');
env.CONSOLE_PORT ??= '8080';
env.INGRESS_PORT ??= '8443';
const GRACE_MS = wholeNumber('CERTGATE_STOP_GRACE_MS', 12_000);
mkdirSync(env.CERTGATE_DATA_DIR, { recursive: true, mode: 0o700 });
loadDevSecrets();

/** Every process this script started: the services and, when it had to, nats-server. */
const procs = [];
/** Processes that exited on their own (not because we stopped them): the reason to fail. */
const failed = [];
let up = false;
let settling = false;
let stopping = false;
let stopRequestedAt = 0;
let killedAll = false;
/** The web console's build while it runs (stopped with everything else). */
let webBuild;
/** Set when start-up itself failed (NATS, health timeout, a bug here): printed at the end. */
let failureMessage;

for (const signal of STOP_SIGNALS) process.on(signal, () => onSignal(signal));
process.on('uncaughtException', internalFailure);
// Last resort when this process exits with something still running (e.g. process.exit on
// a path that did not stop first): nothing it started outlives it.
process.on('exit', () => {
  for (const p of procs) if (p.running) p.child.kill('SIGKILL');
});
watchNpm();

try {
  await ensureWebConsole();
  if (!stopping) await ensureNats();
  if (!stopping) for (const service of SERVICES) startService(service);
  if (!stopping) await waitForConsole();
} catch (err) {
  internalFailure(err);
}

/** The newest modification time under `path` (a file or a directory), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The web console the console serves at `/` (apps/web/dist): built with Vite when it is
 * missing or older than its sources. A failed build is reported and the rest starts
 * anyway: the API does not need it.
 */
async function ensureWebConsole() {
  const web = join(root, 'apps', 'web');
  const built = newest(join(web, 'dist', 'index.html'));
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.mts'].map((p) => newest(join(web, p))), newest(join(root, 'package-lock.json')));
  if (built >= sources) return;
  log('start', built ? 'the web console changed: building apps/web/dist' : 'building the web console (apps/web/dist)');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  webBuild = child;
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => process.stdout.write(prefix('web', d.toString())));
  const code = await new Promise((res) => {
    child.on('error', (err) => (process.stderr.write(`certgate: ${err.message}\n`), res(1)));
    child.on('exit', (c) => res(c));
  });
  webBuild = undefined;
  if (stopping) return;
  if (code === 0) log('start', `web console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  else log('start', `building the web console failed (exit code ${code}, see above): starting without it; the API works`);
}

/** A bug in this script: say so (with its stack, it is not the operator's doing) and stop what it started. */
function internalFailure(err) {
  process.stderr.write(`certgate: start.mjs failed: ${err?.stack ?? err}\n`);
  failureMessage ??= 'start.mjs failed (see above)';
  void stop();
}

function wholeNumber(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    process.stderr.write(`certgate: ${name}: must be a whole number of milliseconds\n`);
    process.exit(1);
  }
  return Number(raw);
}

function loadDevSecrets() {
  // The admin token and the master key (which encrypts private keys at rest) are made
  // once for this checkout and kept readable by this user only, so a restart keeps them.
  const file = join(env.CERTGATE_DATA_DIR, 'dev-secrets.json');
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  saved.CERTGATE_ADMIN_TOKEN ??= randomBytes(24).toString('base64url');
  saved.CERTGATE_MASTER_KEY ??= randomBytes(32).toString('base64url');
  writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  env.CERTGATE_ADMIN_TOKEN ??= saved.CERTGATE_ADMIN_TOKEN;
  env.CERTGATE_MASTER_KEY ??= saved.CERTGATE_MASTER_KEY;
}

/**
 * Under `npm start` a `sh -c` (dash, which does not exec its command) sits between npm
 * and this process: npm forwards SIGTERM to that shell, which dies of it without passing
 * it on (a SIGINT it holds until this process has exited). What reaches us is that we
 * lose our parent, so that stops everything as a SIGTERM would. Only under npm:
 * `node tools/start.mjs &` may well outlive its shell.
 */
function watchNpm() {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    if (stopping) return;
    log('start', `the process that started this one (pid ${parent}) is gone: stopping`);
    void stop('SIGTERM');
  }, 250);
  timer.unref();
}

function onSignal(signal) {
  if (!stopping) {
    log('start', `${signal}: stopping (services get ${GRACE_MS / 1000} s, then SIGKILL; ${signal === 'SIGINT' ? 'Ctrl-C' : signal} again kills at once)`);
    void stop(signal);
    return;
  }
  // One Ctrl-C can arrive twice, from the terminal and forwarded by npm: only a signal
  // that comes later is a second request.
  if (killedAll || Date.now() - stopRequestedAt < 1_000) return;
  killedAll = true;
  log('start', `${signal} again: killing what is still running`);
  for (const p of procs) if (p.running) kill(p, 'SIGKILL');
}

function answers(host, port, timeoutMs = 1000) {
  return new Promise((res) => {
    const sock = connect({ host, port }, () => (sock.destroy(), res(true)));
    sock.setTimeout(timeoutMs, () => (sock.destroy(), res(false)));
    sock.on('error', () => res(false));
  });
}

function findNatsServer() {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin']) {
    const candidate = join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Host and port of the first server of NATS_URL (`nats://` may be left out, as the client allows). */
function natsAddress() {
  const first = env.NATS_URL.split(',')[0].trim();
  try {
    const url = new URL(first.includes('://') ? first : `nats://${first}`);
    return { host: url.hostname || '127.0.0.1', port: Number(url.port || 4222) };
  } catch {
    // Not the value itself: it may hold a password.
    process.stderr.write('certgate: configuration error: NATS_URL: not a NATS URL such as nats://127.0.0.1:4222\n');
    process.exit(1);
  }
}

async function ensureNats() {
  const { host, port } = natsAddress();
  if (await answers(host, port)) return log('start', `NATS answers at ${env.NATS_URL}`);
  const bin = findNatsServer();
  if (!bin) {
    process.stderr.write(
      `certgate: nothing answers at ${env.NATS_URL} and no nats-server is on PATH.\n` +
        `Install it (Debian: apt-get install nats-server) or point NATS_URL at a NATS server with JetStream enabled.\n`,
    );
    process.exit(1);
  }
  const storeDir = join(env.CERTGATE_DATA_DIR, 'nats');
  log('start', `starting ${bin} with JetStream on ${host}:${port} (store ${storeDir})`);
  // A process group of its own: Ctrl-C reaches the whole foreground group at once, and
  // NATS must outlive the services, which drain their subscriptions while they stop. It
  // is stopped last, with SIGINT (its clean shutdown; SIGTERM makes it exit 1).
  const child = spawn(bin, ['-a', host, '-p', String(port), '-js', '-sd', storeDir], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const nats = track('nats-server', child, { kind: 'nats', stopSignal: 'SIGINT' });
  for (let i = 0; i < 50 && nats.running && !stopping && !(await answers(host, port, 200)); i++) await sleep(100);
  // A nats-server that exited is a failure onExit already reports.
  if (stopping || !nats.running || (await answers(host, port))) return;
  failureMessage = `nats-server did not answer on ${host}:${port} within 5 s`;
  await stop();
}

function startService(service) {
  // Young-generation size as in libs/testing's SERVICE_NODE_FLAGS (see the measurement there).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '-r', '@swc-node/register', join('apps', service, 'src', 'main.ts')], {
    cwd: root,
    env: { ...env, CERTGATE_NODE_ID: env.CERTGATE_NODE_ID ?? `${service}-1` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(service, child, { kind: 'service', stopSignal: 'SIGTERM' });
}

/** Follows a child: its output (pretty-printed, last lines kept), its exit. */
function track(name, child, { kind, stopSignal }) {
  const p = { name, child, kind, stopSignal, running: true, lines: 0, last: [], fatal: undefined, sigkilled: false, code: null, signal: null };
  let closed;
  p.closed = new Promise((res) => (closed = res));
  p.exited = new Promise((res) => {
    child.on('error', (err) => {
      // spawn itself failed: no 'exit' follows.
      p.fatal = err.message;
      onExit(p, 1, null);
      res();
      closed();
    });
    child.on('exit', (code, signal) => (onExit(p, code, signal), res()));
  });
  child.on('close', () => closed());
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let partial = '';
    stream.on('data', (d) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop();
      for (const line of lines) onLine(p, line);
    });
    stream.on('end', () => partial && onLine(p, partial));
  }
  procs.push(p);
  return p;
}

function onLine(p, line) {
  if (!line.trim()) return;
  p.lines += 1;
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    record = undefined;
  }
  if (record?.level === 'fatal' && record.msg === 'start-up failed' && typeof record.error === 'string') {
    p.fatal = record.error;
    // One summary line per bad variable at the end, not five JSON lines now.
    if (configProblems(record.error)) return;
  }
  const text = record && typeof record === 'object' ? pretty(p.name, record) : prefix(p.name, line);
  p.last.push(text);
  if (p.last.length > LAST_LINES) p.last.shift();
  process.stdout.write(text);
}

function onExit(p, code, signal) {
  if (!p.running) return;
  p.running = false;
  p.code = code;
  p.signal = signal;
  // A service that reported a fatal start-up error failed on its own, even when it exits
  // while we are already stopping.
  if (stopping && p.fatal === undefined) return;
  failed.push(p);
  if (stopping) return;
  if (up || p.kind === 'nats') return void stop();
  // During start-up a bad variable usually stops several services at once: give the
  // others a moment to say so too, then stop the rest and report everything together.
  if (settling) return;
  settling = true;
  void settle().then(() => stop());
}

async function settle() {
  const deadline = Date.now() + SETTLE_MS;
  // A service that has written anything is past reading its configuration, unless what
  // it wrote is its fatal line: that one is about to exit.
  const pending = (p) => p.kind === 'service' && p.running && (p.lines === 0 || p.fatal !== undefined);
  while (!stopping && Date.now() < deadline && procs.some(pending)) await sleep(100);
}

async function waitForConsole() {
  const url = `http://127.0.0.1:${env.CONSOLE_PORT}/api/v1/health`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping && !settling) {
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${env.CERTGATE_ADMIN_TOKEN}` } });
      const body = await res.json();
      if (body.status === 'up' && !stopping && !settling) {
        up = true;
        return banner(body);
      }
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  if (stopping || settling) return;
  failureMessage = 'the services did not all report healthy within 60 s (see the logs above)';
  await stop();
}

function banner(health) {
  const devRoot = join(env.CERTGATE_DATA_DIR, 'ingress', 'dev-root-ca.pem');
  const lines = [
    '',
    'certgate is up — all services healthy: ' + Object.keys(health.services).join(', '),
    `  web console   http://127.0.0.1:${env.CONSOLE_PORT}/   (sign in with the admin token below)`,
    `  console API   http://127.0.0.1:${env.CONSOLE_PORT}/api/v1   (OpenAPI: http://127.0.0.1:${env.CONSOLE_PORT}/api/docs)`,
    `  ingress       https://127.0.0.1:${env.INGRESS_PORT}`,
    existsSync(devRoot) ? `  dev root CA   ${devRoot}` : '  server chain  from INGRESS_SERVER_CHAIN',
    `  admin token   ${env.CERTGATE_ADMIN_TOKEN}`,
    '',
    `  try: curl -H "Authorization: Bearer ${env.CERTGATE_ADMIN_TOKEN}" http://127.0.0.1:${env.CONSOLE_PORT}/api/v1/health`,
    existsSync(devRoot) ? `       curl --cacert ${devRoot} https://127.0.0.1:${env.INGRESS_PORT}/health` : '',
    'Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

const LEVEL_COLOR = { fatal: 31, error: 31, warn: 33, info: 32, debug: 90, trace: 90 };
function pretty(service, record) {
  const { level, time, msg, service: _s, nodeId: _n, tenant: _t, context, ...rest } = record;
  const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
  const color = process.stdout.isTTY ? (s) => `\x1b[${LEVEL_COLOR[level] ?? 0}m${s}\x1b[0m` : (s) => s;
  const text = typeof msg === 'string' ? msg : JSON.stringify(msg);
  return `${String(time ?? '').slice(11, 19)} ${service.padEnd(12)} ${color(String(level ?? '').padEnd(5))} ${context ? `[${context}] ` : ''}${text}${extra}\n`;
}

function prefix(name, text) {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => `${name.padEnd(12)} ${l}\n`)
    .join('');
}

function log(name, msg) {
  process.stdout.write(prefix(name, msg));
}

/**
 * The problems of parseEnv's message (`invalid configuration: VAR: problem; VAR: problem`,
 * libs/platform/src/env.ts) as [variable, problem] pairs; undefined for any other error.
 */
function configProblems(error) {
  const match = /^invalid configuration: ([\s\S]*)$/.exec(error);
  if (!match) return undefined;
  // A problem's own text may hold '; ', so split only where the next variable starts.
  return match[1].split(/; (?=[A-Za-z0-9_]*: )/).map((part) => {
    const at = part.indexOf(': ');
    const variable = at >= 0 ? part.slice(0, at) : '';
    let problem = at >= 0 ? part.slice(at + 2) : part;
    if (variable && problem.startsWith(`${variable} `)) problem = problem.slice(variable.length + 1);
    return [variable || '(configuration)', problem];
  });
}

/** One line per bad variable (naming every service that reported it), then every other failure with its last lines. */
function failureReport() {
  const out = [];
  const byVariable = new Map();
  for (const p of failed) {
    for (const [variable, problem] of configProblems(p.fatal ?? '') ?? []) {
      const problems = byVariable.get(variable) ?? new Map();
      problems.set(problem, [...(problems.get(problem) ?? []), p.name]);
      byVariable.set(variable, problems);
    }
  }
  for (const [variable, problems] of byVariable) {
    const services = SERVICES.filter((s) => [...problems.values()].some((names) => names.includes(s)));
    const what = problems.size === 1 ? [...problems.keys()][0] : [...problems].map(([problem, names]) => `${problem} (${names.join(', ')})`).join('; ');
    out.push(`configuration error in ${services.join(', ')}: ${variable}: ${what}`);
  }
  for (const p of failed) {
    if (configProblems(p.fatal ?? '')) continue;
    const how = p.signal ? `killed by ${p.signal}` : `exit code ${p.code}`;
    const when = p.kind === 'nats' ? '' : up ? ' while running' : ' during start-up';
    out.push(`${p.name} stopped${when} (${how})${p.fatal ? `: ${p.fatal}` : ''}`);
    if (p.last.length) out.push(`last lines of ${p.name}:\n${p.last.map((l) => `  ${l}`).join('')}`.trimEnd());
  }
  if (failureMessage) out.push(failureMessage);
  return out;
}

/**
 * Stops every service (SIGTERM, SIGKILL after the grace period), then the nats-server it
 * started, and exits: 1 when something failed; after a signal 0 when everything stopped
 * cleanly, else 128 + the signal's number (130 SIGINT, 143 SIGTERM).
 */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  stopRequestedAt = Date.now();
  webBuild?.kill('SIGTERM');
  const running = () => procs.filter((p) => p.running);
  const busy = running().length > 0;
  if (busy) log('start', 'stopping...');
  await Promise.all(
    running()
      .filter((p) => p.kind === 'service')
      .map(terminate),
  );
  await Promise.all(running().map(terminate));
  const unclean = procs.filter((p) => !failed.includes(p) && !stoppedCleanly(p));
  for (const p of unclean) log('start', `${p.name} did not stop cleanly (${p.sigkilled ? 'SIGKILL' : (p.signal ?? `exit code ${p.code}`)})`);
  const failure = failed.length > 0 || failureMessage !== undefined;
  const code = failure ? 1 : unclean.length === 0 ? 0 : 128 + constants.signals[signal ?? 'SIGTERM'];
  if (busy) log('start', `stopped (exit code ${code})`);
  if (failure) {
    // The end of a failed service's output may still be in its pipe.
    await Promise.race([Promise.all(failed.map((p) => p.closed)), sleep(1_000)]);
    for (const line of failureReport()) process.stderr.write(`certgate: ${line}\n`);
  }
  process.exit(code);
}

function stoppedCleanly(p) {
  return !p.sigkilled && (p.code === 0 || STOP_SIGNALS.includes(p.signal));
}

function terminate(p) {
  if (!p.running) return Promise.resolve();
  const timer = setTimeout(() => {
    log('start', `${p.name} did not stop within ${GRACE_MS / 1000} s: SIGKILL`);
    kill(p, 'SIGKILL');
  }, GRACE_MS);
  kill(p, p.stopSignal);
  return p.exited.then(() => clearTimeout(timer));
}

function kill(p, signal) {
  if (!p.running) return;
  if (signal === 'SIGKILL') p.sigkilled = true;
  p.child.kill(signal);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
