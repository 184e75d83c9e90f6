/**
 * Every subject, bucket and stream name carries the tenant's namespace (design §2),
 * so tenants and parallel test runs share one NATS cluster without seeing each other.
 * The pattern keeps a tenant usable as a subject token and inside bucket/stream names.
 */
export const TENANT_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
export const DEFAULT_TENANT = 'default';

export function assertTenant(tenant: string): string {
  if (!TENANT_PATTERN.test(tenant)) {
    throw new Error(`invalid tenant '${tenant}': use 1-48 lowercase letters, digits and inner hyphens (it becomes part of NATS subject and bucket names)`);
  }
  return tenant;
}
