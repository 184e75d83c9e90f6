import { Logger as NestLogger, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/**
 * Starts a service without an HTTP API of its own (identity, keystore, flow-runtime,
 * ingress — whose TLS server is its own provider). SIGTERM/SIGINT close the app:
 * NATS subscriptions drain first, then the connection, then servers.
 */
export async function runService(module: Type<unknown>): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(module, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  new NestLogger('bootstrap').log('service started');
  return app;
}

/** Fatal start-up errors: one JSON line on stderr and exit code 1 (no stack for config errors). */
export function exitOnStartupFailure(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(JSON.stringify({ level: 'fatal', msg: 'start-up failed', error: message, time: new Date().toISOString() }) + '\n');
  process.exit(1);
}
