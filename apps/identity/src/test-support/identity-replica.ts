import { Test, type TestingModule } from '@nestjs/testing';
import { PlatformModule } from '@certgate/platform';
import { IdentityFeaturesModule } from '../app/identity-features.module';

/** One identity replica in this process, on the tenant of the harness env (NATS_URL, CERTGATE_TENANT), with a node id of its own. */
export async function startIdentityReplica(h: { env: Record<string, string> }, nodeId: string): Promise<TestingModule> {
  const platform = PlatformModule.forService('identity', undefined, {
    ...process.env, ...h.env, CERTGATE_NODE_ID: nodeId, METRICS_PORT: '0', LOG_LEVEL: 'silent' });
  const app = await Test.createTestingModule({ imports: [platform, IdentityFeaturesModule] }).compile();
  app.useLogger(false);
  await app.init();
  return app;
}
