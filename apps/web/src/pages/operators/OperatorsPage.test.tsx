import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi, principal, renderApp, type Call } from '../../test/render';

const AT = '2026-01-05T09:00:00.000Z';
const LOADING = { timeout: 10_000 };
const operator = (name: string, roles: string[], enabled = true) => ({ name, roles, enabled, createdAt: AT });
const token = (id: string, o: { description?: string; lastUsedAt?: string; revokedAt?: string; expiresAt?: string } = {}) => ({
  id,
  operator: 'mona',
  createdAt: AT,
  expiresAt: o.expiresAt ?? '2099-04-05T09:00:00.000Z',
  ...o,
});

/** An item of a row's ⋯ menu (jsdom hides dropdowns as detached: `hidden: true`). */
async function chooseAction(name: string, item: string) {
  await userEvent.click(await screen.findByRole('button', { name: `Actions for ${name}` }, LOADING));
  await userEvent.click(await screen.findByRole('menuitem', { name: item, hidden: true }));
}

describe('the operators page', () => {
  it('lists the operators with roles and state', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/operators': [operator('mona', ['monitor']), operator('sam', ['security', 'developer'], false)] });
    renderApp('/operators', { fetch });
    const table = await screen.findByRole('table', { name: 'Operators' }, LOADING);
    const row = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    await within(table).findByText('sam');
    expect(row('mona')).toHaveTextContent('monitor');
    expect(row('mona')).toHaveTextContent('enabled');
    expect(row('sam')).toHaveTextContent('securitydeveloper');
    expect(row('sam')).toHaveTextContent('disabled');
  });

  it('creates an operator with the roles ticked (POST /operators), then shows its tokens', async () => {
    let operators = [operator('mona', ['monitor'])];
    const api = mockApi({
      'GET /api/v1/operators': () => operators,
      'POST /api/v1/operators': (c: Call) => {
        const body = c.body as { name: string; roles: string[] };
        operators = [...operators, operator(body.name, body.roles)];
        return operator(body.name, body.roles);
      },
      'GET /api/v1/operators/dev-bot/tokens': [],
    });
    const { router } = renderApp('/operators', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create operator' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Create an operator' });
    // No role: refused before anything is sent.
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'dev-bot');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create operator' }));
    expect(await within(dialog).findByText('An operator needs at least one role')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /developer/ }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /monitor/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create operator' }));
    expect(await screen.findByRole('heading', { name: 'API tokens of dev-bot' })).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'dev-bot', roles: ['developer', 'monitor'] });
    expect(router.state.location.search).toBe('?operator=dev-bot');
  });

  it('puts a refused name next to the Name field (409 operator_exists)', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/operators': [operator('mona', ['monitor'])],
      'POST /api/v1/operators': apiError(409, 'operator_exists', "operator 'mona' exists already", { field: 'name' }),
    });
    renderApp('/operators', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create operator' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Create an operator' });
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'mona');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /auditor/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create operator' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/Name/)).toHaveAccessibleDescription(expect.stringContaining('operator_exists')));
  });

  it('changes the roles (PATCH) and disables an operator after asking', async () => {
    const api = mockApi({
      'GET /api/v1/operators': [operator('mona', ['monitor'])],
      'PATCH /api/v1/operators/mona': (c: Call) => ({ ...operator('mona', ['monitor']), ...(c.body as object) }),
    });
    renderApp('/operators', { fetch: api.fetch });
    await chooseAction('mona', 'Edit roles…');
    const roles = await screen.findByRole('dialog', { name: 'Roles of mona' });
    expect(within(roles).getByRole('checkbox', { name: /monitor/ })).toBeChecked();
    await userEvent.click(within(roles).getByRole('checkbox', { name: /auditor/ }));
    await userEvent.click(within(roles).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Roles of mona' })).not.toBeInTheDocument());

    await chooseAction('mona', 'Disable…');
    const confirm = await screen.findByRole('dialog', { name: 'Disable mona?' });
    expect(confirm).toHaveTextContent('refuses the tokens of mona at once');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Disable mona?' })).not.toBeInTheDocument());
    expect(api.calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ roles: ['monitor', 'auditor'] }, { enabled: false }]);
  });

  it('enables a disabled operator at once, and deletes one after asking', async () => {
    const api = mockApi({
      'GET /api/v1/operators': [operator('mona', ['monitor'], false)],
      'PATCH /api/v1/operators/mona': operator('mona', ['monitor']),
      'DELETE /api/v1/operators/mona': new Response(null, { status: 204 }),
    });
    renderApp('/operators', { fetch: api.fetch });
    await chooseAction('mona', 'Enable');
    await waitFor(() => expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ enabled: true }));
    await chooseAction('mona', 'Delete…');
    const confirm = await screen.findByRole('dialog', { name: 'Delete operator mona?' });
    expect(confirm).toHaveTextContent('Its tokens are revoked first');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/operators/mona')).toBe(true));
  });

  it('warns an operator about to disable itself', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/operators': [operator('ada', ['admin'])] });
    renderApp('/operators', { fetch, as: principal(['admin'], 'ada') });
    expect(await screen.findByText('(you)', {}, LOADING)).toBeInTheDocument();
    await chooseAction('ada', 'Disable…');
    expect(await screen.findByRole('dialog', { name: 'Disable ada?' })).toHaveTextContent('This is you');
  });
});

describe("an operator's API tokens", () => {
  it('lists them with created, expires, last used and state, never a secret', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/operators': [operator('mona', ['monitor'])],
      'GET /api/v1/operators/mona/tokens': [
        token('1111111111111111', { description: 'dashboard', lastUsedAt: '2026-01-06T10:31:00.000Z' }),
        token('2222222222222222', { revokedAt: '2026-01-07T08:00:00.000Z' }),
        token('3333333333333333', { expiresAt: '2026-01-06T00:00:00.000Z' }),
      ],
    });
    renderApp('/operators?operator=mona', { fetch });
    const table = await screen.findByRole('table', { name: 'API tokens of mona' }, LOADING);
    const row = async (id: string) => (await within(table).findByText(id)).closest('tr') as HTMLElement;
    expect(await row('1111111111111111')).toHaveTextContent('dashboard');
    expect(await row('1111111111111111')).toHaveTextContent('2026-01-06 10:31 UTC');
    expect(await row('1111111111111111')).toHaveTextContent('active');
    expect(await row('2222222222222222')).toHaveTextContent('revoked2026-01-07 08:00 UTC');
    expect(await row('2222222222222222')).toHaveTextContent('never');
    expect(within(await row('2222222222222222')).getByRole('button', { name: 'Revoke token 2222222222222222' })).toBeDisabled();
    expect(await row('3333333333333333')).toHaveTextContent('expired');
  });

  it('creates a token (description, days) and shows it once, with a copy button; closed, it is gone', async () => {
    const SECRET = `cgt.default.4444444444444444.${'s'.repeat(43)}`;
    const api = mockApi({
      'GET /api/v1/operators': [operator('mona', ['monitor'])],
      'GET /api/v1/operators/mona/tokens': [],
      'POST /api/v1/operators/mona/tokens': { ...token('4444444444444444', { description: 'grafana' }), token: SECRET },
    });
    renderApp('/operators', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'API tokens of mona' }, LOADING));
    await userEvent.click(await screen.findByRole('button', { name: 'Create token' }));
    const form = await screen.findByRole('dialog', { name: 'Create an API token for mona' });
    await userEvent.type(within(form).getByLabelText('Description'), 'grafana');
    const days = within(form).getByLabelText(/Expires in/);
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    const once = await screen.findByRole('dialog', { name: 'API token for mona: save it now' });
    expect(once).toHaveTextContent('Shown only this once');
    expect(within(once).getByLabelText('API token')).toHaveTextContent(SECRET);
    expect(within(once).getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ description: 'grafana', expiresInDays: 30 });
    await userEvent.click(within(once).getByRole('button', { name: 'I have saved it, close' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).not.toBeInTheDocument());
  });

  it('refuses a lifetime out of 1-366 days before sending it', async () => {
    const api = mockApi({ 'GET /api/v1/operators': [operator('mona', ['monitor'])], 'GET /api/v1/operators/mona/tokens': [] });
    renderApp('/operators?operator=mona', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create token' }, LOADING));
    const form = await screen.findByRole('dialog', { name: 'Create an API token for mona' });
    const days = within(form).getByLabelText(/Expires in/);
    await userEvent.clear(days);
    await userEvent.type(days, '400');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await within(form).findByText('Whole days from 1 to 366')).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('revokes a token after asking (POST /api-tokens/{id}/revoke)', async () => {
    let tokens = [token('1111111111111111', { description: 'dashboard' })];
    const api = mockApi({
      'GET /api/v1/operators': [operator('mona', ['monitor'])],
      'GET /api/v1/operators/mona/tokens': () => tokens,
      'POST /api/v1/api-tokens/1111111111111111/revoke': () => {
        tokens = [{ ...tokens[0], revokedAt: '2026-01-08T00:00:00.000Z' } as (typeof tokens)[number]];
        return json200(tokens[0]);
      },
    });
    renderApp('/operators?operator=mona', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke token 1111111111111111' }, LOADING));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke token 1111111111111111?' });
    expect(confirm).toHaveTextContent('dashboard');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    const table = screen.getByRole('table', { name: 'API tokens of mona' });
    expect(await within(table).findByText('revoked')).toBeInTheDocument();
  });
});

/** The revoke answers 200 (it is a POST that changes a record, not one that makes one). */
const json200 = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
