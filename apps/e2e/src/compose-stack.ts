import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { DockerComposeEnvironment, Wait, type StartedDockerComposeEnvironment, type StartedTestContainer } from 'testcontainers';
import { ExchangeRecorder, freePort, natsServerBinary, REPO_ROOT, useLocalTestcontainers } from '@certgate/testing';
import { consoleApi, senderCall } from './clients';

export const COMPOSE_USERS = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'] as const;
export type ComposeUser = (typeof COMPOSE_USERS)[number];

/** tools/docker/make-secrets.sh into a fresh folder (secrets, NATS passwords, auth.conf). */
export function makeComposeSecrets(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'certgate-compose-')), 'secrets');
  const r = spawnSync('bash', [join(REPO_ROOT, 'tools/docker/make-secrets.sh')], {
    env: { ...process.env, CERTGATE_SECRETS_DIR: dir, CERTGATE_TENANT: 'default' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`make-secrets.sh failed: ${r.stderr}`);
  return dir;
}

export interface ComposeNats {
  url: string;
  connectAs(user: ComposeUser): Promise<NatsConnection>;
  /** Every line the server wrote (permission violations are logged there). */
  lines: string[];
  stop(): Promise<void>;
}

/**
 * A nats-server process running docker-compose.yml's NATS configuration
 * (tools/docker/nats/nats.conf with the users of permissions.conf) on free loopback
 * ports, so the permissions are tested where no Docker engine runs too.
 */
export async function startComposeNats(): Promise<ComposeNats> {
  const binary = natsServerBinary();
  if (!binary) throw new Error('no nats-server binary');
  const secrets = makeComposeSecrets();
  const root = join(secrets, '..');
  // nats.conf includes ./permissions.conf, which includes ../auth.conf: the compose layout.
  mkdirSync(join(root, 'conf'));
  for (const f of readdirSync(join(REPO_ROOT, 'tools/docker/nats'))) copyFileSync(join(REPO_ROOT, 'tools/docker/nats', f), join(root, 'conf', f));
  copyFileSync(join(secrets, 'auth.conf'), join(root, 'auth.conf'));
  // The container's /data volume becomes a folder of this run (-sd would clash with store_dir).
  const conf = join(root, 'conf/nats.conf');
  writeFileSync(conf, readFileSync(conf, 'utf8').replace('store_dir: /data', `store_dir: "${join(root, 'js')}"`));
  const [port, monitor] = [await freePort(), await freePort()];
  const child = spawn(binary, ['-c', conf, '-a', '127.0.0.1', '-p', String(port), '-m', String(monitor)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  const url = `nats://127.0.0.1:${port}`;
  const password = (user: ComposeUser) => readFileSync(join(secrets, `nats-${user}.pass`), 'utf8').trim();
  const connectAs = (user: ComposeUser) => connect({ servers: url, user, pass: password(user), maxReconnectAttempts: 0, timeout: 2000 });
  for (let i = 0; !lines.some((l) => l.includes('Server is ready')); i++) {
    if (child.exitCode !== null || i > 200) {
      await stop();
      throw new Error(`nats-server did not start with the compose configuration:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, connectAs, lines, stop };
}

export interface ComposeStack {
  env: StartedDockerComposeEnvironment;
  project: string;
  api: ReturnType<typeof consoleApi>;
  send: ReturnType<typeof senderCall>;
  /** Every exchange of `api`, checked against the console's OpenAPI document by `down()`. */
  exchanges: ExchangeRecorder;
  /** A container by service and replica number, whether Compose v1 (`_1`) or v2 (`-1`) named it. */
  container(service: string, n?: number): StartedTestContainer;
  /** Takes the stack down, then checks every response `api` received against the OpenAPI document. */
  down(): Promise<void>;
}

/**
 * docker-compose.yml brought up by Testcontainers under a project name of its own, with
 * fresh secrets, the ingress and console published on loopback ports Docker picks (no
 * clash with a running stack), every container waited for until its healthcheck passes.
 */
export async function upComposeStack(opts: { project: string; standalone: boolean; scale?: Record<string, number>; envFile?: string }): Promise<ComposeStack> {
  useLocalTestcontainers();
  const secrets = makeComposeSecrets();
  const started = Date.now();
  let compose = new DockerComposeEnvironment(REPO_ROOT, 'docker-compose.yml')
    .withProjectName(opts.project)
    .withEnvironment({ CERTGATE_SECRETS_DIR: secrets, INGRESS_PUBLISH: '127.0.0.1:', CONSOLE_PUBLISH: '127.0.0.1:' })
    .withClientOptions({
      commandOptions: Object.entries(opts.scale ?? {}).flatMap(([service, n]) => ['--scale', `${service}=${n}`]),
      ...(opts.standalone ? { executable: { standalone: true as const } } : {}),
    })
    .withDefaultWaitStrategy(Wait.forHealthCheck())
    .withStartupTimeout(240_000);
  if (opts.envFile) compose = compose.withEnvironmentFile(opts.envFile);
  const env = await compose.up();
  process.stdout.write(`compose: ${opts.project} up and healthy in ${Date.now() - started} ms (${opts.standalone ? 'docker-compose v1' : 'docker compose'})\n`);
  const container = (service: string, n = 1): StartedTestContainer => {
    try {
      return env.getContainer(`${service}_${n}`);
    } catch {
      return env.getContainer(`${service}-${n}`);
    }
  };
  const ingress = container('ingress');
  const ca = (await ingress.exec(['cat', '/data/ingress/dev-root-ca.pem'])).output;
  const consoleUrl = `http://127.0.0.1:${container('console').getMappedPort(8080)}/api/v1`;
  const exchanges = new ExchangeRecorder(opts.project);
  await exchanges.loadDocument(consoleUrl);
  return {
    env,
    project: opts.project,
    container,
    api: consoleApi(consoleUrl, readFileSync(join(secrets, 'admin-token'), 'utf8').trim(), exchanges.fetch),
    send: senderCall(ingress.getMappedPort(8443), ca),
    exchanges,
    down: async () => {
      try {
        await env.down({ removeVolumes: true, timeout: 10_000 });
        rmSync(join(secrets, '..'), { recursive: true, force: true });
      } finally {
        exchanges.verify();
      }
    },
  };
}
