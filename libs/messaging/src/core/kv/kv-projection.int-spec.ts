import { z } from 'zod';
import { Buckets } from '@certgate/contracts';
import { waitFor, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { encodeJson } from '../codec';
import { KvBucket } from './kv-bucket';

describe('KvProjection on a real NATS', () => {
  let h: NatsHarness;
  let bucket: KvBucket;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'kv-projection' });
    bucket = new KvBucket(h.nc, h.tenant, Buckets.flows);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('loads the keys under its filter, then follows every change; apply sees the load and the changes, onChange only the changes', async () => {
    const kv = await bucket.open();
    await kv.put('p1.a', encodeJson({ n: 1 }));
    await kv.put('p1.b', encodeJson({ n: 'not a number' }));
    await kv.put('other.c', encodeJson({ n: 3 }));
    const applied: [string, unknown][] = [];
    const changed: [string, unknown][] = [];
    const projection = await bucket.project({
      key: 'p1.>',
      schema: z.object({ n: z.number() }),
      apply: (key, value) => applied.push([key, value]),
      onChange: (key, value) => changed.push([key, value]),
    });
    try {
      expect([...projection.entries()]).toEqual([['p1.a', { n: 1 }]]);
      expect(applied).toEqual([
        ['p1.a', { n: 1 }],
        ['p1.b', undefined],
      ]);
      expect(changed).toEqual([]);

      const revision = await kv.put('p1.b', encodeJson({ n: 2 }));
      await kv.delete('p1.a');
      await waitFor('the two changes', () => projection.revision > revision);
      expect([...projection.entries()]).toEqual([['p1.b', { n: 2 }]]);
      expect(changed).toEqual([
        ['p1.b', { n: 2 }],
        ['p1.a', undefined],
      ]);
      expect(applied.slice(2)).toEqual(changed);
    } finally {
      await projection.stop();
    }
  });

  it('health: up with what it holds (its own description or the key count), down once stopped', async () => {
    const kv = await bucket.open();
    await kv.put('p2.a', encodeJson(1));
    await kv.put('p2.b', encodeJson(2));
    const counted = await bucket.project({ key: 'p2.>', schema: z.number() });
    const described = await bucket.project({ key: 'p2.>', schema: z.number(), describe: () => 'two numbers' });
    expect(counted.health()).toEqual({ status: 'up', message: '2 keys' });
    expect(described.health()).toEqual({ status: 'up', message: 'two numbers' });
    await counted.stop();
    await described.stop();
    expect(counted.health()).toEqual({ status: 'down', message: 'stopped' });
  });
});
