import { Logger as NestLogger, type INestApplicationContext, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CERTGATE_MICROSERVICE, prepareMicroservice } from '@certgate/messaging';
import { errorMessage } from '@certgate/contracts';

/** A shutdown that hangs longer than this is cut short (exit 1), so orchestrators are not kept waiting. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Starts a service without an HTTP API of its own (identity, keystore, flow-runtime,
 * ingress — whose TLS server is its own provider) as a Nest microservice on the
 * certgate transport: its `@MessagePattern` handlers answer once it resolves.
 */
export async function runService(module: Type<unknown>): Promise<INestMicroservice> {
  const app = prepareMicroservice(await NestFactory.createMicroservice(module, { ...CERTGATE_MICROSERVICE, bufferLogs: true, abortOnError: false }));
  app.useLogger(app.get(Logger));
  await app.listen();
  closeOnSignals(app);
  new NestLogger('bootstrap').log('service started');
  return app;
}

/**
 * SIGTERM/SIGINT close the app — NATS subscriptions drain first (in-flight requests
 * are answered), then the connection, then servers — and exit with code 0. Nest's own
 * shutdown hooks would re-raise the signal instead, which reads as a crash to a
 * supervisor.
 */
export function closeOnSignals(app: INestApplicationContext): void {
  const logger = new NestLogger('shutdown');
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log({ msg: 'shutting down', signal });
    setTimeout(() => {
      logger.error({ msg: 'shutdown deadline passed, exiting', deadlineMs: SHUTDOWN_DEADLINE_MS });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ msg: 'shutdown failed', error: errorMessage(err) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** Fatal start-up errors: one JSON line on stderr and exit code 1 (no stack for config errors). */
export function exitOnStartupFailure(err: unknown): never {
  const message = errorMessage(err);
  process.stderr.write(JSON.stringify({ level: 'fatal', msg: 'start-up failed', error: message, time: new Date().toISOString() }) + '\n');
  process.exit(1);
}

/** A bad or missing variable: the error parseEnv throws, its message naming every one. */
export function isConfigurationError(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('invalid configuration:');
}

/**
 * PlatformModule.forService parses the environment while a service's app module is being
 * imported — before main.ts reaches `runService(...).catch(exitOnStartupFailure)` — so a
 * bad variable is an uncaught exception, which Node prints with the source line and a
 * stack. The monitor sees it first and prints the same JSON line as exitOnStartupFailure
 * instead, with the same exit code 1. It acts only when Node is about to crash anyway
 * (no `uncaughtException` listener, no capture callback): a process that handles its own
 * uncaught errors keeps doing so, and any other error keeps its stack.
 */
function reportConfigurationCrash(err: unknown): void {
  if (!isConfigurationError(err) || process.listenerCount('uncaughtException') > 0 || process.hasUncaughtExceptionCaptureCallback()) return;
  exitOnStartupFailure(err);
}
process.on('uncaughtExceptionMonitor', reportConfigurationCrash);
