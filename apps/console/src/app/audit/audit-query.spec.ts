import { chainAfter, type AuditEntry, type AuditRecord } from '@certgate/contracts';
import { auditFilter, auditQuery, auditWindow } from './audit-query';

interface Over {
  at?: string;
  who?: Partial<AuditEntry['who']>;
  what?: Partial<AuditEntry['what']>;
  outcome?: AuditEntry['outcome'];
}

const record = (over: Over): AuditRecord =>
  chainAfter(undefined, {
    id: 'x',
    at: over.at ?? '2026-12-07T10:00:00.000Z',
    who: { kind: 'operator', operator: 'dev', address: '127.0.0.1', surface: 'api', ...over.who },
    what: { operation: 'PUT /flows/{id}', object: '/flows/orders', ...over.what },
    outcome: over.outcome ?? { status: 200, result: 'ok' },
  });

const matches = (query: Record<string, string>, r: AuditRecord) => {
  const q = auditQuery.parse(query);
  return auditFilter(q, auditWindow(q, new Date('2026-12-07T12:00:00Z')))(r);
};

describe('audit query', () => {
  it('finds an object and what lies below it, not a sibling that shares its start', () => {
    const r = record({ what: { object: '/flows/orders' } });
    expect(matches({ object: '/flows' }, r)).toBe(true);
    expect(matches({ object: '/flows/' }, r)).toBe(true);
    expect(matches({ object: '/flows/orders' }, r)).toBe(true);
    expect(matches({ object: '/flows/ord' }, r)).toBe(false);
    expect(matches({ object: '/flow' }, r)).toBe(false);
  });

  it('names the bootstrap token admin-token and a caller without credentials anonymous', () => {
    expect(matches({ operator: 'admin-token' }, record({ who: { kind: 'admin-token', operator: undefined } }))).toBe(true);
    expect(matches({ operator: 'anonymous' }, record({ who: { kind: 'anonymous', operator: undefined } }))).toBe(true);
    expect(matches({ operator: 'admin-token' }, record({ who: { kind: 'session', operator: undefined, via: 'token' } }))).toBe(true);
    expect(matches({ operator: 'dev' }, record({}))).toBe(true);
    expect(matches({ operator: 'mona' }, record({}))).toBe(false);
  });

  it('takes an outcome by result, status or class', () => {
    const refused = record({ outcome: { status: 403, result: 'refused', code: 'forbidden' } });
    for (const outcome of ['refused', '403', '4xx', '4XX']) expect(matches({ outcome }, refused)).toBe(true);
    for (const outcome of ['ok', 'failed', '401', '5xx']) expect(matches({ outcome }, refused)).toBe(false);
    expect(auditQuery.safeParse({ outcome: 'denied' }).success).toBe(false);
  });

  it('bounds by time, given as ISO 8601 or a duration ago', () => {
    const r = record({ at: '2026-12-07T10:00:00.000Z' });
    expect(matches({ since: '3h' }, r)).toBe(true);
    expect(matches({ since: '1h' }, r)).toBe(false);
    expect(matches({ until: '2026-12-07T09:59:59Z' }, r)).toBe(false);
  });
});
