import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { existsSync } from 'node:fs';

const SOCKET = '/var/run/docker.sock';

/** The locally built NATS image (tools/docker builds it; nothing can be pulled here). */
export const NATS_TEST_IMAGE = process.env.CERTGATE_NATS_IMAGE ?? 'certgate/nats:local';

/** The images docker-compose.yml runs (tools/docker/build-images.sh builds them). */
export const COMPOSE_IMAGES = [
  process.env.CERTGATE_COMPOSE_NATS_IMAGE ?? 'nats:2.10-alpine',
  ...['identity', 'keystore', 'flow-runtime', 'ingress', 'console'].map((s) => `certgate/${s}:local`),
];

/**
 * Testcontainers settings for this machine kind: no Ryuk (its image cannot be pulled;
 * suites stop what they start in `finally`) and `localhost` as the host of mapped ports.
 * Explicit settings win.
 */
export function useLocalTestcontainers(): void {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= 'localhost';
}

function dockerGet(path: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ socketPath: SOCKET, path, method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/**
 * Why Testcontainers cannot start a NATS of the suite's own here, or undefined when it
 * can: a Docker engine answers on the local socket and has the NATS image. A remote
 * DOCKER_HOST counts as unavailable (the harness then uses NATS_URL).
 */
export async function natsContainerUnavailable(timeoutMs = 1000): Promise<string | undefined> {
  if (process.env.DOCKER_HOST && !process.env.DOCKER_HOST.startsWith('unix://')) return `DOCKER_HOST=${process.env.DOCKER_HOST} is not a local socket`;
  if (!existsSync(SOCKET)) return `no Docker engine (${SOCKET} is missing)`;
  if ((await dockerGet('/_ping', timeoutMs)) !== 200) return `no Docker engine answers on ${SOCKET}`;
  if ((await dockerGet(`/images/${encodeURIComponent(NATS_TEST_IMAGE)}/json`, timeoutMs)) !== 200) {
    return `the Docker engine has no image ${NATS_TEST_IMAGE} (build it: tools/docker/build-base-images.sh)`;
  }
  return undefined;
}

/** True when Testcontainers can start a NATS of the suite's own (see natsContainerUnavailable). */
export async function dockerNatsAvailable(timeoutMs = 1000): Promise<boolean> {
  return (await natsContainerUnavailable(timeoutMs)) === undefined;
}

export type ComposeAvailability = { ok: true; standalone: boolean } | { ok: false; reason: string };

function runs(command: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

/**
 * Whether the compose-level suite can run: a Docker engine, every image docker-compose.yml
 * names, and a compose CLI — `docker compose` (v2, or tools/docker's shim over v1), else
 * the standalone `docker-compose` v1 (`standalone: true`). Synchronous, so a suite can
 * decide between describe and describe.skip while Jest collects it.
 */
export function composeAvailability(): ComposeAvailability {
  const engine = runs('docker', ['version', '--format', '{{.Server.Version}}']);
  if (!engine.ok) return { ok: false, reason: `no Docker engine answers (docker version: ${engine.output.split('\n').pop() || 'failed'})` };
  const missing = COMPOSE_IMAGES.filter((image) => !runs('docker', ['image', 'inspect', image]).ok);
  if (missing.length) return { ok: false, reason: `images missing: ${missing.join(', ')} (build them: tools/docker/build-images.sh)` };
  if (runs('docker', ['compose', 'version']).ok) return { ok: true, standalone: false };
  if (runs('docker-compose', ['version']).ok) return { ok: true, standalone: true };
  return { ok: false, reason: 'neither `docker compose` nor `docker-compose` is installed' };
}
