import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, json, mockApi, renderApp, type Call } from '../../test/render';

const REQ = '0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13';

const access = (seq: number, over: Record<string, unknown> = {}) => ({
  seq,
  line: `127.0.0.1 - sb-sender-a!k1 [31/Jan/2026:12:00:0${seq % 10} +0000] POST /http/orders HTTP/1.1 200`,
  time: `2026-01-31T12:00:${String(seq % 60).padStart(2, '0')}.000Z`,
  nodeId: 'ingress-1',
  requestId: `req-${seq}`,
  ip: '127.0.0.1',
  who: 'sb-sender-a!k1',
  method: 'POST',
  path: '/http/orders',
  status: 200,
  durationMs: 12,
  ...over,
});
const trace = (seq: number, over: Record<string, unknown> = {}) => ({
  seq,
  line: 'WARN certificate_rejected',
  time: '2026-01-31T12:00:00.000Z',
  nodeId: 'ingress-1',
  requestId: REQ,
  level: 'warn',
  event: 'certificate_rejected',
  reason: 'untrusted_root',
  message: 'the certificate chain ends in a root CA that is not trusted',
  ...over,
});
const message = (seq: number, over: Record<string, unknown> = {}) => ({
  seq,
  messageId: `msg-${seq}`,
  requestId: REQ,
  flowId: 'orders',
  address: '/orders',
  principal: 'sb-sender-a!k1',
  status: 200,
  outcome: 'completed',
  durationMs: 9,
  time: '2026-01-31T12:00:00.000Z',
  nodeId: 'flow-runtime-1',
  ...over,
});

/** A page of records with its X-Next-Cursor header, as the API answers it. */
const page = (records: unknown[], cursor?: string) =>
  new Response(JSON.stringify(records), { status: 200, headers: { 'content-type': 'application/json', ...(cursor && { 'X-Next-Cursor': cursor }) } });

const query = (c: Call | undefined) => Object.fromEntries(new URLSearchParams(c?.search ?? ''));
const callsTo = (calls: Call[], path: string) => calls.filter((c) => c.path === path);

afterEach(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
});

describe('the logs page', () => {
  it('shows the access log, newest first, with the client id', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/logs/access': [access(1, { who: '' }), access(2, { status: 401 })] });
    renderApp('/logs', { fetch });
    const table = await screen.findByRole('table', { name: 'Access log' });
    await within(table).findByText('req-1');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('401');
    expect(rows[0]).toHaveTextContent('sb-sender-a!k1');
    expect(rows[1]).toHaveTextContent('—');
    expect(screen.getByRole('tab', { name: 'Access log' })).toHaveAttribute('aria-selected', 'true');
  });

  it('sends the filters a log takes as its query parameters, and keeps them in the URL', async () => {
    const api = mockApi({ 'GET /api/v1/logs/access': [], 'GET /api/v1/logs/trace': [] });
    const { router } = renderApp('/logs', { fetch: api.fetch });
    await screen.findByRole('table', { name: 'Access log' });
    const filters = screen.getByRole('form', { name: 'Filters of the access log' });
    await userEvent.type(within(filters).getByRole('combobox', { name: 'Status' }), '4xx');
    await userEvent.type(within(filters).getByRole('textbox', { name: 'Who' }), 'sb-sender-a!k1');
    await userEvent.type(within(filters).getByRole('combobox', { name: 'Since' }), '15m');
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(query(callsTo(api.calls, '/api/v1/logs/access').at(-1))).toEqual({ status: '4xx', who: 'sb-sender-a!k1', since: '15m', limit: '100' }),
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ status: '4xx', who: 'sb-sender-a!k1', since: '15m' });
    expect(api.calls.every((c) => c.credentials === 'same-origin' && c.authorization === null && !c.search.includes('token'))).toBe(true);

    // The trace log takes only since, until and requestId: the others stay in the URL, unsent.
    await userEvent.click(screen.getByRole('tab', { name: 'Trace log' }));
    await waitFor(() => expect(callsTo(api.calls, '/api/v1/logs/trace')).toHaveLength(1));
    expect(query(callsTo(api.calls, '/api/v1/logs/trace')[0])).toEqual({ since: '15m', limit: '100' });
    expect(screen.getByText(/Not filters of the trace log/)).toHaveTextContent('Status 4xx, Who sb-sender-a!k1');
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ log: 'trace', status: '4xx', who: 'sb-sender-a!k1', since: '15m' });
  });

  it('reads the filters of a shared link', async () => {
    const api = mockApi({ 'GET /api/v1/message-logs': [message(7)] });
    renderApp('/logs?log=messages&flowId=orders&status=5xx&address=%2Forders', { fetch: api.fetch });
    await within(await screen.findByRole('table', { name: 'Message processing log' })).findByText('/orders');
    expect(query(api.calls[0])).toEqual({ flowId: 'orders', status: '5xx', address: '/orders', limit: '100' });
    expect(screen.getByRole('textbox', { name: 'Flow id' })).toHaveValue('orders');
  });

  it('shows a filter the API refuses next to its field, with the code', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/logs/access': (c: Call) =>
        query(c).since
          ? apiError(400, 'validation_failed', 'invalid query: since: an ISO 8601 timestamp (2025-01-31T12:00:00Z) or a duration ago (30s, 15m, 2h, 1d)', {
              field: 'since',
            })
          : [],
    });
    renderApp('/logs?since=yesterday', { fetch });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Since' })).toHaveAccessibleDescription(expect.stringContaining('validation_failed')));
    expect(screen.getByRole('combobox', { name: 'Since' })).toHaveAccessibleDescription(expect.stringContaining('a duration ago (30s, 15m, 2h, 1d)'));
  });

  it('loads the page before with the X-Next-Cursor of the last page, until there is none', async () => {
    const api = mockApi({
      'GET /api/v1/logs/access': (c: Call) => {
        const q = query(c);
        if (q.cursor === undefined) return page([access(201), access(202)], 'cursor-before-201');
        if (q.cursor === 'cursor-before-201') return page([access(101), access(102)], 'cursor-before-101');
        return page([access(1)]);
      },
    });
    renderApp('/logs?status=2xx', { fetch: api.fetch });
    const table = await screen.findByRole('table', { name: 'Access log' });
    await within(table).findByText('req-202');
    const older = screen.getByRole('button', { name: 'Load older records' });
    await userEvent.click(older);
    await within(table).findByText('req-101');
    expect(query(callsTo(api.calls, '/api/v1/logs/access')[1])).toEqual({ status: '2xx', limit: '100', cursor: 'cursor-before-201' });
    await userEvent.click(older);
    await within(table).findByText('req-1');
    expect(query(callsTo(api.calls, '/api/v1/logs/access')[2])).toEqual({ status: '2xx', limit: '100', cursor: 'cursor-before-101' });
    // Newest first across the pages; no cursor: nothing older.
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getByRole('button').textContent),
    ).toEqual(['req-202', 'req-201', 'req-102', 'req-101', 'req-1']);
    await waitFor(() => expect(older).toBeDisabled());
    expect(screen.getByText(/5 records loaded, newest first; none older/)).toBeInTheDocument();
  });

  it('follows the log: asks for what came after the newest record every second, and stops while the browser tab is hidden', async () => {
    let next = 3;
    const api = mockApi({
      'GET /api/v1/logs/access': (c: Call) => {
        const after = query(c).after;
        if (after === undefined) return [access(1), access(2)];
        return Number(after) < next ? [access(next++)] : [];
      },
    });
    renderApp('/logs?who=sb-sender-a!k1', { fetch: api.fetch });
    const table = await screen.findByRole('table', { name: 'Access log' });
    await within(table).findByText('req-2');
    await userEvent.click(screen.getByRole('switch', { name: /Follow/ }));
    await within(table).findByText('req-3');
    await within(table).findByText('req-4', undefined, { timeout: 3000 });
    const follows = callsTo(api.calls, '/api/v1/logs/access').filter((c) => query(c).after !== undefined);
    expect(query(follows[0])).toEqual({ who: 'sb-sender-a!k1', after: '2', limit: '1000' });
    expect(query(follows[1])).toMatchObject({ after: '3' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('req-4');
    expect(screen.getByText('following')).toBeInTheDocument();

    // The browser tab hides: no more calls until it shows again.
    act(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const before = api.calls.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(api.calls.length).toBe(before);
    act(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(api.calls.length).toBeGreaterThan(before));

    // Off: no more calls.
    await userEvent.click(screen.getByRole('switch', { name: /Follow/ }));
    const off = api.calls.length;
    await new Promise((r) => setTimeout(r, 1300));
    expect(api.calls.length).toBe(off);
  }, 15_000);

  it('a request id filters every log by that request, and the tabs say how many records each has', async () => {
    const api = mockApi({
      'GET /api/v1/logs/access': (c: Call) => (query(c).requestId === REQ ? [access(5, { requestId: REQ })] : [access(4), access(5, { requestId: REQ })]),
      'GET /api/v1/logs/trace': [],
      'GET /api/v1/message-logs': (c: Call) => (query(c).requestId === REQ ? [message(9)] : json(500, {})),
    });
    const { router } = renderApp('/logs?status=2xx', { fetch: api.fetch });
    const table = await screen.findByRole('table', { name: 'Access log' });
    await userEvent.click(await within(table).findByRole('button', { name: `Show request ${REQ} in every log` }));
    await waitFor(() => expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ requestId: REQ }));
    await waitFor(() => expect(screen.getByRole('tab', { name: /Message processing log/ })).toHaveTextContent('1 records'));
    expect(screen.getByRole('tab', { name: /Trace log/ })).toHaveTextContent('0 records');
    for (const path of ['/api/v1/logs/access', '/api/v1/logs/trace', '/api/v1/message-logs']) {
      expect(query(callsTo(api.calls, path).at(-1))).toEqual({ requestId: REQ, limit: '100' });
    }
    expect(screen.getByTestId('request-filter')).toHaveTextContent(REQ);

    await userEvent.click(screen.getByRole('tab', { name: /Message processing log/ }));
    const messages = await screen.findByRole('table', { name: 'Message processing log' });
    expect(within(messages).getByText('completed')).toBeInTheDocument();
    expect(within(messages).getByText('orders')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?log=messages&requestId=${REQ}`);

    await userEvent.click(screen.getByRole('button', { name: 'Show every request' }));
    await waitFor(() => expect(router.state.location.search).toBe('?log=messages'));
  });

  it('shows the trace log with reasons and details', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/logs/trace': [trace(3, { details: { subjectDN: 'CN=stranger' } })] });
    renderApp('/logs?log=trace', { fetch });
    const table = await screen.findByRole('table', { name: 'Trace log' });
    expect(await within(table).findByText('untrusted_root')).toBeInTheDocument();
    expect(within(table).getByText('subjectDN=CN=stranger')).toBeInTheDocument();
  });
});
