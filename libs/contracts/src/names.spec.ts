import { Buckets, Streams, tenantBucket, tenantResourcePrefix, tenantStream, type BucketName, type StreamName } from './names';

const BUCKETS = Object.values(Buckets) as BucketName[];
const STREAMS = Object.keys(Streams) as StreamName[];

describe('tenant bucket and stream names', () => {
  it('tenantBucket is certgate_<tenant>_<bucket>', () => {
    expect(tenantBucket('acme', 'identity')).toBe('certgate_acme_identity');
    expect(tenantBucket('default', 'keystore')).toBe('certgate_default_keystore');
  });

  it('tenantBucket keeps the hyphens of tenant and bucket (a tenant never holds "_", which ends it)', () => {
    expect(tenantBucket('acme-eu', 'alert-state')).toBe('certgate_acme-eu_alert-state');
    expect(tenantBucket('t-e2e-1a2b', 'flows')).toBe('certgate_t-e2e-1a2b_flows');
  });

  it('tenantStream is certgate_<tenant>_<STREAM>', () => {
    expect(tenantStream('acme', 'ALERTS')).toBe('certgate_acme_ALERTS');
    expect(tenantStream('acme-eu', 'ACCESS_LOG')).toBe('certgate_acme-eu_ACCESS_LOG');
  });

  it('tenantResourcePrefix is certgate_<tenant>_', () => {
    expect(tenantResourcePrefix('acme')).toBe('certgate_acme_');
    expect(tenantResourcePrefix('acme-eu')).toBe('certgate_acme-eu_');
  });

  it('every bucket and stream name of a tenant starts with its resource prefix', () => {
    const prefix = tenantResourcePrefix('acme-eu');
    for (const b of BUCKETS) expect(tenantBucket('acme-eu', b).startsWith(prefix)).toBe(true);
    for (const s of STREAMS) expect(tenantStream('acme-eu', s).startsWith(prefix)).toBe(true);
  });

  it('names are valid JetStream names (no dots, spaces, wildcards or path separators)', () => {
    for (const b of BUCKETS) expect(tenantBucket('acme-eu', b)).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const s of STREAMS) expect(tenantStream('acme-eu', s)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([['Acme'], ['acme.eu'], ['>'], ['-acme']])('refuses tenant %j', (tenant) => {
    expect(() => tenantBucket(tenant, 'identity')).toThrow(/invalid tenant/);
    expect(() => tenantStream(tenant, 'ALERTS')).toThrow(/invalid tenant/);
    expect(() => tenantResourcePrefix(tenant)).toThrow(/invalid tenant/);
  });

  it('stream subjects are relative to the tenant namespace', () => {
    expect(Streams).toEqual({ ALERTS: 'alerts.>', ACCESS_LOG: 'logs.access.>', TRACE_LOG: 'logs.trace.>', MPL: 'mpl.>', AUDIT: 'audit.>' });
  });

  it('two tenants that differ only past a hyphen get distinct bucket and stream names', () => {
    const names = (t: string) => [...BUCKETS.map((b) => tenantBucket(t, b)), ...STREAMS.map((s) => tenantStream(t, s))];
    const all = [...names('x'), ...names('x-alert'), ...names('x-access'), ...names('x-trace')];
    expect(new Set(all).size).toBe(all.length);
  });

  // Regression: hyphens once became underscores, so tenant "acme"'s prefix was also the
  // start of every name of tenant "acme-eu", and removing one tenant removed the other.
  it('the resource prefix of tenant "acme" must not match the buckets and streams of tenant "acme-eu"', () => {
    const prefix = tenantResourcePrefix('acme');
    const other = [...BUCKETS.map((b) => tenantBucket('acme-eu', b)), ...STREAMS.map((s) => tenantStream('acme-eu', s))];
    expect(other.filter((n) => n.startsWith(prefix))).toEqual([]);
  });
});
