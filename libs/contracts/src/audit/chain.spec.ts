import { auditHash, canonicalJson, chainAfter, verifyChain } from './chain';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from './record';

const entry = (n: number): AuditEntry => ({
  id: `id-${n}`,
  at: `2026-12-07T10:00:0${n}.000Z`,
  who: { kind: 'operator', operator: 'ada', tokenId: 'a1b2', address: '127.0.0.1', surface: 'cli' },
  what: { operation: 'POST /roles', object: `/roles/R${n}`, permission: 'roles:write' },
  outcome: { status: 201, result: 'ok' },
});

const chainOf = (n: number): AuditRecord[] => {
  const out: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) out.push(chainAfter(out.at(-1), entry(i)));
  return out;
};
const inputs = (records: unknown[]) => records.map((record, i) => ({ seq: i + 10, record }));

describe('the audit hash chain', () => {
  it('writes keys in one order whatever order they came in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 'x' }], c: undefined } })).toBe('{"a":{"d":[2,{"e":"x","f":1}]},"b":1}');
  });

  it('links each record to the one before, from the genesis hash', () => {
    const [a, b] = chainOf(2);
    expect(a).toMatchObject({ index: 1, prev: GENESIS_HASH, v: 1 });
    expect(b.prev).toBe(a.hash);
    expect(auditHash(b)).toBe(b.hash);
  });

  it('passes an untouched chain, and one whose oldest records retention removed', () => {
    const records = chainOf(5);
    expect(verifyChain(inputs(records))).toMatchObject({ ok: true, records: 5, first: 1, last: 5, breaks: [] });
    expect(verifyChain(inputs(records.slice(2)))).toMatchObject({ ok: true, records: 3, first: 3, last: 5 });
  });

  it('names a record whose content was edited', () => {
    const records = chainOf(4);
    records[2] = { ...records[2], who: { ...records[2].who, operator: 'mallory' } };
    const verdict = verifyChain(inputs(records));
    expect(verdict.ok).toBe(false);
    expect(verdict.breaks[0]).toMatchObject({ index: 3, seq: 12, id: 'id-3', problem: 'edited' });
    expect(verdict.breaks[0].message).toBe('record 3 (id id-3, stream sequence 12) was edited: its hash does not match its content');
  });

  it('finds an edited record whose hash was recomputed, by the next one', () => {
    const records = chainOf(4);
    const forged = { ...records[1], outcome: { status: 403, result: 'refused' as const } };
    records[1] = { ...forged, hash: auditHash(forged) };
    const verdict = verifyChain(inputs(records));
    expect(verdict.breaks).toEqual([expect.objectContaining({ index: 3, problem: 'removed-before' })]);
  });

  it('names the gap a removed record leaves', () => {
    const records = chainOf(5);
    records.splice(2, 1);
    expect(verifyChain(inputs(records)).breaks[0].message).toBe('record 4 (id id-4, stream sequence 12) follows record 2: records 3–3 were removed');
  });

  it('reports a line that is not a record', () => {
    const verdict = verifyChain(inputs([...chainOf(1), 'garbage']));
    expect(verdict.breaks[0]).toMatchObject({ problem: 'unreadable', seq: 11 });
  });
});
