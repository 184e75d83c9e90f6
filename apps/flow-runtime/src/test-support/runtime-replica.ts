import { ConsoleLogger, Global, Module, type INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MessagingModule, listenOnNats } from '@certgate/messaging';
import { SERVICE_ENV, VERSION, parseEnv } from '@certgate/platform';
import { flowRuntimeEnvSchema } from '../app/flow-runtime-env';
import { FlowRuntimeModule } from '../app/flow-runtime.module';

export interface NatsTarget {
  url: string;
  user?: string;
  pass?: string;
  tenant: string;
}

/**
 * One runtime replica in this process: the app's own feature modules with the
 * platform's NATS wiring, a node id of its own, and env parsed by the app's schema.
 * Several of them in one test act as replicas of one service (queue group, watches).
 * Resolves once the replica listens: caches loaded, handlers subscribed.
 */
export async function startRuntimeReplica(nats: NatsTarget, nodeId: string, env: Record<string, string> = {}): Promise<INestMicroservice> {
  const parsed = parseEnv(flowRuntimeEnvSchema, { NATS_URL: nats.url, CERTGATE_TENANT: nats.tenant, CERTGATE_NODE_ID: nodeId, ...env });

  @Global()
  @Module({ providers: [{ provide: SERVICE_ENV, useValue: parsed }], exports: [SERVICE_ENV] })
  class ReplicaEnvModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ReplicaEnvModule,
      MessagingModule.forRootAsync({
        service: 'flow-runtime',
        useFactory: () => ({
          service: 'flow-runtime',
          tenant: nats.tenant,
          nodeId,
          natsUrl: nats.url,
          natsUser: nats.user,
          natsPass: nats.pass,
          version: VERSION,
        }),
      }),
      FlowRuntimeModule,
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: ['error'] }))
    .compile();
  return listenOnNats(moduleRef);
}
