import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockApi, principal, renderApp, type Call } from '../../test/render';

const LOADING = { timeout: 10_000 };
const H = (c: string) => c.repeat(64);

const record = (seq: number, o: { operator?: string; operation?: string; object?: string; status?: number; code?: string } = {}) => {
  const status = o.status ?? 201;
  return {
    v: 1,
    seq,
    index: seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    at: `2026-01-10T12:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    requestId: `req-${seq}`,
    who: {
      kind: o.operator ? 'session' : 'admin-token',
      ...(o.operator && { operator: o.operator, via: 'token', sessionId: 'f'.repeat(32), tokenId: '4f1c2a9b7d3e8a60' }),
      roles: ['admin'],
      address: '10.0.4.17',
      surface: o.operator ? 'web' : 'api',
    },
    what: {
      operation: o.operation ?? 'POST /roles',
      object: o.object ?? `/roles/R${seq}`,
      permission: 'roles:write',
      before: status < 300 ? undefined : H('b'),
      after: H('a'),
    },
    outcome: { status, result: status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed', ...(o.code && { code: o.code, message: 'refused' }) },
    prev: H(String((seq - 1) % 10)),
    hash: H(String(seq % 10)),
  };
};

/** A page of the API: oldest first, with X-Next-Cursor when older records exist. */
const page = (records: unknown[], cursor?: string) =>
  new Response(JSON.stringify(records), { status: 200, headers: { 'content-type': 'application/json', ...(cursor && { 'X-Next-Cursor': cursor }) } });

const query = (c: Call | undefined) => Object.fromEntries(new URLSearchParams(c?.search ?? ''));

describe('the audit page', () => {
  it('lists the records newest first: time, who (operator, surface, address, token), operation and object, outcome with the status', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/audit': () =>
        page([record(1), record(2, { operator: 'mona', operation: 'DELETE /roles/{name}', object: '/roles/Orders', status: 403, code: 'forbidden' })]),
    });
    renderApp('/audit', { fetch });
    const table = await screen.findByRole('table', { name: 'Audit records' }, LOADING);
    await within(table).findByText('mona');
    const rows = within(table).getAllByRole('row');
    // The header row, then the newest.
    expect(rows[1]).toHaveTextContent('mona');
    expect(rows[1]).toHaveTextContent('web · token');
    expect(rows[1]).toHaveTextContent('10.0.4.17');
    expect(rows[1]).toHaveTextContent('token 4f1c2a9b7d3e8a60');
    expect(rows[1]).toHaveTextContent('DELETE /roles/{name}/roles/Orders');
    expect(rows[1]).toHaveTextContent('refused 403forbidden');
    expect(rows[2]).toHaveTextContent('admin token');
    expect(rows[2]).toHaveTextContent('ok 201');
  });

  it('keeps the filters in the URL and sends them; a refused filter is shown next to its field', async () => {
    const api = mockApi({
      'GET /api/v1/audit': (c: Call) =>
        query(c).since === 'yesterday'
          ? apiError(400, 'validation_failed', 'invalid query: since: an ISO 8601 timestamp or a duration ago', { field: 'since' })
          : page([record(3, { operator: 'mona' })]),
    });
    const { router } = renderApp('/audit?outcome=refused', { fetch: api.fetch });
    const filters = await screen.findByRole('form', { name: 'Filters of the audit trail' }, LOADING);
    await waitFor(() => expect(query(api.calls.at(-1))).toEqual({ outcome: 'refused', limit: '100' }));
    await userEvent.type(within(filters).getByRole('combobox', { name: 'Operator' }), 'mona');
    await userEvent.type(within(filters).getByRole('textbox', { name: 'Object' }), '/roles');
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(query(api.calls.at(-1))).toEqual({ outcome: 'refused', operator: 'mona', object: '/roles', limit: '100' }));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ operator: 'mona', object: '/roles', outcome: 'refused' });

    const since = within(screen.getByRole('form', { name: 'Filters of the audit trail' })).getByRole('combobox', { name: 'Since' });
    await userEvent.type(since, 'yesterday');
    await userEvent.click(within(screen.getByRole('form', { name: 'Filters of the audit trail' })).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(within(screen.getByRole('form', { name: 'Filters of the audit trail' })).getByRole('combobox', { name: 'Since' })).toHaveAccessibleDescription(
        expect.stringContaining('validation_failed'),
      ),
    );
  });

  it("filters by a record's operator or object when it is pressed", async () => {
    const api = mockApi({ 'GET /api/v1/audit': () => page([record(4, { operator: 'sam', object: '/keystore/entries/to-erp' })]) });
    const { router } = renderApp('/audit', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Show the records of sam' }, LOADING));
    await waitFor(() => expect(router.state.location.search).toBe('?operator=sam'));
    await userEvent.click(await screen.findByRole('button', { name: 'Show the records of /keystore/entries/to-erp' }));
    await waitFor(() => expect(router.state.location.search).toBe('?operator=sam&object=%2Fkeystore%2Fentries%2Fto-erp'));
  });

  it('pages back with the cursor of the page before', async () => {
    const api = mockApi({
      'GET /api/v1/audit': (c: Call) => (query(c).cursor === 'older' ? page([record(1), record(2)]) : page([record(3), record(4)], 'older')),
    });
    renderApp('/audit', { fetch: api.fetch });
    expect(await screen.findByText('2 records loaded, newest first; older ones exist', {}, LOADING)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load older records' }));
    expect(await screen.findByText('4 records loaded, newest first; none older')).toBeInTheDocument();
    expect(query(api.calls.at(-1))).toEqual({ cursor: 'older', limit: '100' });
  });

  it("shows a record's details: who, the digests before and after, the outcome and its chain hashes", async () => {
    const { fetch } = mockApi({ 'GET /api/v1/audit': () => page([record(7, { operator: 'mona', status: 409, code: 'role_in_use' })]) });
    renderApp('/audit', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Details of record 7' }, LOADING));
    const drawer = await screen.findByRole('dialog', { name: 'Audit record 7' });
    expect(within(drawer).getByRole('region', { name: 'Who' })).toHaveTextContent('Kindsession (via token)');
    const what = within(drawer).getByRole('region', { name: 'What' });
    expect(what).toHaveTextContent(`Before (SHA-256)${H('b')}`);
    expect(what).toHaveTextContent(`After (SHA-256)${H('a')}`);
    expect(within(drawer).getByRole('region', { name: 'Outcome' })).toHaveTextContent('role_in_use');
    const chain = within(drawer).getByRole('region', { name: 'Hash chain' });
    expect(chain).toHaveTextContent(`Previous hash${H('6')}`);
    expect(chain).toHaveTextContent(`Hash${H('7')}`);
  });

  it('verifies the chain: ok, or the first broken record', async () => {
    let verdict: unknown = { ok: true, records: 12, first: 1, last: 12, lastHash: H('c'), breaks: [], stream: 'certgate_default_AUDIT' };
    const { fetch } = mockApi({ 'GET /api/v1/audit': () => page([]), 'GET /api/v1/audit/verify': () => json(200, verdict) });
    renderApp('/audit', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Verify chain' }, LOADING));
    expect(await screen.findByRole('status')).toHaveTextContent('The chain holds12 records (records 1–12)');

    verdict = {
      ok: false,
      records: 12,
      first: 3,
      last: 12,
      breaks: [{ index: 5, seq: 5, id: 'x', problem: 'edited', message: 'record 5 was edited: its hash does not match its content' }],
      stream: 'certgate_default_AUDIT',
    };
    await userEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The chain is broken');
    expect(alert).toHaveTextContent('The first: record 5 (edited), stream sequence 5: record 5 was edited');
    expect(alert).toHaveTextContent('The oldest kept is record 3');
  });

  it('exports JSON lines with the filters of the page (a link: the session cookie goes with it)', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/audit': () => page([]) });
    renderApp('/audit?operator=mona&outcome=4xx', { fetch });
    const link = await screen.findByRole('link', { name: 'Export JSON lines' }, LOADING);
    expect(link).toHaveAttribute('href', '/api/v1/audit/export?operator=mona&outcome=4xx');
  });

  it('is in the navigation of an auditor, beside the overview', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/audit': () => page([]),
      'GET /api/v1/health': { status: 'up', checkedAt: '2026-01-10T12:00:00.000Z', services: {} },
    });
    renderApp('/audit', { fetch, as: principal(['auditor'], 'aud') });
    expect(await screen.findByRole('table', { name: 'Audit records' }, LOADING)).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Pages' }))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Overview', 'Audit trail']);
  });
});
