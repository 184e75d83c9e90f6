import { request } from 'node:http';
import { existsSync } from 'node:fs';

const SOCKET = '/var/run/docker.sock';

/** The locally built NATS image (tools/docker builds it; nothing can be pulled here). */
export const NATS_TEST_IMAGE = process.env.CERTGATE_NATS_IMAGE ?? 'certgate/nats:local';

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
 * True when a Docker engine answers on the local socket and has the NATS image: only
 * then can Testcontainers start a NATS of the suite's own. Anything else (no engine,
 * a remote DOCKER_HOST, no image) means: use NATS_URL.
 */
export async function dockerNatsAvailable(timeoutMs = 1000): Promise<boolean> {
  if (process.env.DOCKER_HOST && !process.env.DOCKER_HOST.startsWith('unix://')) return false;
  if (!existsSync(SOCKET)) return false;
  if ((await dockerGet('/_ping', timeoutMs)) !== 200) return false;
  return (await dockerGet(`/images/${encodeURIComponent(NATS_TEST_IMAGE)}/json`, timeoutMs)) === 200;
}
