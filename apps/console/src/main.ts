import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { connectCertgateTransport } from '@certgate/messaging';
import { closeOnSignals, exitOnStartupFailure, SERVICE_ENV, VERSION } from '@certgate/platform';
import { ConsoleAppModule } from './app/app.module';
import { serveOpenApi } from './app/common/openapi';
import { refuseQueryParameters } from './app/common/query-params';
import { useJsonRequestBody } from './app/common/request-body';
import type { ConsoleEnv } from './app/console-env';
import { serveWebConsole } from './app/web/web-console';

async function bootstrap(): Promise<void> {
  // No parsers of Nest's (they took form-urlencoded bodies too): JSON only, at most 1 MiB, parsed strictly.
  const app = await NestFactory.create<NestExpressApplication>(ConsoleAppModule, { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Express 5's default, set so that it stays: `?a[b]=c` is the parameter `a[b]`, which
  // QueryParamsInterceptor refuses like every list or object where one value is expected.
  app.set('query parser', 'simple');
  // PEM bundles and flow definitions fit well within 1 MiB; larger bodies get a 413.
  useJsonRequestBody(app);
  app.setGlobalPrefix('api/v1');
  // The web console (apps/web/dist) at `/`, and the Content-Security-Policy of its pages
  // and of Swagger UI's (registered first: Swagger UI's routes are served as they are added).
  serveWebConsole(app);
  // OpenAPI 3.1 at /api/docs-json and /api/docs-yaml, Swagger UI at /api/docs: none takes a query parameter.
  app.use(['/api/docs-json', '/api/docs-yaml'], refuseQueryParameters);
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
