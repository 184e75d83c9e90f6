import { Events, type NatsConnection } from 'nats';
import { z } from 'zod';
import { Buckets } from '@certgate/contracts';
import { waitFor, natsServerBinary, startNatsCluster, uniqueTenant, type NatsCluster } from '@certgate/testing';
import { encodeJson } from '../codec';
import { connectNats } from '../connect';
import { ensureKv } from '../jetstream';
import { KvProjection } from './kv-projection';

const reconnected = async (nc: NatsConnection): Promise<void> => {
  for await (const s of nc.status()) if (s.type === Events.Reconnect) return;
};

(natsServerBinary() ? describe : describe.skip)('a KV cache across a crash and restart of its single NATS', () => {
  let nats: NatsCluster;
  let nc: NatsConnection | undefined;

  beforeAll(async () => {
    nats = await startNatsCluster({ nodes: 1 });
  });

  afterAll(async () => {
    await nc?.close();
    await nats?.stop();
  });

  it('applies changes made after NATS is back at once, without waiting for nats.js to miss two 5 s heartbeats', async () => {
    const tenant = uniqueTenant('kv-restart');
    nc = await connectNats({ servers: nats.url, name: 'cache@restart', mode: 'service' });
    const kv = await ensureKv(nc, tenant, Buckets.identity);
    await kv.put('role.kept', encodeJson({ n: 1 }));
    await kv.put('role.revoked', encodeJson({ n: 1 }));
    const cache = await KvProjection.start(kv, { schema: z.object({ n: z.number() }) });
    expect(cache.size).toBe(2);

    const back = reconnected(nc);
    await nats.nodes[0].kill('SIGKILL');
    await nats.nodes[0].start();
    await back;
    const backAt = Date.now();
    await waitFor(
      'JetStream taking writes again',
      () =>
        kv.delete('role.revoked').then(
          () => true,
          () => false,
        ),
      10_000,
    );
    await kv.put('role.added', encodeJson({ n: 2 }));
    const appliedMs = await waitFor(
      'both changes in the projection',
      () => cache.get('role.added') !== undefined && cache.get('role.revoked') === undefined,
      15_000,
    );
    process.stdout.write(`KV cache: changes after a NATS restart applied ${Date.now() - backAt} ms after the reconnect (${appliedMs} ms after the writes)\n`);

    // The watch's consumer died with the server; nats.js alone replaces it only after two missed heartbeats (≥ 5 s).
    expect(Date.now() - backAt).toBeLessThan(4_000);
    expect(cache.get('role.kept')).toEqual({ n: 1 });
    await cache.stop();
  }, 60_000);

  it('a watch that cannot be started again after a restart shows as down in health, with the revision it is frozen at, until it heals', async () => {
    const tenant = uniqueTenant('kv-lost');
    const watcher = await connectNats({ servers: nats.url, name: 'cache@lost', mode: 'service' });
    try {
      const kv = await ensureKv(watcher, tenant, Buckets.identity);
      const revision = await kv.put('role.kept', encodeJson({ n: 1 }));
      const cache = await KvProjection.start(kv, { schema: z.object({ n: z.number() }) });
      expect(cache.health()).toEqual({ status: 'up', message: '1 keys' });

      // JetStream refuses new watches for a while (as right after a restart, before it recovered).
      const watch = kv.watch.bind(kv);
      let refusing = true;
      kv.watch = (opts) => (refusing ? Promise.reject(new Error('JetStream not ready')) : watch(opts));
      const back = reconnected(watcher);
      await nats.nodes[0].kill('SIGKILL');
      await nats.nodes[0].start();
      await back;
      await waitFor('health down', () => cache.health().status === 'down', 10_000);
      expect(cache.health()).toEqual({ status: 'down', message: `1 keys; watch lost at revision ${revision} (JetStream not ready)` });

      // Once JetStream answers again the projection heals itself and catches up.
      refusing = false;
      await kv.put('role.added', encodeJson({ n: 2 }));
      await waitFor('healed and caught up', () => cache.health().status === 'up' && cache.get('role.added') !== undefined, 15_000);
      expect(cache.health()).toEqual({ status: 'up', message: '2 keys' });
      await cache.stop();
    } finally {
      await watcher.close();
    }
  }, 60_000);
});
