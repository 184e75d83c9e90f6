import { Controller, Injectable, type INestMicroservice, type OnApplicationBootstrap } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import { firstValueFrom } from 'rxjs';
import { CertgateError, eventContract, healthContract, healthDiscoverContract, rpcContract, tenantSubject } from '@certgate/contracts';
import { waitFor, certgateFailure, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { RpcClient } from '../core/rpc-client';
import { HealthResponder } from './health.responder';
import { MessagingModule } from './messaging.module';
import { NATS_CONNECTION } from './tokens';
import { CertgateClient } from './transport/certgate-client';
import { connectCertgateTransport, listenOnNats } from './transport/microservice';
import type { NatsContext } from './transport/nats-context';

const echoContract = rpcContract('identity.test-echo.v1', z.object({ text: z.string() }), z.object({ text: z.string(), node: z.string() }));
const pingAllContract = rpcContract('identity.test-ping-all.v1', z.object({}), z.object({ node: z.string() }));
const failContract = rpcContract('identity.test-fail.v1', z.object({}), z.object({}));
const noticeEvent = eventContract('identity.test-notice.v1', z.object({ n: z.number().int() }));
const broadcastEvent = eventContract('identity.test-broadcast.v1', z.object({ n: z.number().int() }));

/** A controller of the kind services write: plain @MessagePattern methods whose pattern is the contract. */
@Controller()
class EchoHandlers {
  static calls: { node: string; text: string }[] = [];
  static events: { node: string; event: string; n: number }[] = [];
  constructor(private readonly health: HealthResponder) {}

  @MessagePattern(echoContract)
  async echo(@Payload() body: { text: string }, @Ctx() ctx: NatsContext): Promise<{ text: string; node: string }> {
    const node = (await this.health.report()).nodeId;
    EchoHandlers.calls.push({ node, text: body.text });
    expect(ctx.getSubject()).toContain('.identity.test-echo.v1');
    if (body.text === 'conflict') throw new CertgateError('conflict', 'echo refuses');
    return { text: body.text.toUpperCase(), node };
  }

  @MessagePattern(pingAllContract, { perReplica: true })
  async pingAll(): Promise<{ node: string }> {
    return { node: (await this.health.report()).nodeId };
  }

  @MessagePattern(failContract)
  fail(): never {
    throw new Error('secret internals');
  }

  @EventPattern(noticeEvent)
  async notice(@Payload() body: { n: number }): Promise<void> {
    EchoHandlers.events.push({ node: (await this.health.report()).nodeId, event: 'notice', n: body.n });
  }

  @EventPattern(broadcastEvent, { perReplica: true })
  async broadcast(@Payload() body: { n: number }): Promise<void> {
    EchoHandlers.events.push({ node: (await this.health.report()).nodeId, event: 'broadcast', n: body.n });
  }
}

describe('MessagingModule wiring: the certgate transport in a Nest microservice, real NATS', () => {
  let h: NatsHarness;
  let client: RpcClient;
  const apps: INestMicroservice[] = [];

  async function startApp(nodeId: string): Promise<INestMicroservice> {
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          service: 'identity',
          useFactory: () => ({ service: 'identity', tenant: h.tenant, nodeId, natsUrl: h.url, natsUser: h.user, natsPass: h.pass, version: '0.0.0' }),
        }),
      ],
      controllers: [EchoHandlers],
    }).compile();
    const app = await listenOnNats(moduleRef);
    apps.push(app);
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
    EchoHandlers.events = [];
  });

  describe('one replica (n1)', () => {
    let app: INestMicroservice;

    beforeAll(async () => {
      app = await startApp('n1');
    });

    it('a @MessagePattern method answers over NATS in the tenant namespace', async () => {
      await expect(client.request(echoContract, { text: 'hello' })).resolves.toEqual({ text: 'HELLO', node: 'n1' });
      expect(EchoHandlers.calls).toEqual([{ node: 'n1', text: 'hello' }]);
    });

    it('the handler is validated and its CertgateError reaches the client', async () => {
      const lax = rpcContract(echoContract.subject, z.any(), z.any());
      await expect(client.request(lax, { text: 42 })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(client.request(echoContract, { text: 'conflict' })).rejects.toMatchObject({ code: 'conflict', message: 'echo refuses' });
      expect(EchoHandlers.calls.map((c) => c.text)).toEqual(['conflict']);
    });

    it('the module exports a CertgateClient bound to the tenant of the options', async () => {
      const own = app.get(CertgateClient);
      await expect(own.request(echoContract, { text: 'self' })).resolves.toEqual({ text: 'SELF', node: 'n1' });
    });

    it("Nest's ClientProxy API works too: send(contract, body) is an Observable of the validated reply", async () => {
      const own = app.get(CertgateClient);
      await expect(firstValueFrom(own.send(echoContract, { text: 'observed' }))).resolves.toEqual({ text: 'OBSERVED', node: 'n1' });
      await expect(firstValueFrom(own.send(echoContract, { text: 'conflict' }))).rejects.toMatchObject({ code: 'conflict' });
    });

    it('an error that is not a CertgateError is answered as internal_error without its text', async () => {
      const err = await certgateFailure(client.request(failContract, {}));
      expect(err.code).toBe('internal_error');
      expect(err.message).toBe('internal error');
    });

    it('an @EventPattern handler gets each valid event; an invalid payload is dropped', async () => {
      const own = app.get(CertgateClient);
      own.publishEvent(noticeEvent, { n: 1 });
      h.nc.publish(tenantSubject(h.tenant, noticeEvent.subject), new TextEncoder().encode('{"n":"not a number"}'));
      await firstValueFrom(own.emit(noticeEvent, { n: 2 }), { defaultValue: undefined });
      await waitFor('both events', () => EchoHandlers.events.length >= 2);
      await new Promise((r) => setTimeout(r, 100));
      expect(EchoHandlers.events).toEqual([
        { node: 'n1', event: 'notice', n: 1 },
        { node: 'n1', event: 'notice', n: 2 },
      ]);
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
    let n2: INestMicroservice;

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

    it('an event reaches one replica of the queue group; a perReplica event every replica', async () => {
      const own = apps[0].get(CertgateClient);
      for (let n = 0; n < 20; n++) own.publishEvent(noticeEvent, { n });
      own.publishEvent(broadcastEvent, { n: 99 });
      await waitFor(
        '20 notices and 2 broadcasts',
        () => EchoHandlers.events.filter((e) => e.event === 'notice').length === 20 && EchoHandlers.events.filter((e) => e.event === 'broadcast').length === 2,
      );
      await new Promise((r) => setTimeout(r, 100));
      const notices = EchoHandlers.events.filter((e) => e.event === 'notice');
      expect(new Set(notices.map((e) => e.n)).size).toBe(20);
      expect(notices).toHaveLength(20);
      expect(
        EchoHandlers.events
          .filter((e) => e.event === 'broadcast')
          .map((e) => e.node)
          .sort(),
      ).toEqual(['n1', 'n2']);
    });

    it('health of the service is answered by one replica only', async () => {
      const replies = await client.requestAll(healthContract('identity'), {}, { maxWaitMs: 1000 });
      expect(replies).toHaveLength(1);
    });
  });

  describe('a hybrid HTTP app (the console)', () => {
    it('#EADDRINUSE: connectCertgateTransport after init runs the lifecycle hooks once and answers on NATS', async () => {
      let bootstraps = 0;
      @Injectable()
      class CountsBootstrap implements OnApplicationBootstrap {
        onApplicationBootstrap(): void {
          bootstraps += 1;
        }
      }
      const moduleRef = await Test.createTestingModule({
        imports: [
          MessagingModule.forRootAsync({
            service: 'console',
            useFactory: () => ({
              service: 'console',
              tenant: h.tenant,
              nodeId: 'hybrid',
              natsUrl: h.url,
              natsUser: h.user,
              natsPass: h.pass,
              version: '0.0.0',
            }),
          }),
        ],
        providers: [CountsBootstrap],
      }).compile();
      const app = moduleRef.createNestApplication({ logger: false });
      try {
        await app.init();
        connectCertgateTransport(app);
        await app.startAllMicroservices();
        expect(bootstraps).toBe(1);
        await expect(client.request(healthContract('console'), {})).resolves.toMatchObject({ service: 'console', nodeId: 'hybrid' });
      } finally {
        await app.close();
      }
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
