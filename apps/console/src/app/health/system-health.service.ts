import { Injectable } from '@nestjs/common';
import { SERVICE_NAMES, healthDiscoverContract, type ServiceName } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import type { ServiceHealth, SystemHealth } from '../common/api-views';

/** Asks every replica of every service at once (scatter-gather) and groups the answers. */
@Injectable()
export class SystemHealthService {
  constructor(private readonly rpc: CertgateClient) {}

  async collect(maxWaitMs = 400): Promise<SystemHealth> {
    const replies = await this.rpc.requestAll(healthDiscoverContract, {}, { maxWaitMs });
    const services = Object.fromEntries(
      SERVICE_NAMES.map((name) => {
        const replicas = replies.filter((r) => r.service === name).sort((a, b) => a.nodeId.localeCompare(b.nodeId));
        const status = replicas.length === 0 ? 'down' : replicas.some((r) => r.status === 'up') ? 'up' : 'degraded';
        return [name, { status, replicas }];
      }),
    ) as Record<ServiceName, ServiceHealth>;
    const statuses = Object.values(services).map((s) => s.status);
    const status = statuses.every((s) => s === 'up') ? 'up' : statuses.some((s) => s === 'down') ? 'down' : 'degraded';
    return { status, services, checkedAt: new Date().toISOString() };
  }
}
