import { Test, type TestingModule } from '@nestjs/testing';
import { PlatformModule } from '@certgate/platform';
import { IdentityFeaturesModule } from '../app/identity-features.module';

/** PlatformModule reads process.env when the module is built: give it this replica's env for that moment only. */
function platformWith(env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return PlatformModule.forService('identity');
  } finally {
    process.env = saved;
  }
}

/** One identity replica in this process, on the tenant of the harness env (NATS_URL, CERTGATE_TENANT), with a node id of its own. */
export async function startIdentityReplica(h: { env: Record<string, string> }, nodeId: string): Promise<TestingModule> {
  const platform = platformWith({ ...h.env, CERTGATE_NODE_ID: nodeId, METRICS_PORT: '0', LOG_LEVEL: 'silent' });
  const app = await Test.createTestingModule({ imports: [platform, IdentityFeaturesModule] }).compile();
  app.useLogger(false);
  await app.init();
  return app;
}
