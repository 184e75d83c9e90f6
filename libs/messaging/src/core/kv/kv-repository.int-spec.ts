import type { KV, NatsConnection } from 'nats';
import { z } from 'zod';
import { Buckets, CertgateError } from '@certgate/contracts';
import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import { decodeJson, encodeJson } from '../codec';
import { connectNats } from '../connect';
import { jetStreamErrorCode, JS_WRONG_LAST_SEQUENCE } from '../errors';
import type { MessagingLogger } from '../logger';
import { KvBucket } from './kv-bucket';
import type { KvRepository } from './kv-repository';

const ownerSchema = z.object({ owner: z.string() }).strict();
type Owner = z.infer<typeof ownerSchema>;
const anySchema = z.unknown();

/** Log lines a bucket wrote, so a test can see what was reported. */
function recordingLogger(): MessagingLogger & { lines: { level: string; msg: string; ctx?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; ctx?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (msg, ctx) => lines.push({ level: 'info', msg, ctx }),
    warn: (msg, ctx) => lines.push({ level: 'warn', msg, ctx }),
    error: (msg, ctx) => lines.push({ level: 'error', msg, ctx }),
  };
}

describe('KvRepository on a real NATS', () => {
  let h: NatsHarness;
  let second: NatsConnection;
  let log: ReturnType<typeof recordingLogger>;
  let bucket: KvBucket;
  let kv: KV;
  let owners: KvRepository<Owner>;
  let anything: KvRepository<unknown>;
  /** The same bucket seen from another connection: another replica. */
  let otherReplica: KvRepository<unknown>;
  let n = 0;
  const key = (name: string) => `cert.${name}-${++n}`;
  /** The old kvCreateUnique's answer: true when this writer created the key. */
  const created = async (repo: KvRepository<unknown>, k: string, value: unknown) => (await repo.create(k, value)) !== undefined;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'kv-repository' });
    second = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name: 'kv-repository-second', mode: 'test' });
    log = recordingLogger();
    bucket = new KvBucket(h.nc, h.tenant, Buckets.identity, log);
    kv = await bucket.open();
    owners = bucket.repository(ownerSchema, 'owner record');
    anything = bucket.repository(anySchema, 'value');
    otherReplica = new KvBucket(second, h.tenant, Buckets.identity).repository(anySchema, 'value');
  });

  afterAll(async () => {
    await second?.drain();
    await h?.stop();
  });

  beforeEach(() => {
    log.lines.length = 0;
  });

  async function valueOf(k: string): Promise<unknown> {
    const entry = await kv.get(k);
    if (!entry) throw new Error(`no entry for ${k}`);
    return decodeJson(entry.value);
  }

  describe('create (the uniqueness primitive)', () => {
    it('the measured fact it relies on: kv.create on an existing key fails with JetStream API error 10071', async () => {
      const k = key('fact');
      await kv.create(k, encodeJson(1));
      const err = await kv.create(k, encodeJson(2)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeDefined();
      expect(jetStreamErrorCode(err)).toBe(JS_WRONG_LAST_SEQUENCE);
    });

    it('true for a new key, then false for the same key; the first value stays', async () => {
      const k = key('once');
      await expect(created(anything, k, { owner: 'first' })).resolves.toBe(true);
      await expect(created(anything, k, { owner: 'second' })).resolves.toBe(false);
      expect(await valueOf(k)).toEqual({ owner: 'first' });
    });

    it('20 concurrent calls on one key from two connections: exactly one wins and its value is stored', async () => {
      const k = key('race');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => created(i % 2 === 0 ? anything : otherReplica, k, { writer: i })));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await valueOf(k)).toEqual({ writer: winner });
    });

    it('after kv.delete: get() returns a DEL entry (not null), and the key can be created again, once', async () => {
      const k = key('deleted');
      expect(await created(anything, k, 'v1')).toBe(true);
      await kv.delete(k);

      // Documented behaviour: the delete leaves a marker; get() returns it with operation DEL.
      const tombstone = await kv.get(k);
      expect(tombstone).not.toBeNull();
      expect(tombstone?.operation).toBe('DEL');

      // nats.js' kv.create() treats a DEL/PURGE marker as "absent" and writes over it
      // with an update on the marker's revision, so the key is free again.
      expect(await created(anything, k, 'v2')).toBe(true);
      expect((await kv.get(k))?.operation).toBe('PUT');
      expect(await valueOf(k)).toBe('v2');
      expect(await created(anything, k, 'v3')).toBe(false);
    });

    it('re-creating a deleted key from two connections at once still has exactly one winner', async () => {
      const k = key('deleted-race');
      expect(await created(anything, k, 'old')).toBe(true);
      await kv.delete(k);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => created(i % 2 === 0 ? anything : otherReplica, k, { writer: i })));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await valueOf(k)).toEqual({ writer: results.indexOf(true) });
    });

    it('after kv.purge the key can be created again too', async () => {
      const k = key('purged');
      expect(await created(anything, k, 'v1')).toBe(true);
      await kv.purge(k);
      expect(await created(anything, k, 'v2')).toBe(true);
    });

    it('any other failure is thrown, never reported as "taken" (an invalid key)', async () => {
      await expect(created(anything, 'bad key*', 1)).rejects.toThrow();
    });

    it('any other failure is thrown, never reported as "taken" (closed connection)', async () => {
      const nc = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name: 'kv-repository-closed', mode: 'test' });
      const closed = new KvBucket(nc, h.tenant, Buckets.identity).repository(anySchema, 'value');
      await closed.get('warm-up');
      await nc.close();
      await expect(created(closed, key('closed'), 1)).rejects.toBeDefined();
    });

    it('a value that fails its schema is refused before anything is written', async () => {
      const k = key('invalid-write');
      await expect(owners.create(k, { owner: 42 } as unknown as Owner)).rejects.toThrow();
      await expect(owners.put(k, { owner: 'x', extra: 1 } as unknown as Owner)).rejects.toThrow();
      expect(await kv.get(k)).toBeNull();
    });
  });

  describe('schema-checked reads', () => {
    it('get returns the value with its revision; a value that fails the schema is logged and treated as absent', async () => {
      const good = key('good');
      const bad = key('bad');
      const revision = await owners.put(good, { owner: 'a' });
      await kv.put(bad, encodeJson({ owner: 7 }));
      await kv.put(`${bad}.json`, new TextEncoder().encode('not json'));

      expect(await owners.get(good)).toMatchObject({ key: good, value: { owner: 'a' }, revision });
      expect(await owners.get(bad)).toBeUndefined();
      expect(await owners.get(`${bad}.json`)).toBeUndefined();
      expect(log.lines.filter((l) => l.level === 'error')).toEqual([
        { level: 'error', msg: 'owner record does not match its schema; ignored', ctx: { bucket: 'identity', key: bad } },
        { level: 'error', msg: 'owner record does not match its schema; ignored', ctx: { bucket: 'identity', key: `${bad}.json` } },
      ]);
    });

    it('inspect tells "there but unreadable" from "not there"', async () => {
      const bad = key('unreadable');
      await kv.put(bad, encodeJson({ owner: 7 }));
      expect(await owners.inspect(bad)).toMatchObject({ key: bad, value: undefined });
      expect(await owners.inspect(key('absent'))).toBeUndefined();
    });

    it('list returns the readable live values under a filter, in key order, without deleted or unreadable ones', async () => {
      const prefix = `list${++n}`;
      for (const name of ['c', 'a', 'b', 'd']) await owners.put(`${prefix}.${name}`, { owner: name });
      await kv.put(`${prefix}.e`, encodeJson('not an owner'));
      await owners.delete(`${prefix}.d`);
      await owners.put(`other${n}.x`, { owner: 'x' });
      const listed = await owners.list(`${prefix}.>`);
      expect(listed.map((s) => [s.key, s.value.owner])).toEqual([
        [`${prefix}.a`, 'a'],
        [`${prefix}.b`, 'b'],
        [`${prefix}.c`, 'c'],
      ]);
      expect(listed.every((s) => s.revision > 0 && s.created instanceof Date)).toBe(true);
    });
  });

  describe('conditional writes', () => {
    it('update at the revision read succeeds once; a second update at the same revision is refused', async () => {
      const k = key('update');
      const first = await owners.put(k, { owner: 'a' });
      const second = await owners.update(k, { owner: 'b' }, first);
      expect(second).toBeGreaterThan(first);
      await expect(owners.update(k, { owner: 'c' }, first)).resolves.toBeUndefined();
      expect(await valueOf(k)).toEqual({ owner: 'b' });
    });

    it('delete at a revision removes only that revision; without one it always removes', async () => {
      const k = key('delete');
      const first = await owners.put(k, { owner: 'a' });
      await owners.put(k, { owner: 'b' });
      await expect(owners.delete(k, first)).resolves.toBe(false);
      expect(await valueOf(k)).toEqual({ owner: 'b' });
      await expect(owners.delete(k)).resolves.toBe(true);
      expect(await owners.get(k)).toBeUndefined();
    });

    it('modify: 20 concurrent increments from two replicas all land (compare-and-set with retries)', async () => {
      const k = key('counter');
      const counter = bucket.repository(z.object({ n: z.number().int() }), 'counter');
      const otherCounter = new KvBucket(second, h.tenant, Buckets.identity).repository(z.object({ n: z.number().int() }), 'counter');
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? counter : otherCounter).modify(k, (c) => ({ n: (c?.n ?? 0) + 1 }), { attempts: 50 })),
      );
      expect(await valueOf(k)).toEqual({ n: 20 });
    });

    it('modify: a change that returns undefined writes nothing; an unreadable value is replaced', async () => {
      const k = key('modify');
      await expect(owners.modify(k, () => undefined)).resolves.toBeUndefined();
      expect(await kv.get(k)).toBeNull();
      await kv.put(k, encodeJson('garbage'));
      await expect(owners.modify(k, (current) => ({ owner: current === undefined ? 'replaced' : 'kept' }))).resolves.toEqual({ owner: 'replaced' });
      expect(await valueOf(k)).toEqual({ owner: 'replaced' });
    });

    it('modify: after the attempts are used up it is a 409 naming what was being changed', async () => {
      const k = key('contended');
      const contended = new KvBucket(h.nc, h.tenant, Buckets.identity);
      const handle = await contended.open();
      const update = handle.update.bind(handle);
      // Another writer changes the key between every read and write of this one.
      handle.update = async (name, value, revision) => {
        await kv.put(name, encodeJson({ owner: 'other' }));
        return update(name, value, revision);
      };
      const repo = contended.repository(ownerSchema, 'owner record');
      await repo.put(k, { owner: 'a' });
      const changes: string[] = [];
      const err = await repo
        .modify(
          k,
          (c) => {
            changes.push(c?.owner ?? '-');
            return { owner: `${c?.owner}!` };
          },
          { what: "user 'bob'", attempts: 3 },
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(CertgateError);
      expect(err).toMatchObject({ code: 'concurrent_change', message: "user 'bob' is being changed by other requests at the same time; try again" });
      expect(changes).toEqual(['a', 'other', 'other']);
      expect(await valueOf(k)).toEqual({ owner: 'other' });
    });
  });

  describe('claimUnique', () => {
    it('wins a free key; the next claimant learns who holds it', async () => {
      const k = key('claim');
      await expect(owners.claimUnique(k, { owner: 'a' })).resolves.toMatchObject({ won: true });
      const lost = await owners.claimUnique(k, { owner: 'b' });
      expect(lost).toMatchObject({ won: false, holder: { key: k, value: { owner: 'a' } } });
    });

    it('a repeated claim by the holder itself counts as won (mine)', async () => {
      const k = key('mine');
      const first = await owners.claimUnique(k, { owner: 'a' });
      const again = await owners.claimUnique(k, { owner: 'a' }, { mine: (holder) => holder.owner === 'a' });
      expect(again).toEqual({ won: true, revision: first.won ? first.revision : -1 });
    });

    it('a stale holder is taken over at its revision; a live one is not', async () => {
      const k = key('stale');
      await owners.claimUnique(k, { owner: 'dead' });
      const stale = (holder: { value: Owner }) => holder.value.owner === 'dead';
      await expect(owners.claimUnique(k, { owner: 'b' }, { stale })).resolves.toMatchObject({ won: true });
      expect(await valueOf(k)).toEqual({ owner: 'b' });
      await expect(owners.claimUnique(k, { owner: 'c' }, { stale })).resolves.toMatchObject({ won: false, holder: { value: { owner: 'b' } } });
      expect(log.lines.some((l) => l.msg === 'taking over a stale claim')).toBe(true);
    });

    it('an unreadable holder is taken over (it cannot be a valid claim)', async () => {
      const k = key('unreadable-claim');
      await kv.put(k, encodeJson('garbage'));
      await expect(owners.claimUnique(k, { owner: 'b' })).resolves.toMatchObject({ won: true });
      expect(await valueOf(k)).toEqual({ owner: 'b' });
    });

    it('20 claimants from two replicas racing for a stale key: exactly one wins', async () => {
      const k = key('stale-race');
      await kv.put(k, encodeJson({ owner: 'dead' }));
      const claimers = [
        bucket.repository(ownerSchema, 'owner record'),
        new KvBucket(second, h.tenant, Buckets.identity).repository(ownerSchema, 'owner record'),
      ];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => claimers[i % 2].claimUnique(k, { owner: `w${i}` }, { stale: (holder) => holder.value.owner === 'dead' })),
      );
      const winners = results.map((r, i) => (r.won ? i : -1)).filter((i) => i >= 0);
      expect(winners).toHaveLength(1);
      expect(await valueOf(k)).toEqual({ owner: `w${winners[0]}` });
    });
  });

  describe('lazy open', () => {
    it('a failed open is not remembered: the next call opens the bucket', async () => {
      const nc = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name: 'kv-repository-reopen', mode: 'test' });
      try {
        const flaky = new KvBucket(nc, h.tenant, Buckets.flows);
        const realOpen = nc.jetstream.bind(nc);
        let failures = 1;
        nc.jetstream = (...args) => {
          if (failures-- > 0) throw new Error('JetStream not answering yet');
          return realOpen(...args);
        };
        await expect(flaky.open()).rejects.toThrow('JetStream not answering yet');
        const repo = flaky.repository(anySchema, 'value');
        await expect(repo.put('reopened', 1)).resolves.toBeGreaterThan(0);
        expect(await repo.get('reopened')).toMatchObject({ value: 1 });
      } finally {
        await nc.close();
      }
    });
  });
});
