import { tenantSubject } from '@certgate/contracts';
import { startNatsHarness, type NatsHarness } from '@certgate/testing';
import { encodeJson } from './codec';
import { ensureStream } from './jetstream';
import { queryStream, readStreamTail } from './stream-tail';

interface Rec {
  n: number;
  even: boolean;
}

describe('queryStream: filtered pages of a log stream (real NATS)', () => {
  let h: NatsHarness;
  let split: Date;
  const seqOf: number[] = [];

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'stream-query' });
    await ensureStream(h.nc, h.tenant, 'MPL', { maxAgeMs: 3_600_000, maxBytes: 16 * 1024 * 1024 });
    const js = h.nc.jetstream();
    const publish = async (n: number) => seqOf.push((await js.publish(tenantSubject(h.tenant, `mpl.f${n % 3}`), encodeJson({ n, even: n % 2 === 0 }))).seq);
    for (let n = 0; n < 100; n++) await publish(n);
    await new Promise((r) => setTimeout(r, 30));
    split = new Date();
    await new Promise((r) => setTimeout(r, 30));
    for (let n = 100; n < 250; n++) await publish(n);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('the newest `limit` matching records, oldest first, each with its sequence; `more` when older ones match', async () => {
    const page = await queryStream<Rec>(h.nc, h.tenant, 'MPL', { limit: 5, filter: (r) => r.even });
    expect(page.records.map((r) => r.record.n)).toEqual([240, 242, 244, 246, 248]);
    expect(page.records.map((r) => r.seq)).toEqual([240, 242, 244, 246, 248].map((n) => seqOf[n]));
    expect(page.more).toBe(true);
  });

  it('paging with `before` visits every matching record once, and the last page says there is no more', async () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(20);
      const page = await queryStream<Rec>(h.nc, h.tenant, 'MPL', { limit: 17, filter: (r) => r.n % 3 === 0, before });
      seen.push(...page.records.map((r) => r.record.n));
      if (!page.more) break;
      before = page.records[0].seq;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 84 }, (_, i) => i * 3));
  });

  it('`after`: the oldest `limit` matching records newer than a sequence, read forwards', async () => {
    const page = await queryStream<Rec>(h.nc, h.tenant, 'MPL', { limit: 3, filter: (r) => !r.even, after: seqOf[200] });
    expect(page.records.map((r) => r.record.n)).toEqual([201, 203, 205]);
    expect(page.more).toBe(true);
    const end = await queryStream<Rec>(h.nc, h.tenant, 'MPL', { limit: 10, after: seqOf[245] });
    expect(end.records.map((r) => r.record.n)).toEqual([246, 247, 248, 249]);
    expect(end.more).toBe(false);
  });

  it("`since` and `until` become sequence bounds through the stream's time index", async () => {
    const since = await queryStream<Rec>(h.nc, h.tenant, 'MPL', { limit: 1000, since: split });
    expect(since.records.map((r) => r.record.n)).toEqual(Array.from({ length: 150 }, (_, i) => 100 + i));
    const until = await queryStream<Rec>(h.nc, h.tenant, 'MPL', { limit: 1000, until: split });
    expect(until.records.map((r) => r.record.n)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect((await queryStream(h.nc, h.tenant, 'MPL', { limit: 10, since: new Date(Date.now() + 60_000) })).records).toEqual([]);
    expect((await queryStream(h.nc, h.tenant, 'MPL', { limit: 10, until: new Date(0) })).records).toEqual([]);
  });

  it('a stream that does not exist is empty; readStreamTail keeps its shape', async () => {
    expect(await queryStream(h.nc, h.tenant, 'TRACE_LOG', { limit: 10 })).toEqual({ records: [], more: false });
    expect((await readStreamTail<Rec>(h.nc, h.tenant, 'MPL', 2)).map((r) => r.n)).toEqual([248, 249]);
  });
});
