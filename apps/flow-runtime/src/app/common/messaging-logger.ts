import { Logger } from '@nestjs/common';
import type { MessagingLogger } from '@certgate/messaging';

/** Lets the framework-free messaging helpers (KvCache) log through Nest's pino logger. */
export function messagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    info: (msg, ctx) => logger.log({ msg, ...ctx }),
    warn: (msg, ctx) => logger.warn({ msg, ...ctx }),
    error: (msg, ctx) => logger.error({ msg, ...ctx }),
  };
}
