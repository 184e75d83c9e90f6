import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { connectCertgateTransport } from '@certgate/messaging';
import { closeOnSignals, exitOnStartupFailure, SERVICE_ENV, VERSION } from '@certgate/platform';
import { ConsoleAppModule } from './app/app.module';
import { jsonBodyErrors } from './app/common/error.filter';
import { serveOpenApi } from './app/common/openapi';
import type { ConsoleEnv } from './app/console-env';
import { serveWebConsole } from './app/web/web-console';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ConsoleAppModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // PEM bundles and flow definitions fit well within 1 MiB; larger bodies get a 413.
  app.useBodyParser('json', { limit: '1mb' });
  app.use(jsonBodyErrors);
  app.setGlobalPrefix('api/v1');
  // The web console (apps/web/dist) at `/`, and the Content-Security-Policy of its pages
  // and of Swagger UI's (registered first: Swagger UI's routes are served as they are added).
  serveWebConsole(app);
  // OpenAPI 3.1 at /api/docs-json and /api/docs-yaml, Swagger UI at /api/docs.
  serveOpenApi(app, VERSION);
  const env = app.get<ConsoleEnv>(SERVICE_ENV);
  // The console's own health is answered over NATS like every service's.
  await app.init();
  connectCertgateTransport(app);
  await app.startAllMicroservices();
  await app.listen(env.CONSOLE_PORT, env.CONSOLE_HOST);
  closeOnSignals(app);
  app.get(Logger).log({
    msg: 'console listening',
    url: `http://${env.CONSOLE_HOST}:${env.CONSOLE_PORT}/`,
    api: `http://${env.CONSOLE_HOST}:${env.CONSOLE_PORT}/api/v1`,
  });
}

bootstrap().catch(exitOnStartupFailure);
