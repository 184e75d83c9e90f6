import type { JetStreamManager, KV, NatsConnection } from 'nats';
import { tenantBucket, tenantResourcePrefix, tenantStream, tenantSubject } from '@certgate/contracts';
import { startNatsHarness, uniqueTenant, type NatsHarness } from '@certgate/testing';
import { connectNats } from './connect';
import { encodeJson, decodeJson } from './codec';
import { ensureKv, ensureStream, removeTenantResources } from './jetstream';

const HOUR_MS = 3_600_000;
const NS_PER_MS = 1_000_000;

async function streamNames(jsm: JetStreamManager): Promise<string[]> {
  const names: string[] = [];
  for await (const n of jsm.streams.names()) names.push(n);
  return names;
}

/** The decoded value of a key; fails the test when the key has no entry. */
async function valueOf(kv: KV, key: string): Promise<unknown> {
  const entry = await kv.get(key);
  if (!entry) throw new Error(`no entry for ${key}`);
  return decodeJson(entry.value);
}

describe('JetStream helpers on a real NATS', () => {
  let h: NatsHarness;
  let second: NatsConnection;
  let jsm: JetStreamManager;
  /** Tenants other than the harness' one that a test creates resources for. */
  const extraTenants: string[] = [];
  const extraTenant = (label: string, suffix = '') => {
    const t = uniqueTenant(label) + suffix;
    extraTenants.push(t);
    return t;
  };

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'jetstream' });
    second = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name: 'jetstream-second', mode: 'test' });
    jsm = await h.nc.jetstreamManager();
  });

  afterAll(async () => {
    for (const t of extraTenants) await removeTenantResources(h.nc, t).catch(() => undefined);
    await second?.drain();
    await h?.stop();
  });

  describe('ensureKv', () => {
    it('creates the tenant bucket certgate_<tenant>_<bucket> and is idempotent (second call opens the same bucket)', async () => {
      const kv1 = await ensureKv(h.nc, h.tenant, 'alert-state');
      const kv2 = await ensureKv(h.nc, h.tenant, 'alert-state');
      const expected = tenantBucket(h.tenant, 'alert-state');
      expect((await kv1.status()).bucket).toBe(expected);
      expect((await kv2.status()).bucket).toBe(expected);

      await kv1.put('k', encodeJson({ v: 1 }));
      expect(await valueOf(kv2, 'k')).toEqual({ v: 1 });
      expect((await streamNames(jsm)).filter((n) => n === `KV_${expected}`)).toHaveLength(1);
    });

    it('two replicas opening the bucket at the same time both succeed', async () => {
      const [a, b] = await Promise.all([ensureKv(h.nc, h.tenant, 'flows'), ensureKv(second, h.tenant, 'flows')]);
      expect((await a.status()).bucket).toBe(tenantBucket(h.tenant, 'flows'));
      expect((await b.status()).bucket).toBe(tenantBucket(h.tenant, 'flows'));
    });

    it('keeps one value per key by default (history 1)', async () => {
      const kv = await ensureKv(h.nc, h.tenant, 'keystore');
      expect((await kv.status()).history).toBe(1);
    });
  });

  describe('ensureStream', () => {
    it('creates the tenant stream capturing certgate.<tenant>.<subject>, then updates its limits', async () => {
      const name = tenantStream(h.tenant, 'ALERTS');
      await ensureStream(h.nc, h.tenant, 'ALERTS', { maxAgeMs: HOUR_MS, maxBytes: 1_000_000 });

      let info = await jsm.streams.info(name);
      expect(info.config.name).toBe(name);
      expect(info.config.subjects).toEqual([`certgate.${h.tenant}.alerts.>`]);
      expect(info.config.retention).toBe('limits');
      expect(info.config.storage).toBe('file');
      expect(info.config.max_age).toBe(HOUR_MS * NS_PER_MS);
      expect(info.config.max_bytes).toBe(1_000_000);
      expect(info.config.num_replicas).toBe(1);

      const ack = await h.nc.jetstream().publish(tenantSubject(h.tenant, 'alerts.expiry.v1'), encodeJson({ alias: 'a' }));
      expect(ack.stream).toBe(name);

      await ensureStream(h.nc, h.tenant, 'ALERTS', { maxAgeMs: 2 * HOUR_MS, maxBytes: 2_000_000 });
      info = await jsm.streams.info(name);
      expect(info.config.max_age).toBe(2 * HOUR_MS * NS_PER_MS);
      expect(info.config.max_bytes).toBe(2_000_000);
      expect(info.config.subjects).toEqual([`certgate.${h.tenant}.alerts.>`]);
      // updating the limits keeps what is stored
      expect(info.state.messages).toBe(1);
    });

    it('a message of another tenant does not land in the stream', async () => {
      await ensureStream(h.nc, h.tenant, 'MPL', { maxAgeMs: HOUR_MS, maxBytes: 1_000_000 });
      const other = extraTenant('js-other');
      await ensureStream(h.nc, other, 'MPL', { maxAgeMs: HOUR_MS, maxBytes: 1_000_000 });
      const ack = await h.nc.jetstream().publish(tenantSubject(other, 'mpl.msg.v1'), encodeJson({}));
      expect(ack.stream).toBe(tenantStream(other, 'MPL'));
      expect((await jsm.streams.info(tenantStream(h.tenant, 'MPL'))).state.messages).toBe(0);
    });

    it('creates racing with different limits (two modules of two replicas) all succeed, many times over', async () => {
      for (let round = 0; round < 5; round++) {
        const tenant = extraTenant(`js-race${round}`);
        await Promise.all([
          ensureStream(h.nc, tenant, 'ALERTS', { maxAgeMs: HOUR_MS, maxBytes: 1_000_000, duplicateWindowMs: 60_000 }),
          ensureStream(second, tenant, 'ALERTS', { maxAgeMs: 2 * HOUR_MS, maxBytes: 1_000_000 }),
          ensureStream(h.nc, tenant, 'ALERTS', { maxAgeMs: 3 * HOUR_MS, maxBytes: 1_000_000 }),
          ensureStream(second, tenant, 'ALERTS', { maxAgeMs: 4 * HOUR_MS, maxBytes: 1_000_000 }),
        ]);
        expect((await jsm.streams.info(tenantStream(tenant, 'ALERTS'))).config.subjects).toEqual([`certgate.${tenant}.alerts.>`]);
      }
    });

    it('two replicas ensuring the same stream at once both succeed', async () => {
      const limits = { maxAgeMs: HOUR_MS, maxBytes: 1_000_000 };
      await Promise.all([ensureStream(h.nc, h.tenant, 'TRACE_LOG', limits), ensureStream(second, h.tenant, 'TRACE_LOG', limits)]);
      expect((await jsm.streams.info(tenantStream(h.tenant, 'TRACE_LOG'))).config.subjects).toEqual([`certgate.${h.tenant}.logs.trace.>`]);
    });
  });

  describe('removeTenantResources', () => {
    const limits = { maxAgeMs: HOUR_MS, maxBytes: 1_000_000 };
    const resourcesOf = async (tenant: string) => {
      const prefix = tenantResourcePrefix(tenant);
      return (await streamNames(jsm)).filter((n) => n.startsWith(prefix) || n.startsWith(`KV_${prefix}`)).sort();
    };

    it("removes the tenant's buckets and streams and nothing of another tenant", async () => {
      const mine = extraTenant('js-rm');
      const other = extraTenant('js-keep');
      for (const t of [mine, other]) {
        await ensureKv(h.nc, t, 'identity');
        await ensureKv(h.nc, t, 'alert-state');
        await ensureStream(h.nc, t, 'ACCESS_LOG', limits);
      }
      const expected = [`KV_${tenantBucket(mine, 'alert-state')}`, `KV_${tenantBucket(mine, 'identity')}`, tenantStream(mine, 'ACCESS_LOG')].sort();
      expect(await resourcesOf(mine)).toEqual(expected);

      const removed = await removeTenantResources(h.nc, mine);
      expect([...removed].sort()).toEqual(expected);
      expect(await resourcesOf(mine)).toEqual([]);
      expect(await resourcesOf(other)).toHaveLength(3);
      // the harness tenant's own resources from the tests above are untouched too
      expect((await resourcesOf(h.tenant)).length).toBeGreaterThan(0);
    });

    it('a tenant without resources: removes nothing', async () => {
      await expect(removeTenantResources(h.nc, uniqueTenant('js-empty'))).resolves.toEqual([]);
    });

    // Regression, fixed: the prefix of tenant T ("certgate_T_") is also the start of
    // every name of tenant "T-eu" ("certgate_T_eu_..."), hyphens being turned into underscores.
    it('regression: removing tenant T leaves the buckets and streams of tenant "T-eu" alone', async () => {
      const t = extraTenant('js-pfx');
      const tEu = `${t}-eu`;
      extraTenants.push(tEu);
      await ensureKv(h.nc, t, 'identity');
      await ensureKv(h.nc, tEu, 'identity');
      await ensureStream(h.nc, tEu, 'ALERTS', limits);

      const removed = await removeTenantResources(h.nc, t);
      expect(removed).toEqual([`KV_${tenantBucket(t, 'identity')}`]);
      expect(await resourcesOf(tEu)).toEqual([`KV_${tenantBucket(tEu, 'identity')}`, tenantStream(tEu, 'ALERTS')].sort());
    });
  });
});
