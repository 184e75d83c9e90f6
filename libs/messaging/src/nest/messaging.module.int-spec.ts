import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Msg, NatsConnection } from 'nats';
import { z } from 'zod';
import { CertgateError, healthContract, healthDiscoverContract, rpcContract, tenantSubject } from '@certgate/contracts';
import { certgateFailure, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { RpcClient } from '../core/rpc-client';
import { HealthResponder } from './health.responder';
import { MessagingModule } from './messaging.module';
import { RpcHandler } from './rpc-handler.decorator';
import { NATS_CONNECTION } from './tokens';

const echoContract = rpcContract('identity.test-echo.v1', z.object({ text: z.string() }), z.object({ text: z.string(), node: z.string() }));
const pingAllContract = rpcContract('identity.test-ping-all.v1', z.object({}), z.object({ node: z.string() }));

/** A provider of the kind services write: plain methods marked with @RpcHandler. */
@Injectable()
class EchoHandlers {
  static calls: { node: string; text: string }[] = [];
  constructor(private readonly health: HealthResponder) {}

  @RpcHandler(echoContract)
  async echo(body: { text: string }, msg: Msg): Promise<{ text: string; node: string }> {
    const node = (await this.health.report()).nodeId;
    EchoHandlers.calls.push({ node, text: body.text });
    expect(msg.subject).toContain('.identity.test-echo.v1');
    if (body.text === 'conflict') throw new CertgateError('conflict', 'echo refuses');
    return { text: body.text.toUpperCase(), node };
  }

  @RpcHandler(pingAllContract, { perReplica: true })
  async pingAll(): Promise<{ node: string }> {
    return { node: (await this.health.report()).nodeId };
  }
}

describe('MessagingModule wiring (Nest testing module, real NATS)', () => {
  let h: NatsHarness;
  let client: RpcClient;
  const apps: TestingModule[] = [];

  async function startApp(nodeId: string): Promise<TestingModule> {
    const app = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          service: 'identity',
          useFactory: () => ({ service: 'identity', tenant: h.tenant, nodeId, natsUrl: h.url, natsUser: h.user, natsPass: h.pass, version: '0.0.0' }),
        }),
      ],
      providers: [EchoHandlers],
    }).compile();
    apps.push(app);
    await app.init();
    return app;
  }

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'messaging-nest' });
    client = new RpcClient(h.nc, h.tenant);
  });

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await h?.stop();
  });

  beforeEach(() => {
    EchoHandlers.calls = [];
  });

  describe('one replica (n1)', () => {
    let app: TestingModule;

    beforeAll(async () => {
      app = await startApp('n1');
    });

    it('an @RpcHandler method answers over NATS in the tenant namespace', async () => {
      await expect(client.request(echoContract, { text: 'hello' })).resolves.toEqual({ text: 'HELLO', node: 'n1' });
      expect(EchoHandlers.calls).toEqual([{ node: 'n1', text: 'hello' }]);
    });

    it('the handler is validated and its CertgateError reaches the client', async () => {
      const lax = rpcContract(echoContract.subject, z.any(), z.any());
      await expect(client.request(lax, { text: 42 })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(client.request(echoContract, { text: 'conflict' })).rejects.toMatchObject({ code: 'conflict', message: 'echo refuses' });
      expect(EchoHandlers.calls.map((c) => c.text)).toEqual(['conflict']);
    });

    it('the module exports an RpcClient bound to the tenant of the options', async () => {
      const own = app.get(RpcClient);
      await expect(own.request(echoContract, { text: 'self' })).resolves.toEqual({ text: 'SELF', node: 'n1' });
    });

    it('health (identity.health.v1) answers with nodeId n1, version and checks.nats up', async () => {
      const reply = await client.request(healthContract('identity'), {});
      expect(reply).toMatchObject({ service: 'identity', nodeId: 'n1', status: 'up', version: '0.0.0', checks: { nats: { status: 'up' } } });
      expect(Number.isNaN(Date.parse(reply.startedAt))).toBe(false);
      expect(reply.uptimeSeconds).toBeGreaterThanOrEqual(0);
    });

    it("another service's health subject is not answered by this one", async () => {
      await expect(client.request(healthContract('keystore'), {}, { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'service_unavailable' });
    });

    it('discovery (health.discover.v1, requestAll) answers with nodeId n1', async () => {
      const replies = await client.requestAll(healthDiscoverContract, {}, { maxWaitMs: 1000 });
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ service: 'identity', nodeId: 'n1', status: 'up', checks: { nats: { status: 'up' } } });
    });

    it('a check registered with HealthResponder shows in health, and a down check makes it degraded', async () => {
      const responder = app.get(HealthResponder);
      responder.register('disk', () => ({ status: 'up' }));
      expect((await client.request(healthContract('identity'), {})).checks.disk).toEqual({ status: 'up' });
      responder.register('disk', () => {
        throw new Error('disk full');
      });
      const reply = await client.request(healthContract('identity'), {});
      expect(reply.status).toBe('degraded');
      expect(reply.checks.disk).toEqual({ status: 'down', message: 'disk full' });
      responder.register('disk', () => ({ status: 'up' }));
    });

    it('a tenant other than the configured one does not reach the handlers', async () => {
      const other = new RpcClient(h.nc, `${h.tenant}x`);
      await expect(other.request(echoContract, { text: 'x' }, { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'service_unavailable' });
      expect(EchoHandlers.calls).toEqual([]);
    });
  });

  describe('two replicas (n1, n2)', () => {
    let n2: TestingModule;

    beforeAll(async () => {
      n2 = await startApp('n2');
    });

    afterAll(async () => {
      await n2.close();
      apps.splice(apps.indexOf(n2), 1);
    });

    it('discovery counts both replicas', async () => {
      const replies = await client.requestAll(healthDiscoverContract, {}, { maxWaitMs: 1000 });
      expect(replies.map((r) => r.nodeId).sort()).toEqual(['n1', 'n2']);
    });

    it('a perReplica handler is answered by every replica', async () => {
      const replies = await client.requestAll(pingAllContract, {}, { maxWaitMs: 1000 });
      expect(replies.map((r) => r.node).sort()).toEqual(['n1', 'n2']);
    });

    it('a queue-group handler handles each request exactly once across the replicas', async () => {
      const N = 30;
      const replies = await Promise.all(Array.from({ length: N }, (_, i) => client.request(echoContract, { text: `m${i}` })));
      const ncs = apps.map((a) => a.get<NatsConnection>(NATS_CONNECTION)).filter((nc) => !nc.isClosed());
      await Promise.all(ncs.map((nc) => nc.flush()));
      expect(replies).toHaveLength(N);
      expect(EchoHandlers.calls).toHaveLength(N);
      expect(new Set(EchoHandlers.calls.map((c) => c.text)).size).toBe(N);
    });

    it('health of the service is answered by one replica only', async () => {
      const replies = await client.requestAll(healthContract('identity'), {}, { maxWaitMs: 1000 });
      expect(replies).toHaveLength(1);
    });
  });

  describe('shutdown', () => {
    it('after app.close() the subjects have no responders and the connection is closed', async () => {
      const app = await startApp('n3');
      const nc = app.get<NatsConnection>(NATS_CONNECTION);
      // n1 is still up: take it down too, so nothing answers in this tenant
      for (const other of apps.filter((a) => a !== app)) await other.close();
      await expect(client.request(healthContract('identity'), {})).resolves.toMatchObject({ nodeId: 'n3' });
      expect(nc.isClosed()).toBe(false);

      await app.close();

      expect(nc.isClosed()).toBe(true);
      const echoErr = await certgateFailure(client.request(echoContract, { text: 'x' }, { timeoutMs: 2000 }));
      expect(echoErr).toBeInstanceOf(CertgateError);
      expect(echoErr.code).toBe('service_unavailable');
      const healthErr = await certgateFailure(client.request(healthContract('identity'), {}, { timeoutMs: 2000 }));
      expect(healthErr).toBeInstanceOf(CertgateError);
      expect(healthErr.code).toBe('service_unavailable');
      await expect(client.requestAll(healthDiscoverContract, {}, { maxWaitMs: 500 })).resolves.toEqual([]);
      // the raw subject has no subscriber left
      await expect(h.nc.request(tenantSubject(h.tenant, echoContract.subject), undefined, { timeout: 2000 })).rejects.toMatchObject({ code: '503' });
      apps.length = 0;
    });
  });
});
