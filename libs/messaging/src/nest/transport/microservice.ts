import type { INestApplication, INestMicroservice } from '@nestjs/common';
import type { AsyncMicroserviceOptions } from '@nestjs/microservices';
import { CertgateServer } from './certgate-server';
import { PassErrorsToTransport } from './rpc-errors.filter';

/** `NestFactory.createMicroservice(AppModule, CERTGATE_MICROSERVICE)`: the messaging module's server as the strategy. */
export const CERTGATE_MICROSERVICE: AsyncMicroserviceOptions = {
  inject: [CertgateServer],
  useFactory: (server: CertgateServer) => ({ strategy: server }),
};

/** What every certgate microservice needs before it listens: handler errors reach the transport unchanged. */
export function prepareMicroservice<M extends INestMicroservice>(micro: M): M {
  micro.useGlobalFilters(new PassErrorsToTransport());
  return micro;
}

/**
 * An HTTP app (the console) that also answers on NATS: its handlers are subscribed once
 * `startAllMicroservices()` runs. Call it after `app.init()`: the app runs the lifecycle
 * hooks, once; the microservice shares its container and must not run them again (a
 * second onApplicationBootstrap bound the ops port twice: EADDRINUSE).
 */
export function connectCertgateTransport(app: INestApplication): INestMicroservice {
  // Deferred, so the filter is in place before Nest binds the handlers.
  const micro = prepareMicroservice(app.connectMicroservice(CERTGATE_MICROSERVICE, { deferInitialization: true }));
  (micro as INestMicroservice & { setIsInitHookCalled(called: boolean): void }).setIsInitHookCalled(true);
  return micro;
}

/** For specs: a compiled testing module started as a certgate microservice (handlers subscribed, hooks run). */
export async function listenOnNats(moduleRef: { createNestMicroservice(options: AsyncMicroserviceOptions): INestMicroservice }): Promise<INestMicroservice> {
  const micro = prepareMicroservice(moduleRef.createNestMicroservice(CERTGATE_MICROSERVICE));
  await micro.listen();
  return micro;
}
