import { Inject, Injectable, Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { isObservable, lastValueFrom } from 'rxjs';
import { isContract, queueGroup, type AnyEventContract, type AnyRpcContract } from '@certgate/contracts';
import { serveEvents } from '../../core/event-server';
import { serveRpc } from '../../core/rpc-server';
import { nestMessagingLogger } from '../nest-logger.adapter';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from '../tokens';
import { NatsContext } from './nats-context';

/** Extras of a certgate `@MessagePattern(contract, extras)` or `@EventPattern(contract, extras)`. */
export interface PatternExtras {
  /** true: every replica handles it (cache state, discovery); default: one replica of the service's queue group. */
  perReplica?: boolean;
}

export const CERTGATE_TRANSPORT = Symbol('certgate-nats');

/**
 * certgate's NATS wiring as a NestJS transport: handlers are `@MessagePattern(contract)`
 * and `@EventPattern(contract)` methods of controllers, and the pattern is the contract
 * itself (subject plus zod schemas). Each one is subscribed under the tenant
 * namespace, in the service's queue group or, with `{ perReplica: true }`, on every
 * replica. The request is validated once, here; the reply once, by the client.
 *
 * The message handling is the framework-free `serveRpc` / `serveEvents` of the core:
 * this class only binds Nest's handlers to it, so the request path stays the measured
 * one. Shutdown drains the subscriptions first, so requests in flight are answered.
 */
@Injectable()
export class CertgateServer extends Server implements CustomTransportStrategy {
  override readonly transportId = CERTGATE_TRANSPORT;
  private readonly contracts = new Map<string, AnyRpcContract | AnyEventContract>();
  private subscriptions: Subscription[] = [];
  private readonly log = new Logger('rpc');

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super();
  }

  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    if (!isContract(pattern)) {
      throw new Error(`a certgate handler's pattern must be a contract from @certgate/contracts, not ${JSON.stringify(pattern)}`);
    }
    if (isEventHandler !== !('request' in pattern)) {
      throw new Error(`${pattern.subject}: @MessagePattern takes an rpcContract, @EventPattern an eventContract`);
    }
    // Several @EventPattern handlers of one event are chained by Nest; a request has one handler.
    if (!isEventHandler && this.contracts.has(pattern.subject)) throw new Error(`two handlers for ${pattern.subject}`);
    this.contracts.set(pattern.subject, pattern);
    super.addHandler(pattern, callback, isEventHandler, extras);
  }

  /** A contract's route is its subject (Nest would otherwise serialize the zod schemas). */
  override normalizePattern(pattern: unknown): string {
    return isContract(pattern) ? pattern.subject : super.normalizePattern(pattern as string);
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const logger = nestMessagingLogger('rpc');
      for (const [subject, handler] of this.getHandlers()) {
        const contract = this.contracts.get(subject);
        if (!contract) continue;
        const perReplica = (handler.extras as PatternExtras | undefined)?.perReplica === true;
        const queue = perReplica ? undefined : queueGroup(this.options.service);
        const serve = { tenant: this.options.tenant, queue, logger };
        const sub =
          'request' in contract
            ? serveRpc(this.nc, contract, (body, msg: Msg) => settle(handler(body, new NatsContext([msg]))), serve)
            : serveEvents(this.nc, contract, (payload, msg) => settle(handler(payload, new NatsContext([msg]))), serve);
        this.subscriptions.push(sub);
        this.log.log({ msg: 'serving', subject: sub.getSubject(), queue: queue ?? null, event: handler.isEventHandler });
      }
      // A started service answers at once: its subscriptions are known to the server before listen resolves.
      await this.nc.flush();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  async close(): Promise<void> {
    const subs = this.subscriptions;
    this.subscriptions = [];
    await Promise.allSettled(subs.map((s) => (s.isClosed() ? undefined : s.drain())));
  }

  on(): never {
    throw new Error('the certgate transport has no events to listen to; watch the NATS connection status instead');
  }

  unwrap<T>(): T {
    return this.nc as T;
  }
}

/**
 * Nest's handler proxy answers with a promise of the value, or of an Observable (a
 * handler that returned one, or the error the exception filter passed on).
 */
function settle(result: Promise<unknown>): Promise<unknown> {
  return result.then((value) => (isObservable(value) ? lastValueFrom(value, { defaultValue: undefined }) : value));
}
