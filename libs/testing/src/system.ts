import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@certgate/contracts';
import { launchServices, type LaunchedSystem } from './launcher/service-launcher';
import { startNatsHarness, type NatsHarness } from './nats/nats-harness';
import { freePort } from './net/free-port';
import { ExchangeRecorder } from './openapi/exchange-recorder';

export const ALL_SERVICES: ServiceName[] = ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'];

export interface RunningSystem {
  harness: NatsHarness;
  /** The services now running (replaced by `restart`). */
  system: LaunchedSystem;
  adminToken: string;
  consoleUrl: string;
  ingressPort: number;
  dataDir: string;
  /**
   * Every exchange of the suite with this system's console API: call the console
   * through `exchanges.fetch` (or `consoleApi`/`consoleBytes` given it), and end the
   * suite with {@link checkExchangesAndStop}, which checks every response against the
   * OpenAPI document the console serves.
   */
  exchanges: ExchangeRecorder;
  /** Stops every service and launches them again with the same env (tenant, master key, ports, data dir). */
  restart(): Promise<void>;
  stop(): Promise<{ service: ServiceName; code: number | null; signal: NodeJS.Signals | null }[]>;
}

export interface StartSystemOptions {
  /** A NATS of the suite's own (e.g. `startNatsProcess().url`) instead of the harness' default. */
  natsUrl?: string;
}

/**
 * The whole system as `npm start` runs it (used by the e2e suites of apps/e2e and the
 * browser suites of apps/web), on free ports, in a tenant and data dir of its
 * own. `services` may name a service several times to run several replicas of it.
 */
export async function startSystem(
  label: string,
  extraEnv: Record<string, string> = {},
  services: ServiceName[] = ALL_SERVICES,
  opts: StartSystemOptions = {},
): Promise<RunningSystem> {
  const harness = await startNatsHarness({ label, url: opts.natsUrl });
  const dataDir = mkdtempSync(join(tmpdir(), 'certgate-e2e-'));
  const adminToken = randomBytes(24).toString('base64url');
  const [consolePort, ingressPort] = [await freePort(), await freePort()];
  const env = {
    ...harness.env,
    CERTGATE_ADMIN_TOKEN: adminToken,
    CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
    CERTGATE_DATA_DIR: join(dataDir, 'data'),
    CERTGATE_LOG_DIR: join(dataDir, 'logs'),
    CONSOLE_PORT: String(consolePort),
    INGRESS_PORT: String(ingressPort),
    ...extraEnv,
  };
  const launch = () => launchServices({ services, nc: harness.nc, env });
  const consoleUrl = `http://127.0.0.1:${consolePort}/api/v1`;
  const exchanges = new ExchangeRecorder(label);
  let system: LaunchedSystem;
  try {
    system = await launch();
    if (services.includes('console')) await exchanges.loadDocument(consoleUrl);
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    // The launch failure is what to report, not a clean-up that fails after it.
    await harness.stop().catch(() => undefined);
    throw err;
  }
  let stopped: ReturnType<RunningSystem['stop']> | undefined;
  const running: RunningSystem = {
    harness,
    system,
    adminToken,
    consoleUrl,
    ingressPort,
    dataDir: join(dataDir, 'data'),
    exchanges,
    restart: async () => {
      await running.system.stop();
      running.system = await launch();
    },
    stop: () =>
      (stopped ??= (async () => {
        try {
          return await running.system.stop();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
          await harness.stop();
        }
      })()),
  };
  return running;
}

/**
 * The end of a suite (its afterAll): stops the system, then checks every response the
 * suite received from its console against the OpenAPI document the console served, so a
 * drift fails the suite that caused it (naming operation, status and the Ajv error path).
 */
export async function checkExchangesAndStop(sys: RunningSystem | undefined): Promise<void> {
  if (!sys) return;
  try {
    await sys.stop();
  } finally {
    sys.exchanges.verify();
  }
}
