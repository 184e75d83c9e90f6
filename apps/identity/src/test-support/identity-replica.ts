import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { listenOnNats } from '@certgate/messaging';
import { PlatformModule } from '@certgate/platform';
import { IdentityFeaturesModule } from '../app/identity-features.module';

/** One identity replica in this process, on the tenant of the harness env (NATS_URL, CERTGATE_TENANT), with a node id of its own. */
export async function startIdentityReplica(h: { env: Record<string, string> }, nodeId: string): Promise<INestMicroservice> {
  const platform = PlatformModule.forService('identity', undefined, {
    ...process.env,
    ...h.env,
    CERTGATE_NODE_ID: nodeId,
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const moduleRef = await Test.createTestingModule({ imports: [platform, IdentityFeaturesModule] }).compile();
  moduleRef.useLogger(false);
  return listenOnNats(moduleRef);
}
