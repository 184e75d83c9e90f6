import type { Msg, NatsConnection, Subscription } from 'nats';
import type { z } from 'zod';
import { describeIssues, errorMessage, tenantSubject, type EventContract } from '@certgate/contracts';
import { decodeJson } from './codec';
import { silentLogger } from './logger';
import type { ServeOptions } from './rpc-server';

export type EventHandlerFn<P extends z.ZodType> = (payload: z.output<P>, msg: Msg) => unknown;

/**
 * Handles a contract's events: each payload is validated once, here, and an invalid
 * one is logged and dropped (an event has nobody to answer). In a queue group each
 * event reaches one replica; without one, every replica.
 */
export function serveEvents<P extends z.ZodType>(nc: NatsConnection, contract: EventContract<P>, handler: EventHandlerFn<P>, opts: ServeOptions): Subscription {
  const logger = opts.logger ?? silentLogger;
  const subject = tenantSubject(opts.tenant, contract.subject);
  return nc.subscribe(subject, {
    queue: opts.queue,
    callback: (err, msg) => {
      if (err) return logger.error('subscription failed', { subject, error: err.message });
      let raw: unknown;
      try {
        raw = decodeJson(msg.data);
      } catch {
        return logger.warn('event dropped: not JSON', { subject: msg.subject });
      }
      const parsed = contract.payload.safeParse(raw ?? {});
      if (!parsed.success) return logger.warn('event dropped: invalid payload', { subject: msg.subject, problem: describeIssues(parsed.error.issues) });
      Promise.resolve()
        .then(() => handler(parsed.data, msg))
        .catch((failure: unknown) => logger.error('event handler failed', { subject: msg.subject, error: errorMessage(failure) }));
    },
  });
}
