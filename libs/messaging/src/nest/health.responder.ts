import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { healthContract, healthDiscoverContract, type HealthReply } from '@certgate/contracts';
import { RpcHandler } from './rpc-handler.decorator';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './tokens';

export type HealthCheckFn = () => Promise<{ status: 'up' | 'down'; message?: string }> | { status: 'up' | 'down'; message?: string };

/**
 * Answers the service's health request over NATS (one replica, queue group) and the
 * discovery request (every replica), so the console can count replicas. Services add
 * their own checks with `register`.
 */
@Injectable()
export class HealthResponder {
  private readonly startedAt = new Date();
  private readonly checks = new Map<string, HealthCheckFn>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
  ) {
    this.register('nats', () => (nc.isClosed() ? { status: 'down', message: 'connection closed' } : { status: 'up' }));
  }

  register(name: string, check: HealthCheckFn): void {
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReply> {
    const checks: HealthReply['checks'] = {};
    for (const [name, check] of this.checks) {
      try {
        checks[name] = await check();
      } catch (err) {
        checks[name] = { status: 'down', message: err instanceof Error ? err.message : String(err) };
      }
    }
    const allUp = Object.values(checks).every((c) => c.status === 'up');
    return {
      service: this.options.service,
      nodeId: this.options.nodeId,
      status: allUp ? 'up' : 'degraded',
      version: this.options.version,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - this.startedAt.getTime()) / 1000),
      checks,
    };
  }

  @RpcHandler(healthDiscoverContract, { perReplica: true })
  discover(): Promise<HealthReply> {
    return this.report();
  }

  /** Registered per service by MessagingModule (the subject names the service). */
  health(): Promise<HealthReply> {
    return this.report();
  }
}

/** The queue-group health handler, bound to the service's own subject at module creation. */
export function serviceHealthHandler(service: MessagingOptions['service']) {
  @Injectable()
  class ServiceHealthHandler {
    constructor(private readonly responder: HealthResponder) {}

    @RpcHandler(healthContract(service))
    health(): Promise<HealthReply> {
      return this.responder.report();
    }
  }
  return ServiceHealthHandler;
}
