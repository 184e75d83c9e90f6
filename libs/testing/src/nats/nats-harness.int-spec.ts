import { Buckets, tenantResourcePrefix } from '@certgate/contracts';
import { connectNats, ensureKv, ensureStream } from '@certgate/messaging';
import { startNatsHarness } from './nats-harness';

async function streamsOf(tenant: string): Promise<string[]> {
  const nc = await connectNats({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'harness-check', mode: 'test' });
  try {
    const jsm = await nc.jetstreamManager();
    const prefix = tenantResourcePrefix(tenant);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (name.startsWith(prefix) || name.startsWith(`KV_${prefix}`)) names.push(name);
    return names.sort();
  } finally {
    await nc.close();
  }
}

describe('NATS harness on a shared server (NATS_URL)', () => {
  it('gives each run a tenant of its own and removes every bucket and stream of it on stop', async () => {
    // The shared server is where cleanup matters: a container is thrown away whole.
    const [a, b] = await Promise.all([startNatsHarness({ label: 'harness-a', prefer: 'url' }), startNatsHarness({ label: 'harness-b', prefer: 'url' })]);
    expect(a.tenant).not.toBe(b.tenant);
    expect(a.env).toMatchObject({ CERTGATE_TENANT: a.tenant, NATS_URL: a.url });
    try {
      await ensureKv(a.nc, a.tenant, Buckets.identity);
      await ensureStream(a.nc, a.tenant, 'ACCESS_LOG', { maxAgeMs: 60_000, maxBytes: 1 << 20 });
      await ensureKv(b.nc, b.tenant, Buckets.identity);
      expect(await streamsOf(a.tenant)).toEqual([`KV_certgate_${a.tenant}_identity`, `certgate_${a.tenant}_ACCESS_LOG`].sort());
    } finally {
      await a.stop();
    }
    expect(await streamsOf(a.tenant)).toEqual([]);
    // The other run's resources are untouched.
    expect(await streamsOf(b.tenant)).toEqual([`KV_certgate_${b.tenant}_identity`]);
    await b.stop();
    expect(await streamsOf(b.tenant)).toEqual([]);
  });
});
