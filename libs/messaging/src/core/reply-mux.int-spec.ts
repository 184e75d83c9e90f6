import { Events, type NatsConnection, type Subscription } from 'nats';
import { z } from 'zod';
import { CertgateError, rpcContract } from '@certgate/contracts';
import { certgateFailure, natsServerBinary, startNatsCluster, startNatsHarness, uniqueTenant, type NatsHarness } from '@certgate/testing';
import { connectNats } from './connect';
import { RpcClient } from './rpc-client';
import { serveRpc } from './rpc-server';

const echo = rpcContract('test.mux-echo.v1', z.object({ i: z.number().int(), delayMs: z.number().int().default(0) }), z.object({ i: z.number().int() }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RpcClient.request runs on one inbox subscription per connection (ReplyMux). */
describe('request/reply multiplexing over a real NATS', () => {
  let h: NatsHarness;
  let sub: Subscription;
  const connections: NatsConnection[] = [];

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'reply-mux' });
    sub = serveRpc(h.nc, echo, async ({ i, delayMs }) => (delayMs ? (await sleep(delayMs), { i }) : { i }), { tenant: h.tenant });
    await h.nc.flush();
  });

  afterAll(async () => {
    await sub?.drain().catch(() => undefined);
    await Promise.allSettled(connections.map((nc) => (nc.isClosed() ? undefined : nc.close())));
    await h?.stop();
  });

  const ownConnection = async (name: string) => {
    const nc = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name, mode: 'test' });
    connections.push(nc);
    return nc;
  };

  it('many concurrent requests from several clients on one connection each get their own reply', async () => {
    const nc = await ownConnection('mux-many');
    const clients = [new RpcClient(nc, h.tenant), new RpcClient(nc, h.tenant)];
    const N = 300;
    // Replies come back in a different order than the requests went out.
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => clients[i % 2].request(echo, { i, delayMs: i % 7 })));
    expect(replies).toEqual(Array.from({ length: N }, (_, i) => ({ i })));
  });

  it('a reply that comes after the timeout is dropped, and later requests get their own replies', async () => {
    const client = new RpcClient(await ownConnection('mux-late'), h.tenant);
    const late = await certgateFailure(client.request(echo, { i: 1, delayMs: 400 }, { timeoutMs: 100 }));
    expect(late.code).toBe('timeout');
    await sleep(400);
    await expect(client.request(echo, { i: 2 })).resolves.toEqual({ i: 2 });
  });

  it('a request still waiting when its connection closes fails at once with service_unavailable, not after its own timeout', async () => {
    const nc = await ownConnection('mux-closing');
    const pending = certgateFailure(new RpcClient(nc, h.tenant).request(echo, { i: 3, delayMs: 2_000 }, { timeoutMs: 120_000 }));
    await sleep(100);
    await nc.close();
    // Settles within Jest's timeout (60 s), long before the request's own 120 s.
    const err = await pending;
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('service_unavailable');
    expect(err.message).toBe('the NATS connection is closed');
  });

  it('a connection that drains fails its waiting requests with service_unavailable', async () => {
    const nc = await ownConnection('mux-draining');
    const pending = certgateFailure(new RpcClient(nc, h.tenant).request(echo, { i: 4, delayMs: 2_000 }, { timeoutMs: 120_000 }));
    await sleep(100);
    await nc.drain();
    const err = await pending;
    expect(err.code).toBe('service_unavailable');
  });
});

(natsServerBinary() ? describe : describe.skip)("request/reply when the NATS server goes away (a server of the test's own)", () => {
  it('a request waiting when the connection drops fails at once with service_unavailable (its reply went to the gone server); after the reconnect requests work again', async () => {
    const nats = await startNatsCluster({ nodes: 1 });
    const tenant = uniqueTenant('mux-disconnect');
    const server = await connectNats({ servers: nats.url, name: 'mux-server', mode: 'service' });
    const client = await connectNats({ servers: nats.url, name: 'mux-client', mode: 'service' });
    try {
      serveRpc(server, echo, async ({ i, delayMs }) => (await sleep(delayMs), { i }), { tenant });
      // The subscription must have reached the server before another connection asks.
      await server.flush();
      const rpc = new RpcClient(client, tenant);
      await expect(rpc.request(echo, { i: 1 })).resolves.toEqual({ i: 1 });
      const pending = certgateFailure(rpc.request(echo, { i: 2, delayMs: 1_000 }, { timeoutMs: 120_000 }));
      await sleep(100);
      await nats.nodes[0].kill('SIGKILL');
      // Settles within Jest's timeout (60 s), long before the request's own 120 s.
      const err = await pending;
      expect(err.code).toBe('service_unavailable');
      expect(err.message).toMatch(/^the NATS connection was lost before the reply on .*test\.mux-echo\.v1 came$/);

      const back = Promise.all(
        [server, client].map(async (nc) => {
          for await (const s of nc.status()) if (s.type === Events.Reconnect) return;
        }),
      );
      await nats.nodes[0].start();
      await back;
      await server.flush();
      await expect(rpc.request(echo, { i: 3 })).resolves.toEqual({ i: 3 });
    } finally {
      await Promise.allSettled([server.close(), client.close()]);
      await nats.stop();
    }
  });
});
