import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@certgate/contracts';
import { freePort, launchServices, startNatsHarness, type LaunchedSystem, type NatsHarness } from '@certgate/testing';

export const ALL_SERVICES: ServiceName[] = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'];

export interface RunningSystem {
  harness: NatsHarness;
  system: LaunchedSystem;
  adminToken: string;
  consoleUrl: string;
  ingressPort: number;
  dataDir: string;
  stop(): Promise<{ service: ServiceName; code: number | null; signal: NodeJS.Signals | null }[]>;
}

/**
 * The whole system as `npm start` runs it, on free ports, in a tenant and data dir of its
 * own. `services` may name a service several times to run several replicas of it.
 */
export async function startSystem(label: string, extraEnv: Record<string, string> = {}, services: ServiceName[] = ALL_SERVICES): Promise<RunningSystem> {
  const harness = await startNatsHarness({ label });
  const dataDir = mkdtempSync(join(tmpdir(), 'certgate-e2e-'));
  const adminToken = randomBytes(24).toString('base64url');
  const [consolePort, ingressPort] = [await freePort(), await freePort()];
  let system: LaunchedSystem;
  try {
    system = await launchServices({
      services,
      nc: harness.nc,
      env: {
        ...harness.env,
        CERTGATE_ADMIN_TOKEN: adminToken,
        CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
        CERTGATE_DATA_DIR: join(dataDir, 'data'),
        CERTGATE_LOG_DIR: join(dataDir, 'logs'),
        CONSOLE_PORT: String(consolePort),
        INGRESS_PORT: String(ingressPort),
        ...extraEnv,
      },
    });
  } catch (err) {
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  let stopped: ReturnType<RunningSystem['stop']> | undefined;
  return {
    harness,
    system,
    adminToken,
    consoleUrl: `http://127.0.0.1:${consolePort}/api/v1`,
    ingressPort,
    dataDir: join(dataDir, 'data'),
    stop: () =>
      (stopped ??= (async () => {
        try {
          return await system.stop();
        } finally {
          await harness.stop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      })()),
  };
}
