import { Events, type NatsConnection } from 'nats';
import { z } from 'zod';
import { Buckets, rpcContract, tenantBucket, tenantStream } from '@certgate/contracts';
import { defined, natsServerBinary, startNatsCluster, uniqueTenant, type NatsCluster, type NatsClusterNode } from '@certgate/testing';
import { connectNats } from './connect';
import { ensureKv, ensureStream } from './jetstream';
import { KvProjection } from './kv/kv-projection';
import { RpcClient } from './rpc-client';
import { serveRpc } from './rpc-server';

const echo = rpcContract('test.echo.v1', z.object({ n: z.number().int() }).strict(), z.object({ n: z.number().int() }));

/** The node a connection is on right now. */
const nodeOf = (cluster: NatsCluster, nc: NatsConnection): NatsClusterNode =>
  defined(
    cluster.nodes.find((n) => n.url.endsWith(`:${nc.getServer().split(':').pop()}`)),
    `the node of ${nc.getServer()}`,
  );

const reconnected = async (nc: NatsConnection): Promise<void> => {
  for await (const s of nc.status()) if (s.type === Events.Reconnect) return;
};

(natsServerBinary() ? describe : describe.skip)('a service connection on a three-node NATS cluster (comma-separated URLs, R3)', () => {
  let cluster: NatsCluster;
  const connections: NatsConnection[] = [];
  const tenant = uniqueTenant('failover');

  const service = async (name: string, replicas?: number) => {
    const nc = await connectNats({ servers: cluster.url, name, mode: 'service', jetStreamReplicas: replicas });
    connections.push(nc);
    return nc;
  };

  beforeAll(async () => {
    cluster = await startNatsCluster({ nodes: 3 });
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(connections.map((nc) => nc.close()));
    await cluster?.stop();
  });

  it('creates buckets and streams with the connection default replicas, unless the call names its own', async () => {
    const nc = await service('replicas', 3);
    const jsm = await nc.jetstreamManager();
    await ensureKv(nc, tenant, Buckets.identity);
    await ensureStream(nc, tenant, 'ACCESS_LOG', { maxAgeMs: 60_000, maxBytes: 1 << 20 });
    await ensureStream(nc, tenant, 'TRACE_LOG', { maxAgeMs: 60_000, maxBytes: 1 << 20, replicas: 1 });
    expect((await jsm.streams.info(`KV_${tenantBucket(tenant, Buckets.identity)}`)).config.num_replicas).toBe(3);
    expect((await jsm.streams.info(tenantStream(tenant, 'ACCESS_LOG'))).config.num_replicas).toBe(3);
    expect((await jsm.streams.info(tenantStream(tenant, 'TRACE_LOG'))).config.num_replicas).toBe(1);
  });

  it('regression: five services creating the same R3 buckets at once all get them, readable and writable at once (NATS 2.9 left some creates unanswered, and the first write could find no leader: start-up crashed)', async () => {
    const together = uniqueTenant('together');
    const services = await Promise.all([1, 2, 3, 4, 5].map((i) => service(`together-${i}`, 3)));
    const buckets = [Buckets.identity, Buckets.flows, Buckets.keystore];
    const kvs = (await Promise.all(services.map(async (nc) => Promise.all(buckets.map((b) => ensureKv(nc, together, b)))))).flat();
    expect(await Promise.all(kvs.map((kv) => kv.get('role.absent')))).toEqual(kvs.map(() => null));
    expect(await Promise.all(kvs.map((kv, i) => kv.create(`first.${i}`, new Uint8Array([1]))))).toHaveLength(kvs.length);
    const jsm = await services[0].jetstreamManager();
    for (const b of buckets) expect((await jsm.streams.info(`KV_${tenantBucket(together, b)}`)).config.num_replicas).toBe(3);
  }, 60_000);

  it('rides out a kill -9 of its node: RPC, KV writes and a KV watch work again after the reconnect', async () => {
    const server = await service('echo-server', 3);
    serveRpc(server, echo, (body) => body, { tenant });
    const client = await service('echo-client', 3);
    const kv = await ensureKv(client, tenant, Buckets.identity);
    const watcher = await service('watcher', 3);
    const cache = await KvProjection.start(await ensureKv(watcher, tenant, Buckets.identity), { schema: z.object({ n: z.number() }) });
    const rpc = new RpcClient(client, tenant);
    await expect(rpc.request(echo, { n: 1 })).resolves.toEqual({ n: 1 });

    const victim = nodeOf(cluster, client);
    const back = reconnected(client);
    const killedAt = Date.now();
    await victim.kill();
    await back;
    const reconnectMs = Date.now() - killedAt;
    expect(nodeOf(cluster, client)).not.toBe(victim);

    // Interest of the re-sent subscriptions spreads over the routes: allow a short retry.
    const rpcMs = await retryFor(10_000, async () => expect(await rpc.request(echo, { n: 2 }, { timeoutMs: 1_000 })).toEqual({ n: 2 }));
    const put = await retryFor(10_000, () => kv.put('after.kill', new TextEncoder().encode('{"n":2}')));
    const watchMs = await retryFor(30_000, async () => expect(cache.revision).toBeGreaterThanOrEqual(put.value));
    expect(cache.get('after.kill')).toEqual({ n: 2 });
    process.stdout.write(
      `cluster failover: client reconnected ${reconnectMs} ms after kill -9 of ${victim.name}; RPC ok after +${rpcMs.ms} ms, KV put after +${put.ms} ms, watch caught up after +${watchMs.ms} ms\n`,
    );

    await victim.start();
    await cache.stop();
  }, 90_000);
});

/** Runs `fn` until it succeeds or `timeoutMs` passes; the value and how long the retries took. */
async function retryFor<T>(timeoutMs: number, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  for (;;) {
    try {
      return { value: await fn(), ms: Date.now() - start };
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
