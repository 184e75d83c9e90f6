import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NatsConnection } from 'nats';
import { listenOnNats, NATS_CONNECTION } from '@certgate/messaging';
import { PlatformModule } from '@certgate/platform';
import { keystoreEnvSchema } from './app/keystore-env';
import { KeystoreFeaturesModule } from './app/keystore-features.module';

/** For integration specs: one keystore replica in this process, against a harness' NATS and tenant. */
export async function startInProcessKeystore(natsEnv: Record<string, string>, nodeId: string, env: Record<string, string>): Promise<INestMicroservice> {
  const platform = PlatformModule.forService('keystore', keystoreEnvSchema, {
    ...process.env,
    ...natsEnv,
    CERTGATE_NODE_ID: nodeId,
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [platform, KeystoreFeaturesModule] }).compile();
  moduleRef.useLogger(false);
  try {
    return await listenOnNats(moduleRef);
  } catch (err) {
    // A replica refusing to start (e.g. a wrong master key) must not leave its NATS connection
    // open; Nest's close() only rethrows the failed init here, so the connection is closed directly.
    await moduleRef
      .get<NatsConnection>(NATS_CONNECTION)
      .close()
      .catch(() => undefined);
    throw err;
  }
}
