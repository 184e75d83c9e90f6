import { Controller, Inject, Injectable } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { errorMessage, healthContract, healthDiscoverContract, type HealthReply } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from './tokens';

export type HealthCheckFn = () => Promise<{ status: 'up' | 'down'; message?: string }> | { status: 'up' | 'down'; message?: string };

/** The service's health: a set of named checks that services and projections register. */
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
        checks[name] = { status: 'down', message: errorMessage(err) };
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
}

/**
 * Health over NATS: the service's own subject, answered by one replica (queue group),
 * and discovery, answered by every replica so the console can count them. A class per
 * service, since the subject names the service.
 */
export function healthController(service: MessagingOptions['service']) {
  @Controller()
  class HealthController {
    constructor(private readonly responder: HealthResponder) {}

    @MessagePattern(healthContract(service))
    health(): Promise<HealthReply> {
      return this.responder.report();
    }

    @MessagePattern(healthDiscoverContract, { perReplica: true })
    discover(): Promise<HealthReply> {
      return this.responder.report();
    }
  }
  return HealthController;
}
