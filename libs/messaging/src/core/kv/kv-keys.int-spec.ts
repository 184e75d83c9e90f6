import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import { decodeJson, encodeJson } from '../codec';
import { ensureKv } from '../jetstream';
import { kvKeys, kvLiveEntries } from './kv-keys';

describe('kvKeys and kvLiveEntries on a real NATS', () => {
  let h: NatsHarness;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'kv-keys' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('lists the keys under a filter, sorted, and deleted keys as well (their markers)', async () => {
    const kv = await ensureKv(h.nc, h.tenant, 'alert-state');
    for (const key of ['sub.b', 'sub.a', 'raised.x', 'sub.c']) await kv.put(key, encodeJson({ key }));
    await kv.delete('sub.c');
    expect(await kvKeys(h.nc, kv, 'sub.>')).toEqual(['sub.a', 'sub.b', 'sub.c']);
    expect(await kvKeys(h.nc, kv)).toEqual(['raised.x', 'sub.a', 'sub.b', 'sub.c']);
    expect(await kvKeys(h.nc, kv, 'none.>')).toEqual([]);
  });

  it('#ci-flake: a key written while it lists is listed once and the listing ends (nats.js kv.keys() hung or repeated it)', async () => {
    const kv = await ensureKv(h.nc, h.tenant, 'flows');
    await kv.put('other', encodeJson(0));
    await kv.put('sub.1', encodeJson(0));
    for (let i = 0; i < 100; i++) {
      const write = new Promise((r) => setTimeout(r, i % 7)).then(() => kv.put('sub.1', encodeJson(i)));
      let timer: NodeJS.Timeout | undefined;
      const listed = await Promise.race([kvKeys(h.nc, kv, 'sub.>'), new Promise<string>((r) => (timer = setTimeout(() => r('no answer within 2 s'), 2_000)))]);
      clearTimeout(timer);
      await write;
      expect(listed).toEqual(['sub.1']);
    }
  });

  it('kvLiveEntries: the latest value of every live key under the filter, in key order, without deleted or purged keys', async () => {
    const kv = await ensureKv(h.nc, h.tenant, 'keystore');
    // More keys than the reads it keeps in flight, so the parallel reads must keep key order.
    const names = Array.from({ length: 70 }, (_, i) => `entry.k${String(i).padStart(2, '0')}`);
    for (const key of [...names].reverse()) await kv.put(key, encodeJson({ key, v: 1 }));
    await kv.put('entry.k05', encodeJson({ key: 'entry.k05', v: 2 }));
    await kv.put('other.x', encodeJson({ key: 'other.x', v: 1 }));
    await kv.delete('entry.k10');
    await kv.purge('entry.k20');

    const live = await kvLiveEntries(h.nc, kv, 'entry.>');
    const expected = names.filter((n) => n !== 'entry.k10' && n !== 'entry.k20');
    expect(live.map((e) => e.key)).toEqual(expected);
    expect(live.every((e) => e.operation === 'PUT')).toBe(true);
    const k05 = live.find((e) => e.key === 'entry.k05');
    expect(k05 && decodeJson(k05.value)).toEqual({ key: 'entry.k05', v: 2 });
    expect(await kvLiveEntries(h.nc, kv, 'none.>')).toEqual([]);
  });
});
