import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { listenOnNats } from '@certgate/messaging';
import { PlatformModule } from '@certgate/platform';
import type { NatsHarness } from '@certgate/testing';
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
