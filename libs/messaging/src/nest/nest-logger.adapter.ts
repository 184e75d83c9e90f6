import { Logger } from '@nestjs/common';
import type { MessagingLogger } from '../core/logger';

/** Routes the core's log calls to Nest's logger (pino once the app has set it). */
export function nestMessagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    info: (msg, ctx) => logger.log({ msg, ...ctx }),
    warn: (msg, ctx) => logger.warn({ msg, ...ctx }),
    error: (msg, ctx) => logger.error({ msg, ...ctx }),
  };
}
