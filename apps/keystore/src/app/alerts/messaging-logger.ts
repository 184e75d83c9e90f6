import { Logger } from '@nestjs/common';
import type { MessagingLogger } from '@certgate/messaging';

/** A Nest logger behind the messaging lib's logger interface (for KvCache). */
export function messagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    info: (msg, ctx) => logger.log({ msg, ...ctx }),
    warn: (msg, ctx) => logger.warn({ msg, ...ctx }),
    error: (msg, ctx) => logger.error({ msg, ...ctx }),
  };
}
