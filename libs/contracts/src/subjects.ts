import { assertTenant } from './tenant';
import type { ServiceName } from './services';

/**
 * Versioned subjects, relative to the tenant namespace. Handlers and clients use
 * these constants, never string literals; `tenantSubject` adds `certgate.<tenant>.`.
 */
export const Subjects = {
  /** Answered by one replica of the named service (queue group). */
  health: (service: ServiceName) => `${service}.health.v1`,
  /** Answered by every replica of every service: used to count replicas. */
  healthDiscover: 'health.discover.v1',
} as const;

export function tenantSubject(tenant: string, subject: string): string {
  return `certgate.${assertTenant(tenant)}.${subject}`;
}

/** Queue group of a service: requests are split across its replicas, exactly once. */
export function queueGroup(service: ServiceName): string {
  return `certgate-${service}`;
}
