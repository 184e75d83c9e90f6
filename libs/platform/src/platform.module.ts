import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { z } from 'zod';
import type { ServiceName } from '@certgate/contracts';
import { MessagingModule } from '@certgate/messaging';
import { baseEnvSchema, parseEnv, type BaseEnv } from './env';
import { pinoParams } from './logger';
import { OpsServer } from './ops-server';
import { SERVICE_ENV, SERVICE_NAME } from './tokens';
import { VERSION } from './version';

/**
 * Everything a certgate service shares: validated environment (injected as
 * SERVICE_ENV), JSON logging, NATS messaging and health, and the ops endpoint.
 */
@Global()
@Module({})
export class PlatformModule {
  /** `source` defaults to process.env; tests running several replicas in one process pass each one's own. */
  static forService<S extends z.ZodType<BaseEnv>>(
    service: ServiceName,
    envSchema: S = baseEnvSchema as unknown as S,
    source: Record<string, string | undefined> = process.env,
  ): DynamicModule {
    const env = parseEnv(envSchema, source) as z.output<S>;
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(pinoParams(service, env)),
        MessagingModule.forRootAsync({
          service,
          useFactory: () => ({
            service,
            tenant: env.CERTGATE_TENANT,
            nodeId: env.CERTGATE_NODE_ID,
            natsUrl: env.NATS_URL,
            natsUser: env.NATS_USER,
            natsPass: env.NATS_PASS,
            natsReplicas: env.CERTGATE_NATS_REPLICAS,
            version: VERSION,
          }),
        }),
      ],
      providers: [{ provide: SERVICE_NAME, useValue: service }, { provide: SERVICE_ENV, useValue: env }, OpsServer],
      exports: [SERVICE_NAME, SERVICE_ENV, OpsServer],
    };
  }
}
