import { assertTenant } from './tenant';

/** JetStream KV buckets (design §2); only the owning service writes its bucket. */
export const Buckets = {
  identity: 'identity',
  keystore: 'keystore',
  flows: 'flows',
  alertState: 'alert-state',
  ingress: 'ingress',
  /** Operators of the admin plane and their API tokens (hashes only); identity writes, console reads. */
  operators: 'operators',
} as const;
export type BucketName = (typeof Buckets)[keyof typeof Buckets];

/** JetStream streams and the subject (below the tenant namespace) each one captures. */
export const Streams = {
  ALERTS: 'alerts.>',
  ACCESS_LOG: 'logs.access.>',
  TRACE_LOG: 'logs.trace.>',
  MPL: 'mpl.>',
  /** Every change through the admin API, hash-chained (console replicas append). */
  AUDIT: 'audit.>',
} as const;
export type StreamName = keyof typeof Streams;

/*
 * Names are `certgate_<tenant>_<name>`. A tenant never contains `_`, so the `_` after it
 * ends the tenant unambiguously: the prefix of tenant `acme` cannot match `acme-eu`.
 */

/** `certgate_<tenant>_<bucket>`. */
export function tenantBucket(tenant: string, bucket: BucketName): string {
  return `certgate_${assertTenant(tenant)}_${bucket}`;
}

/** `certgate_<tenant>_<STREAM>`. */
export function tenantStream(tenant: string, stream: StreamName): string {
  return `certgate_${assertTenant(tenant)}_${stream}`;
}

/** Every bucket and stream name of exactly this tenant starts with it (used to remove a test tenant). */
export function tenantResourcePrefix(tenant: string): string {
  return `certgate_${assertTenant(tenant)}_`;
}
