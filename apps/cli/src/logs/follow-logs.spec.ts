import { ApiClient } from '../api/api-client';
import { CertgateApi, type LogRecordOf } from '../api/certgate-api';
import { FakeConsole, type SeenRequest } from '../testing/fake-console';
import { followLogs } from './follow-logs';
import { logLine } from './log-views';

const access = (seq: number, status = 200): LogRecordOf['access'] => ({
  seq,
  line: `line ${seq}`,
  time: `2026-01-01T00:00:0${seq}.000Z`,
  nodeId: 'n',
  requestId: `r${seq}`,
  ip: '127.0.0.1',
  who: 'sb-a!k1',
  method: 'POST',
  path: '/http/orders',
  status,
  durationMs: 2,
});

describe('logs --follow', () => {
  let fake: FakeConsole;
  let api: CertgateApi;
  beforeEach(async () => {
    fake = await new FakeConsole().start();
    api = new CertgateApi(new ApiClient({ url: fake.url, token: 't', tokenSource: 't' }));
  });
  afterEach(() => fake.stop());

  /** Follows until `printed` holds `count` records, then stops as Ctrl-C would. */
  const follow = async (count: number, filters = {}) => {
    const stop = new AbortController();
    const printed: number[] = [];
    const notes: string[] = [];
    await followLogs({
      api,
      kind: 'access',
      filters,
      print: (r) => {
        printed.push(r.seq as number);
        if (printed.length >= count) stop.abort();
      },
      note: (l) => notes.push(l),
      signal: stop.signal,
      intervalMs: 20,
    });
    return { printed, notes };
  };

  it('prints the newest records, then only newer ones, asking with after=<last seq> and the same filters', async () => {
    const pages: Record<string, LogRecordOf['access'][]> = { none: [access(3), access(4)], '4': [access(5)], '5': [access(5), access(6), access(7)] };
    fake.on('GET /logs/access', (r: SeenRequest) => ({ json: pages[r.query.after ?? 'none'] ?? [] }));
    const { printed } = await follow(5, { status: '2xx', limit: 50 });
    expect(printed).toEqual([3, 4, 5, 6, 7]);
    const queries = fake.seen.map((r) => r.query);
    expect(queries[0]).toEqual({ status: '2xx', limit: '50' });
    expect(queries.slice(1).every((q) => q.status === '2xx' && q.limit === '50' && q.after !== undefined)).toBe(true);
  });

  it('with nothing yet, follows from the start of the stream (after=0)', async () => {
    let calls = 0;
    fake.on('GET /logs/access', (r) => ({ json: ++calls === 1 ? [] : r.query.after === '0' ? [access(1)] : [] }));
    expect((await follow(1)).printed).toEqual([1]);
    expect(fake.seen[1].query).toEqual({ after: '0' });
  });

  it('waits for a console that is away (503) and says so once', async () => {
    let calls = 0;
    fake.on('GET /logs/access', () => (++calls <= 3 ? { status: 503, json: { error: 'service_unavailable', message: 'no NATS' } } : { json: [access(9)] }));
    const { printed, notes } = await follow(1);
    expect(printed).toEqual([9]);
    expect(notes).toEqual(['error service_unavailable: no NATS; retrying every 0.02 s', 'back: service_unavailable is over']);
  });

  it('a refusal ends it with the error; records without seq cannot be followed', async () => {
    fake.on('GET /logs/access', { status: 400, json: { error: 'unknown_parameter', message: 'unknown query parameter bogus' } });
    await expect(follow(1)).rejects.toThrow('error unknown_parameter: unknown query parameter bogus');
    fake.on('GET /logs/access', { json: [{ ...access(1), seq: undefined }] });
    await expect(follow(1)).rejects.toThrow(/does not number its log records/);
  });

  it('prints each record as one line: time, then key=value', () => {
    expect(logLine('access', access(1, 401))).toBe(
      '2026-01-01T00:00:01.000Z status=401 method=POST path=/http/orders who=sb-a!k1 ms=2 ip=127.0.0.1 requestId=r1',
    );
    expect(
      logLine('messages', {
        messageId: 'm',
        address: '/orders',
        status: 502,
        outcome: 'failed',
        durationMs: 1,
        time: 't',
        nodeId: 'n',
        error: 'receiver refused',
        flowId: 'orders',
      }),
    ).toBe('t status=502 outcome=failed flow=orders address=/orders ms=1 error="receiver refused"');
  });
});
