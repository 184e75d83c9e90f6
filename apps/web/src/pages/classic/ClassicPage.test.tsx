import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi, renderApp, type Call } from '../../test/render';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const mapping = (user: string, id = user.padEnd(64, '0')) => ({
  id,
  user,
  certificate: {
    pem: PEM,
    fingerprint: id,
    subjectDN: `CN=${user}`,
    issuerDN: 'CN=Partner Root',
    serialNumber: '01',
    notBefore: day(-1),
    notAfter: day(200),
  },
  createdAt: '2026-01-02T00:00:00.000Z',
});
const user = (name: string, o: { roles?: string[]; groups?: string[]; effectiveRoles?: string[]; mappings?: string[] } = {}) => ({
  name,
  roles: o.roles ?? [],
  groups: o.groups ?? [],
  effectiveRoles: o.effectiveRoles ?? o.roles ?? [],
  mappings: o.mappings ?? [],
});
const group = (name: string, roles: string[], users: string[]) => ({
  name,
  roles,
  users,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-03T00:00:00.000Z',
});
const role = (name: string) => ({ name, description: '', predefined: false, createdAt: '2026-01-01T00:00:00.000Z' });
const dropInput = (container: HTMLElement) => container.ownerDocument.querySelector('[data-testid=mapping-dropzone] input[type=file]') as HTMLInputElement;
const pemFile = () => new File([PEM], 'john.pem', { type: 'application/x-pem-file' });

describe('the users and mappings page: certificate mappings', () => {
  it('lists the mappings with user, subject and validity', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/certificate-user-mappings': [mapping('john.doe@acme.com')], 'GET /api/v1/users': [] });
    renderApp('/classic', { fetch });
    const table = await screen.findByRole('table', { name: 'Certificate-to-user mappings' });
    const row = (await within(table).findByText('john.doe@acme.com')).closest('tr') as HTMLElement;
    expect(within(row).getByText('CN=john.doe@acme.com')).toBeInTheDocument();
    expect(row.querySelector('[data-validity]')).toHaveAttribute('data-validity', 'valid');
  });

  it('maps a dropped PEM to the named user (POST) and lists it', async () => {
    let mappings: ReturnType<typeof mapping>[] = [];
    const api = mockApi({
      'GET /api/v1/certificate-user-mappings': () => mappings,
      'GET /api/v1/users': [user('jane')],
      'POST /api/v1/certificate-user-mappings': (c: Call) => {
        mappings = [mapping((c.body as { user: string }).user)];
        return mappings[0];
      },
    });
    const { container } = renderApp('/classic', { fetch: api.fetch });
    await screen.findByText(/No mapping yet/);
    // No user named: nothing is sent, the field says why.
    await userEvent.upload(dropInput(container), pemFile());
    expect(screen.getByRole('combobox', { name: 'User' })).toHaveAccessibleDescription(expect.stringContaining('Name the user first'));
    await userEvent.type(screen.getByRole('combobox', { name: 'User' }), 'john.doe@acme.com');
    await userEvent.upload(dropInput(container), pemFile());
    expect(await within(screen.getByRole('table', { name: 'Certificate-to-user mappings' })).findByText('john.doe@acme.com')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ user: 'john.doe@acme.com', certificate: PEM }]);
  });

  it('names the user a certificate is already mapped to (409 certificate_in_use), under the drop zone', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/certificate-user-mappings': [mapping('jane')],
      'GET /api/v1/users': [],
      'POST /api/v1/certificate-user-mappings': apiError(409, 'certificate_in_use', "this certificate is already mapped to user 'jane'", {
        user: 'jane',
        id: 'a'.repeat(64),
      }),
    });
    const { container } = renderApp('/classic', { fetch });
    await userEvent.type(await screen.findByRole('combobox', { name: 'User' }), 'john');
    await userEvent.upload(dropInput(container), pemFile());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The certificate was not mapped');
    expect(alert).toHaveTextContent('certificate_in_use');
    expect(within(alert).getByLabelText('User the certificate is mapped to')).toHaveTextContent('Already mapped to user jane');
    expect(screen.getByRole('region', { name: 'Map a certificate to a user' })).toContainElement(alert);
  });

  it('deletes a mapping after confirming', async () => {
    let mappings = [mapping('jane')];
    const api = mockApi({
      'GET /api/v1/certificate-user-mappings': () => mappings,
      'GET /api/v1/users': [],
      [`DELETE /api/v1/certificate-user-mappings/${'jane'.padEnd(64, '0')}`]: () => {
        mappings = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/classic', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete the mapping of CN=jane to jane' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this mapping?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No mapping yet/)).toBeInTheDocument();
  });
});

describe('the users and mappings page: users', () => {
  it("lists users with direct roles, groups, effective roles and their mapped certificates' subjects", async () => {
    const { fetch } = mockApi({
      'GET /api/v1/users': [user('john', { roles: ['Orders'], groups: ['buyers'], effectiveRoles: ['Invoices', 'Orders'], mappings: ['j'.padEnd(64, '0')] })],
      'GET /api/v1/certificate-user-mappings': [mapping('john', 'j'.padEnd(64, '0'))],
    });
    renderApp('/classic?tab=users', { fetch });
    const table = await screen.findByRole('table', { name: 'Users' });
    await within(table).findByText('john');
    expect(within(table).getByLabelText('Effective roles of john')).toHaveTextContent('InvoicesOrders');
    expect(await within(table).findByText('CN=john')).toBeInTheDocument();
    expect(within(table).getByText('buyers')).toBeInTheDocument();
  });

  it('creates a user, and puts a refused name next to the field', async () => {
    let users = [user('jane')];
    const api = mockApi({
      'GET /api/v1/users': () => users,
      'GET /api/v1/certificate-user-mappings': [],
      'POST /api/v1/users': (c: Call) => {
        const name = (c.body as { name: string }).name;
        if (name.includes(' ')) return apiError(400, 'validation_failed', 'invalid request body: name: no spaces', { field: 'name' });
        users = [...users, user(name)];
        return user(name);
      },
    });
    renderApp('/classic?tab=users', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a user' });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'bad name');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription(expect.stringContaining('no spaces validation_failed')));
    await userEvent.clear(within(dialog).getByLabelText(/^Name/));
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'john');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(await within(screen.getByRole('table', { name: 'Users' })).findByText('john')).toBeInTheDocument();
  });

  it("sets a user's roles (PUT) from GET /roles; an unknown role shows next to the field", async () => {
    let answer: unknown = apiError(400, 'role_unknown', "role 'Invoices' does not exist", { field: 'roles[1]', role: 'Invoices' });
    const api = mockApi({
      'GET /api/v1/users': [user('john', { roles: ['Orders'] })],
      'GET /api/v1/certificate-user-mappings': [],
      'GET /api/v1/roles': [role('Orders'), role('Invoices')],
      'PUT /api/v1/users/john/roles': () => answer,
    });
    renderApp('/classic?tab=users', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Set the roles of john' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roles of john' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Direct roles' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Invoices', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: 'Direct roles' })).toHaveAccessibleDescription(expect.stringContaining('role_unknown')),
    );
    answer = user('john', { roles: ['Orders', 'Invoices'] });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ roles: ['Orders', 'Invoices'] });
  });

  it('shows what still names a user whose deletion is refused (409 user_in_use)', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/users': [user('john')],
      'GET /api/v1/certificate-user-mappings': [],
      'DELETE /api/v1/users/john': apiError(409, 'user_in_use', "user 'john' is still named by 1 mapping and 1 group", {
        user: 'john',
        mappings: ['ab'.repeat(32)],
        groups: ['buyers'],
      }),
    });
    renderApp('/classic?tab=users', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete user john' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete user john?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('user_in_use');
    expect(within(alert).getByLabelText('What still names this user')).toHaveTextContent('Groups: buyers');
    expect(within(alert).getByLabelText('What still names this user')).toHaveTextContent('Mappings: abababab…abababab');
  });

  it('deletes a user after confirming', async () => {
    let users = [user('john')];
    const api = mockApi({
      'GET /api/v1/users': () => users,
      'GET /api/v1/certificate-user-mappings': [],
      'DELETE /api/v1/users/john': () => {
        users = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/classic?tab=users', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete user john' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Delete user john?' })).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No user yet')).toBeInTheDocument();
  });
});

describe('the users and mappings page: groups', () => {
  it('creates a group with roles and users (POST)', async () => {
    let groups: ReturnType<typeof group>[] = [];
    const api = mockApi({
      'GET /api/v1/groups': () => groups,
      'GET /api/v1/users': [user('john')],
      'GET /api/v1/roles': [role('Orders')],
      'POST /api/v1/groups': (c: Call) => {
        const b = c.body as { name: string; roles: string[]; users: string[] };
        groups = [group(b.name, b.roles, b.users)];
        return groups[0];
      },
    });
    const { router } = renderApp('/classic', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('tab', { name: 'Groups' }));
    expect(router.state.location.search).toBe('?tab=groups');
    await userEvent.click(await screen.findByRole('button', { name: 'Create group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a group' });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'buyers');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Roles' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Orders', hidden: true }));
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Users' }), 'john{enter}new.user{enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create group' }));
    const table = await screen.findByRole('table', { name: 'Groups' });
    expect(await within(table).findByText('buyers')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'buyers', roles: ['Orders'], users: ['john', 'new.user'] });
  });

  it('edits a group (PUT replaces roles and members); an unknown role shows next to Roles', async () => {
    let answer: unknown = apiError(400, 'role_unknown', "role 'Gone' does not exist", { field: 'roles[0]', role: 'Gone' });
    const api = mockApi({
      'GET /api/v1/groups': [group('buyers', ['Gone'], ['john'])],
      'GET /api/v1/users': [user('john')],
      'GET /api/v1/roles': [role('Orders')],
      'PUT /api/v1/groups/buyers': () => answer,
    });
    renderApp('/classic?tab=groups', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit group buyers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit group buyers' });
    expect(within(dialog).getByLabelText(/^Name/)).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save group' }));
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Roles' })).toHaveAccessibleDescription(expect.stringContaining('role_unknown')));
    answer = group('buyers', ['Orders'], []);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save group' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ roles: ['Gone'], users: ['john'] });
  });

  it('deletes a group after confirming', async () => {
    let groups = [group('buyers', ['Orders'], ['john'])];
    const api = mockApi({
      'GET /api/v1/groups': () => groups,
      'DELETE /api/v1/groups/buyers': () => {
        groups = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/classic?tab=groups', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete group buyers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete group buyers?' });
    expect(dialog).toHaveTextContent('Its members lose its roles at once: john');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No group yet')).toBeInTheDocument();
  });
});
