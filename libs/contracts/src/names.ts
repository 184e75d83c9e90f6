import { assertTenant } from './tenant';

/** JetStream KV buckets (design §2); only the owning service writes its bucket. */
export const Buckets = {
  identity: 'identity',
  keystore: 'keystore',
  flows: 'flows',
  alertState: 'alert-state',
} as const;
export type BucketName = (typeof Buckets)[keyof typeof Buckets];

/** JetStream streams and the subject (below the tenant namespace) each one captures. */
export const Streams = {
  ALERTS: 'alerts.>',
  ACCESS_LOG: 'logs.access.>',
  TRACE_LOG: 'logs.trace.>',
  MPL: 'mpl.>',
} as const;
export type StreamName = keyof typeof Streams;

/** `certgate_<tenant>_<bucket>`; hyphens become underscores to keep names uniform. */
export function tenantBucket(tenant: string, bucket: BucketName): string {
  return `certgate_${assertTenant(tenant)}_${bucket}`.replace(/-/g, '_');
}

export function tenantStream(tenant: string, stream: StreamName): string {
  return `certgate_${assertTenant(tenant)}_${stream}`.replace(/-/g, '_');
}

/** Every bucket and stream name of a tenant starts with this (used to remove a test tenant). */
export function tenantResourcePrefix(tenant: string): string {
  return `certgate_${assertTenant(tenant)}_`.replace(/-/g, '_');
}
