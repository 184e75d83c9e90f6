import { Test } from '@nestjs/testing';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { waitFor, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { MessagingModule } from '../nest/messaging.module';
import { NATS_CONNECTION } from '../nest/tokens';
import { decodeJson, encodeJson } from './codec';
import { connectNats } from './connect';
import { PublishQueue, RECORD_BATCH_MAX } from './publish-queue';

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('PublishQueue over a real NATS', () => {
  let h: NatsHarness;
  let seq = 0;
  const subs: Subscription[] = [];
  const connections: NatsConnection[] = [];

  /** A subject of this test only, and what arrives on it. */
  async function listen(): Promise<{ subject: string; got: unknown[] }> {
    const subject = `certgate.${h.tenant}.test.queue.${++seq}`;
    const got: unknown[] = [];
    subs.push(h.nc.subscribe(subject, { callback: (_e, m: Msg) => got.push(decodeJson(m.data)) }));
    await h.nc.flush();
    return { subject, got };
  }

  async function ownConnection(name: string): Promise<NatsConnection> {
    const nc = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name, mode: 'test' });
    connections.push(nc);
    return nc;
  }

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'publish-queue' });
  });

  afterEach(() => {
    for (const s of subs.splice(0)) s.unsubscribe();
  });

  afterAll(async () => {
    await Promise.allSettled(connections.map((nc) => (nc.isClosed() ? undefined : nc.close())));
    await h?.stop();
  });

  it('is one queue per connection', async () => {
    const nc = await ownConnection('queue-identity');
    expect(PublishQueue.of(nc)).toBe(PublishQueue.of(nc));
    expect(PublishQueue.of(nc)).not.toBe(PublishQueue.of(h.nc));
  });

  it('publish: held until the end of the turn, then everything goes out, in order', async () => {
    const { subject, got } = await listen();
    const queue = PublishQueue.of(h.nc);
    for (let i = 0; i < 5; i++) queue.publish(subject, encodeJson({ i }));
    expect(queue.size).toBe(5);
    await nextTurn();
    expect(queue.size).toBe(0);
    await waitFor('5 messages', () => got.length === 5);
    expect(got).toEqual([0, 1, 2, 3, 4].map((i) => ({ i })));
  });

  it('publish with a reply subject: the receiver can answer it', async () => {
    const subject = `certgate.${h.tenant}.test.queue.${++seq}`;
    subs.push(h.nc.subscribe(subject, { callback: (_e, m) => m.respond(encodeJson({ pong: decodeJson(m.data) })) }));
    const inbox = `_INBOX.publish-queue-${seq}`;
    const replies: unknown[] = [];
    subs.push(h.nc.subscribe(inbox, { callback: (_e, m) => replies.push(decodeJson(m.data)) }));
    await h.nc.flush();
    PublishQueue.of(h.nc).publish(subject, encodeJson('ping'), { reply: inbox });
    await waitFor('the reply', () => replies.length === 1);
    expect(replies).toEqual([{ pong: 'ping' }]);
  });

  it('publishRecord: records wait for company, then leave together, each its own message, in order', async () => {
    const { subject, got } = await listen();
    const queue = PublishQueue.of(h.nc);
    queue.publishRecord(subject, encodeJson({ r: 1 }));
    queue.publishRecord(subject, encodeJson({ r: 2 }));
    expect(queue.size).toBe(2);
    await waitFor('both records', () => got.length === 2);
    expect(got).toEqual([{ r: 1 }, { r: 2 }]);
    expect(queue.size).toBe(0);
  });

  it(`publishRecord: a full batch (${RECORD_BATCH_MAX}) leaves at once`, async () => {
    const { subject, got } = await listen();
    const queue = PublishQueue.of(h.nc);
    for (let i = 0; i < RECORD_BATCH_MAX; i++) queue.publishRecord(subject, encodeJson(i));
    expect(queue.size).toBe(0);
    await waitFor(`${RECORD_BATCH_MAX} records`, () => got.length === RECORD_BATCH_MAX);
    expect(got).toEqual(Array.from({ length: RECORD_BATCH_MAX }, (_, i) => i));
  });

  it('flush: publishes both kinds now', async () => {
    const { subject, got } = await listen();
    const queue = PublishQueue.of(h.nc);
    queue.publish(subject, encodeJson('soon'));
    queue.publishRecord(subject, encodeJson('record'));
    queue.flush();
    expect(queue.size).toBe(0);
    await waitFor('both', () => got.length === 2);
    expect(got).toEqual(['soon', 'record']);
  });

  it('a publish the connection refuses is reported to its onError, not thrown at the caller', async () => {
    const nc = await ownConnection('queue-closed');
    const queue = PublishQueue.of(nc);
    const errors: unknown[] = [];
    queue.publish('certgate.x.test.closed', encodeJson(1), { onError: (e) => errors.push(e) });
    queue.publishRecord('certgate.x.test.closed', encodeJson(2), (e) => errors.push(e));
    await nc.close();
    expect(() => queue.flush()).not.toThrow();
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['CONNECTION_CLOSED', 'CONNECTION_CLOSED']);
  });

  it('regression: records queued just before a service shuts down are published before its connection drains', async () => {
    const { subject, got } = await listen();
    const app = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          service: 'identity',
          useFactory: () => ({
            service: 'identity',
            tenant: h.tenant,
            nodeId: 'pq-shutdown',
            natsUrl: h.url,
            natsUser: h.user,
            natsPass: h.pass,
            version: '0.0.0',
          }),
        }),
      ],
    }).compile();
    await app.init();
    const nc = app.get<NatsConnection>(NATS_CONNECTION);
    for (let i = 0; i < 3; i++) PublishQueue.of(nc).publishRecord(subject, encodeJson({ last: i }));
    await app.close();
    expect(nc.isClosed()).toBe(true);
    await waitFor('the 3 records', () => got.length === 3);
    expect(got).toEqual([{ last: 0 }, { last: 1 }, { last: 2 }]);
  });
});
