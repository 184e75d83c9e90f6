import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi, renderApp } from '../../test/render';

const role = (name: string, predefined = false) => ({ name, description: `${name} role`, predefined, createdAt: '2026-01-01T00:00:00.000Z' });

afterEach(() => vi.restoreAllMocks());

describe('the roles page', () => {
  it('lists the roles; the predefined one cannot be deleted', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/roles': [role('ESBMessaging.send', true), role('Orders')] });
    renderApp('/roles', { fetch });
    const table = await screen.findByRole('table', { name: 'Roles' });
    await within(table).findByText('Orders');
    expect(within(table).getByRole('button', { name: 'Delete role ESBMessaging.send' })).toBeDisabled();
    expect(within(table).getByRole('button', { name: 'Delete role Orders' })).toBeEnabled();
  });

  it('creates a role (POST) and shows it in the list', async () => {
    let roles = [role('ESBMessaging.send', true)];
    const api = mockApi({
      'GET /api/v1/roles': () => roles,
      'POST /api/v1/roles': (c: { body?: unknown }) => {
        const created = { ...role((c.body as { name: string }).name), description: 'for orders' };
        roles = [...roles, created];
        return created;
      },
    });
    renderApp('/roles', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create role' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a role' });
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Orders.send');
    await userEvent.type(within(dialog).getByLabelText('Description'), 'for orders');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create role' }));
    expect(await within(screen.getByRole('table', { name: 'Roles' })).findByText('Orders.send')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Orders.send', description: 'for orders' });
  });

  it('puts a refused name next to the Name field with its code', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/roles': [],
      'POST /api/v1/roles': apiError(400, 'validation_failed', 'invalid request body: name: must be letters, digits, _ and -', { field: 'name' }),
    });
    renderApp('/roles', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create role' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a role' });
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'bad name');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create role' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/Name/)).toHaveAccessibleDescription(expect.stringContaining('must be letters, digits, _ and - validation_failed')),
    );
  });

  it('shows who uses a role when its deletion is refused (409 role_in_use)', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/roles': [role('Orders')],
      'DELETE /api/v1/roles/Orders': apiError(409, 'role_in_use', "role 'Orders' is in use and cannot be deleted", {
        role: 'Orders',
        instances: ['sender-a', 'sender-b'],
        flows: ['orders'],
        users: [],
        groups: [],
      }),
    });
    renderApp('/roles', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete role Orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete role Orders?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('role_in_use');
    const users = within(alert).getByLabelText('Who uses this role');
    expect(users).toHaveTextContent('Service instances:sender-asender-b');
    expect(users).toHaveTextContent('Flows:orders');
    expect(users).not.toHaveTextContent('Users:');
  });

  it("downloads a role's JSON (GET /roles/{name}/json) as a file", async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:role'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('role-Orders.json');
    });
    const api = mockApi({ 'GET /api/v1/roles': [role('Orders')], 'GET /api/v1/roles/Orders/json': { roles: ['Orders'] } });
    renderApp('/roles', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Download JSON of role Orders' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(JSON.parse(await (blobs[0] as Blob).text())).toEqual({ roles: ['Orders'] });
  });
});
