import type { AccessLogRecord, MplRecord } from '@certgate/contracts';
import { accessFilter, accessQuery, decodeCursor, encodeCursor, mplFilter, mplQuery, parseTimeBound, traceQuery, windowOf } from './log-query';

const NOW = new Date('2025-06-01T12:00:00.000Z');

const access = (over: Partial<AccessLogRecord>): AccessLogRecord => ({
  line: '',
  time: NOW.toISOString(),
  nodeId: 'ingress-1',
  requestId: 'r1',
  ip: '127.0.0.1',
  who: 'sb-a!k1',
  method: 'POST',
  path: '/http/orders',
  status: 200,
  durationMs: 1,
  ...over,
});

const mpl = (over: Partial<MplRecord>): MplRecord => ({
  messageId: 'm1',
  requestId: 'm1',
  flowId: 'orders',
  address: '/orders',
  principal: 'sb-a!k1',
  status: 200,
  outcome: 'completed',
  durationMs: 1,
  time: NOW.toISOString(),
  nodeId: 'rt-1',
  ...over,
});

describe('log queries', () => {
  it('time bounds: ISO 8601, or a duration ago', () => {
    expect(parseTimeBound('2025-01-31T12:00:00Z')).toEqual(new Date('2025-01-31T12:00:00Z'));
    expect(parseTimeBound('15m', NOW)).toEqual(new Date(NOW.getTime() - 15 * 60_000));
    expect(parseTimeBound('2h', NOW)).toEqual(new Date(NOW.getTime() - 2 * 3_600_000));
    expect(parseTimeBound('1d', NOW)).toEqual(new Date(NOW.getTime() - 86_400_000));
    for (const bad of ['yesterday', '15', '1w', '2025-13-45T00:00:00Z', '']) expect(parseTimeBound(bad, NOW)).toBeUndefined();
  });

  it('the cursor is opaque and round-trips a sequence; anything else is not a cursor', () => {
    expect(decodeCursor(encodeCursor(12345))).toBe(12345);
    expect(decodeCursor('12345')).toBeUndefined();
    expect(accessQuery.safeParse({ cursor: 'garbage' }).success).toBe(false);
  });

  it('each log takes its own filters: status and who are not filters of the trace log', () => {
    expect(Object.keys(traceQuery.shape).sort()).toEqual(['after', 'cursor', 'limit', 'requestId', 'since', 'until']);
    expect(Object.keys(accessQuery.shape)).toEqual(expect.arrayContaining(['status', 'who', 'principal', 'address']));
    expect(Object.keys(accessQuery.shape)).not.toContain('flowId');
    expect(Object.keys(mplQuery.shape)).toContain('flowId');
  });

  it('status: exact or by class; limits 1-1000', () => {
    for (const ok of ['401', '4xx', '5XX', '200']) expect(accessQuery.safeParse({ status: ok }).success).toBe(true);
    for (const bad of ['40', '4x', '600', 'error']) expect(accessQuery.safeParse({ status: bad }).success).toBe(false);
    for (const bad of ['0', '1001', 'many']) expect(accessQuery.safeParse({ limit: bad }).success).toBe(false);
    expect(accessQuery.parse({}).limit).toBe(100);
  });

  it('access filter: status, who (or principal), address, requestId, time', () => {
    const q = (query: Record<string, string>) => {
      const parsed = accessQuery.parse(query);
      return accessFilter(parsed, windowOf(parsed, NOW));
    };
    expect(q({ status: '4xx' })(access({ status: 403 }))).toBe(true);
    expect(q({ status: '4xx' })(access({ status: 503 }))).toBe(false);
    expect(q({ status: '401' })(access({ status: 403 }))).toBe(false);
    expect(q({ who: 'sb-a!k1' })(access({}))).toBe(true);
    expect(q({ principal: 'sb-b!k1' })(access({}))).toBe(false);
    expect(q({ address: '/orders' })(access({ path: '/http/orders?x=1' }))).toBe(true);
    expect(q({ address: '/orders' })(access({ path: '/http/orders/v2' }))).toBe(false);
    expect(q({ requestId: 'r2' })(access({}))).toBe(false);
    expect(q({ since: '15m' })(access({ time: new Date(NOW.getTime() - 20 * 60_000).toISOString() }))).toBe(false);
    expect(q({ until: '15m' })(access({ time: new Date(NOW.getTime() - 20 * 60_000).toISOString() }))).toBe(true);
  });

  it('message-log filter: flowId, principal, address, requestId (or the messageId of older records)', () => {
    const q = (query: Record<string, string>) => {
      const parsed = mplQuery.parse(query);
      return mplFilter(parsed, windowOf(parsed, NOW));
    };
    expect(q({ flowId: 'orders', who: 'sb-a!k1', address: '/orders', status: '2xx' })(mpl({}))).toBe(true);
    expect(q({ flowId: 'other' })(mpl({}))).toBe(false);
    expect(q({ requestId: 'old' })(mpl({ requestId: undefined, messageId: 'old' }))).toBe(true);
  });

  it('cursor with after, until before since, and who differing from principal are refused naming the parameter', () => {
    expect(() => windowOf({ cursor: encodeCursor(5), after: 3 })).toThrow(expect.objectContaining({ code: 'validation_failed', details: { field: 'after' } }));
    expect(() => windowOf({ since: '1h', until: '2h' }, NOW)).toThrow(expect.objectContaining({ details: { field: 'until' } }));
    expect(() => accessFilter(accessQuery.parse({ who: 'a', principal: 'b' }), {})).toThrow(expect.objectContaining({ details: { field: 'principal' } }));
  });
});
