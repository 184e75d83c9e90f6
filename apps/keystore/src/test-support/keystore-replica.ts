import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { listenOnNats, RpcClient } from '@certgate/messaging';
import { PlatformModule } from '@certgate/platform';
import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import { CLOCK, type Clock } from '../app/alerts/clock/clock';
import { keystoreEnvSchema } from '../app/keystore-env';
import { KeystoreFeaturesModule } from '../app/keystore-features.module';

export interface KeystoreReplicaOptions {
  /** CERTGATE_MASTER_KEY: the same for every replica of a test, or they cannot open each other's keys. */
  masterKey: string;
  /** A clock the test moves instead of sleeping (default: the real one). */
  clock?: Clock;
  env?: Record<string, string>;
}

/** One keystore replica in the test's process, on the harness' NATS and tenant, silent. */
export async function startKeystoreReplica(h: NatsHarness, nodeId: string, opts: KeystoreReplicaOptions): Promise<INestMicroservice> {
  const platform = PlatformModule.forService('keystore', keystoreEnvSchema, {
    ...process.env,
    ...h.env,
    CERTGATE_NODE_ID: nodeId,
    CERTGATE_MASTER_KEY: opts.masterKey,
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  let builder = Test.createTestingModule({ imports: [platform, KeystoreFeaturesModule] });
  if (opts.clock) builder = builder.overrideProvider(CLOCK).useValue(opts.clock);
  const moduleRef = await builder.compile();
  moduleRef.useLogger(false);
  return listenOnNats(moduleRef);
}

export interface TwoReplicas {
  h: NatsHarness;
  rpc: RpcClient;
  replicas: INestMicroservice[];
  /** The replicas' clock: a test moves `now` instead of sleeping. */
  clock: { now: number };
}

/**
 * Two keystore replicas of one tenant that share a fake clock, started before the
 * enclosing suite's tests and stopped after them (registers `beforeAll`/`afterAll`).
 * Its fields are set once the suite starts: read them inside tests.
 */
export function twoReplicasOnOneClock(label: string): TwoReplicas {
  const suite = { replicas: [], clock: { now: Date.now() } } as unknown as TwoReplicas;
  beforeAll(async () => {
    suite.h = await startNatsHarness({ label });
    suite.rpc = new RpcClient(suite.h.nc, suite.h.tenant);
    const opts = { masterKey: randomBytes(32).toString('base64url'), clock: () => suite.clock.now };
    suite.replicas.push(await startKeystoreReplica(suite.h, `${label}-a`, opts), await startKeystoreReplica(suite.h, `${label}-b`, opts));
  }, 60_000);
  afterAll(async () => {
    for (const r of suite.replicas) await r.close().catch(() => undefined);
    await suite.h?.stop();
  });
  return suite;
}
