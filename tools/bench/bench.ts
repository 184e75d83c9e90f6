// `npm run bench`: throughput and latency of the whole inbound path (ingress → NATS →
// flow-runtime → reply) next to a bare Node https server on the same PKI, measured in
// the same run with a C load client (tools/bench/loadgen.c). Loopback only.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki, freePort, launchServices, measurePropagation, REPO_ROOT, SERVICE_NODE_FLAGS, startNatsHarness, type LaunchedSystem, type NatsHarness } from '@certgate/testing';
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
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PROPAGATION_CHANGES = Number(process.env.BENCH_PROPAGATION_CHANGES ?? 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const HANDSHAKE_THREADS = Number(process.env.BENCH_HANDSHAKE_THREADS ?? 16);
/** Paced runs use fewer connections: on two cores, 50 client threads add their own scheduling noise to p99. */
const PACED_CONNECTIONS = Number(process.env.BENCH_PACED_CONNECTIONS ?? 16);
const here = join(REPO_ROOT, 'tools', 'bench');
const execFileAsync = promisify(execFile);

function buildLoadgen(): string {
  const out = join(here, '.build', 'loadgen');
  const src = join(here, 'loadgen.c');
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) return out;
  if (!existsSync('/usr/include/openssl/ssl.h')) {
    if (process.getuid?.() !== 0) throw new Error('the load client needs OpenSSL headers: apt-get install libssl-dev');
    spawnSync('apt-get', ['install', '-y', '-qq', 'libssl-dev'], { stdio: 'inherit' });
  }
  mkdirSync(join(here, '.build'), { recursive: true });
  execFileSync('cc', ['-O2', '-o', out, src, '-lssl', '-lcrypto', '-lpthread'], { stdio: 'inherit' });
  return out;
}

/** Async, so this process keeps serving its own timers (fetch's keep-alive bookkeeping) while the load runs. */
async function load(loadgen: string, args: Record<string, string | number | boolean>): Promise<Run> {
  const argv = Object.entries(args).flatMap(([k, v]) => (v === true ? [`--${k}`] : v === false ? [] : [`--${k}`, String(v)]));
  const { stdout } = await execFileAsync(loadgen, argv, { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Run;
}

async function main(): Promise<void> {
  const loadgen = buildLoadgen();
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-'));
  const pki = await createTestPki();
  const client = await pki.issueClient('bench-sender');
  const server = await pki.issueServer(['localhost', '127.0.0.1']);
  const files = {
    clientChain: join(dir, 'client-chain.pem'),
    clientKey: join(dir, 'client.key'),
    bareCert: join(dir, 'bare-chain.pem'),
    bareKey: join(dir, 'bare.key'),
    pkiRoot: join(dir, 'pki-root.pem'),
  };
  writeFileSync(files.clientChain, client.chainPem);
  writeFileSync(files.clientKey, client.keyPem, { mode: 0o600 });
  writeFileSync(files.bareCert, server.chainPem);
  writeFileSync(files.bareKey, server.keyPem, { mode: 0o600 });
  writeFileSync(files.pkiRoot, pki.root.certPem);

  let harness: NatsHarness | undefined;
  let system: LaunchedSystem | undefined;
  const barePort = await freePort();
  // The yardstick runs with the same Node flags as certgate's services, so only the code differs.
  const bare = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join(here, 'bare-server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, BARE_PORT: String(barePort), BARE_KEY: files.bareKey, BARE_CERT: files.bareCert, BARE_CA: files.pkiRoot },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      bare.stdout?.once('data', () => resolve());
      bare.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    });

    harness = await startNatsHarness({ label: 'bench' });
    const token = randomBytes(24).toString('base64url');
    const [consolePort, ingressPort] = [await freePort(), await freePort()];
    const dataDir = join(dir, 'data');
    system = await launchServices({
      services: ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'],
      nc: harness.nc,
      env: {
        ...harness.env,
        LOG_LEVEL: 'warn',
        CERTGATE_ADMIN_TOKEN: token,
        CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
        CERTGATE_DATA_DIR: dataDir,
        CERTGATE_LOG_DIR: join(dir, 'logs'),
        CONSOLE_PORT: String(consolePort),
        INGRESS_PORT: String(ingressPort),
        INGRESS_CLIENT_ROOTS: files.pkiRoot,
      },
    });
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
    await api('POST', '/service-instances/bench/keys', { name: 'k1', type: 'external-certificate', certificate: client.certPem });
    await api('PUT', '/flows/bench', { id: 'bench', sender: { address: '/bench', authorization: { type: 'role', role: 'Bench' } }, steps: [{ type: 'respond', status: 200, body: 'ok' }] });
    const ingressCa = join(dataDir, 'ingress', 'dev-root-ca.pem');
    const common = { cert: files.clientChain, key: files.clientKey };
    const bareTarget = { ...common, port: barePort, ca: files.pkiRoot, path: '/' };
    const ingressHealth = { ...common, port: ingressPort, ca: ingressCa, path: '/health' };
    const ingressFlow = { ...common, port: ingressPort, ca: ingressCa, path: '/http/bench', method: 'POST' };

    const probe = await load(loadgen, { ...ingressFlow, connections: 1, seconds: 0.3 });
    if (probe.non2xx > 0 || probe.errors > 0 || probe.requests === 0) throw new Error(`the bench flow does not answer 200: ${JSON.stringify(probe)}`);

    process.stdout.write(`certgate bench — ${SECONDS} s per run, ${CONNECTIONS} keep-alive connections, ${HANDSHAKE_THREADS} handshake threads, EC P-256, TLS 1.3, loopback\n`);
    const warm = (t: object) => load(loadgen, { ...t, connections: CONNECTIONS, seconds: 2 });
    await warm(bareTarget);
    await warm(ingressFlow);
    const rows: [string, Run][] = [];
    const hsBare = await load(loadgen, { ...bareTarget, connections: HANDSHAKE_THREADS, seconds: SECONDS, handshake: true });
    rows.push(['handshakes/s   bare node https (static 200)', hsBare]);
    const hsIngress = await load(loadgen, { ...ingressHealth, connections: HANDSHAKE_THREADS, seconds: SECONDS, handshake: true });
    rows.push(['handshakes/s   certgate ingress (GET /health)', hsIngress]);
    const kaBare = await load(loadgen, { ...bareTarget, connections: CONNECTIONS, seconds: SECONDS });
    rows.push(['keep-alive     bare node https (static 200)', kaBare]);
    const kaIngress = await load(loadgen, { ...ingressFlow, connections: CONNECTIONS, seconds: SECONDS });
    rows.push(['keep-alive     certgate authorized flow (full path)', kaIngress]);
    const half = Math.max(1, Math.round(kaIngress.rps / 2));
    const halfRun = await load(loadgen, { ...ingressFlow, connections: PACED_CONNECTIONS, seconds: SECONDS, rate: half });
    rows.push([`paced          certgate at half of peak (${half}/s)`, halfRun]);

    const ms = (us: number) => (us / 1000).toFixed(2);
    process.stdout.write(`\n${'run'.padEnd(54)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}\n`);
    for (const [name, r] of rows) {
      process.stdout.write(`${name.padEnd(54)}${r.rps.toFixed(0).padStart(10)}${ms(r.p50_us).padStart(9)}${ms(r.p99_us).padStart(9)}${String(r.errors).padStart(8)}${String(r.non2xx).padStart(9)}\n`);
    }
    const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
    process.stdout.write('\nratios (targets from issue 3)\n');
    process.stdout.write(`  handshakes  ingress / bare = ${ratio(hsIngress.rps, hsBare.rps).toFixed(2)}   (target ≥ 0.90)\n`);
    process.stdout.write(`  keep-alive  ingress / bare = ${ratio(kaIngress.rps, kaBare.rps).toFixed(2)}   (target ≥ 0.30)\n`);
    process.stdout.write(`  p99 at half of peak        = ${ms(halfRun.p99_us)} ms (target ≤ 2 ms)\n`);

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
    process.stdout.write(`\npropagation of ${times.length} changes (key added / deleted) to the runtime: p50 ${pct(0.5)} ms, max ${times[times.length - 1]} ms (target: within 1 s)\n`);
  } finally {
    await system?.stop();
    await harness?.stop();
    bare.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

// `--only=scan`: only the expiry scan (no services, no TLS); `--only=tls`: only the parts above.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
(only === 'scan' ? Promise.resolve() : main())
  .then(() => (only === 'tls' ? undefined : runScanBench()))
  .catch((err: unknown) => {
    const cause = err instanceof Error && err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : "";
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}${cause}\n`);
    process.exit(1);
  });
