// `npm start`: the whole system on one machine (design §8). Makes sure NATS with
// JetStream answers (starting a local nats-server when one is on PATH), starts the five
// services as child processes, prints where everything is, and stops it all on Ctrl-C.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const SERVICES = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'];
const env = { ...process.env };
env.NATS_URL ??= 'nats://127.0.0.1:4222';
env.CERTGATE_DATA_DIR = resolve(root, env.CERTGATE_DATA_DIR ?? '.certgate/data');
env.CERTGATE_LOG_DIR = resolve(root, env.CERTGATE_LOG_DIR ?? '.certgate/logs');
env.CONSOLE_PORT ??= '8080';
env.INGRESS_PORT ??= '8443';
mkdirSync(env.CERTGATE_DATA_DIR, { recursive: true, mode: 0o700 });
loadDevSecrets();

const children = [];
let stopping = false;
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

await ensureNats();
for (const service of SERVICES) startService(service);
await waitForConsole();

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

async function ensureNats() {
  const url = new URL(env.NATS_URL.split(',')[0]);
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 4222);
  if (await answers(host, port)) return log('start', `NATS answers at ${env.NATS_URL}`);
  const bin = findNatsServer();
  if (!bin) {
    console.error(
      `certgate: nothing answers at ${env.NATS_URL} and no nats-server is on PATH.\n` +
        `Install it (Debian: apt-get install nats-server) or point NATS_URL at a NATS server with JetStream enabled.`,
    );
    process.exit(1);
  }
  const storeDir = join(env.CERTGATE_DATA_DIR, 'nats');
  log('start', `starting ${bin} with JetStream on ${host}:${port} (store ${storeDir})`);
  const nats = spawn(bin, ['-a', host, '-p', String(port), '-js', '-sd', storeDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push({ name: 'nats-server', child: nats });
  nats.stderr.on('data', (d) => process.stderr.write(prefix('nats-server', d.toString())));
  for (let i = 0; i < 50 && !(await answers(host, port, 200)); i++) await sleep(100);
  if (!(await answers(host, port))) return fail('nats-server did not start');
}

function startService(service) {
  // Young-generation size as in libs/testing's SERVICE_NODE_FLAGS (see the measurement there).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '-r', '@swc-node/register', join('apps', service, 'src', 'main.ts')], {
    cwd: root,
    env: { ...env, CERTGATE_NODE_ID: env.CERTGATE_NODE_ID ?? `${service}-1` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push({ name: service, child });
  const out = (d) => process.stdout.write(prettify(service, d.toString()));
  child.stdout.on('data', out);
  child.stderr.on('data', out);
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${service} exited (${signal ?? `code ${code}`}); stopping everything`);
  });
}

async function waitForConsole() {
  const url = `http://127.0.0.1:${env.CONSOLE_PORT}/api/v1/health`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${env.CERTGATE_ADMIN_TOKEN}` } });
      const body = await res.json();
      if (body.status === 'up') return banner(body);
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  if (!stopping) fail('the services did not all report healthy within 60 s (see the logs above)');
}

function banner(health) {
  const devRoot = join(env.CERTGATE_DATA_DIR, 'ingress', 'dev-root-ca.pem');
  const lines = [
    '',
    'certgate is up — all services healthy: ' + Object.keys(health.services).join(', '),
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
function prettify(service, chunk) {
  return chunk
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        const { level, time, msg, service: _s, nodeId: _n, tenant: _t, context, ...rest } = JSON.parse(line);
        const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
        const color = process.stdout.isTTY ? (s) => `\x1b[${LEVEL_COLOR[level] ?? 0}m${s}\x1b[0m` : (s) => s;
        return `${(time ?? '').slice(11, 19)} ${service.padEnd(12)} ${color((level ?? '').padEnd(5))} ${context ? `[${context}] ` : ''}${typeof msg === 'string' ? msg : JSON.stringify(msg)}${extra}\n`;
      } catch {
        return prefix(service, line + '\n');
      }
    })
    .join('');
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

function fail(msg) {
  console.error(`certgate: ${msg}`);
  stop(1);
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('start', 'stopping...');
  const services = children.filter((c) => c.name !== 'nats-server');
  await Promise.all(services.map(({ child }) => terminate(child)));
  await Promise.all(children.filter((c) => c.name === 'nats-server').map(({ child }) => terminate(child)));
  log('start', 'stopped');
  process.exit(code);
}

function terminate(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(timer), res()));
    child.kill('SIGTERM');
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
