import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi, renderApp, type Call } from '../../test/render';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const instance = (name: string, grantType = 'client_x509', roles = ['Orders']) => ({
  name,
  parameters: { roles, 'grant-types': [grantType], 'redirect-uris': [] as string[] },
  createdAt: '2026-01-01T00:00:00.000Z',
});
const key = (inst: string, name: string, type: 'external-certificate' | 'certificate' | 'client-secret' = 'external-certificate') => ({
  instance: inst,
  name,
  type,
  clientid: `sb-${inst}!${name}`,
  ...(type !== 'client-secret' && {
    certificate: {
      pem: PEM,
      fingerprint: 'ab'.repeat(32),
      subjectDN: `CN=${inst}-${name}`,
      issuerDN: 'CN=Partner Root',
      serialNumber: '01',
      notBefore: day(-1),
      notAfter: day(300),
    },
  }),
  createdAt: '2026-01-02T00:00:00.000Z',
  url: 'https://localhost:8443/http',
  tokenurl: 'https://localhost:8443/oauth/token',
});
const role = (name: string) => ({ name, description: '', predefined: false, createdAt: '2026-01-01T00:00:00.000Z' });
const file = (text = PEM, name = 'sender.pem') => new File([text], name, { type: 'application/x-pem-file' });
const dropInput = (container: HTMLElement) => container.querySelector('[data-testid=key-dropzone] input[type=file]') as HTMLInputElement;

beforeEach(() => {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => undefined) } });
});
afterEach(() => vi.restoreAllMocks());

describe('the service instances page', () => {
  it('lists the instances with their grant type and roles', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/service-instances': [instance('sender-a'), instance('portal', 'client_credentials', [])] });
    renderApp('/service-instances', { fetch });
    const table = await screen.findByRole('table', { name: 'Service instances' });
    const row = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    await within(table).findByText('sender-a');
    expect(within(row('sender-a')).getByText('client_x509')).toBeInTheDocument();
    expect(within(row('sender-a')).getByText('Orders')).toBeInTheDocument();
    expect(within(row('portal')).getByText('client_credentials')).toBeInTheDocument();
    expect(within(row('portal')).getByText('no role')).toBeInTheDocument();
  });

  it('creates an instance with roles picked from GET /roles, a grant type and redirect URIs', async () => {
    let list = [instance('sender-a')];
    const api = mockApi({
      'GET /api/v1/service-instances': () => list,
      'GET /api/v1/roles': [role('Orders'), role('Invoices')],
      'POST /api/v1/service-instances': (c: Call) => {
        const body = c.body as { name: string };
        list = [...list, { ...instance(body.name, 'client_credentials', ['Invoices']) }];
        return list.at(-1);
      },
    });
    renderApp('/service-instances', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create instance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a service instance' });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'portal');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Roles' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Invoices', hidden: true }));
    await userEvent.click(within(dialog).getByRole('radio', { name: /client_credentials/ }));
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Redirect URIs' }), 'https://app.example/cb{enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create instance' }));
    expect(await within(screen.getByRole('table', { name: 'Service instances' })).findByText('portal')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'portal',
      parameters: { roles: ['Invoices'], 'grant-types': ['client_credentials'], 'redirect-uris': ['https://app.example/cb'] },
    });
  });

  it('shows an unknown role next to the Roles field (400 role_unknown at parameters.roles[0])', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/service-instances': [],
      'GET /api/v1/roles': [role('Orders')],
      'POST /api/v1/service-instances': apiError(400, 'role_unknown', "role 'Gone' does not exist", { field: 'parameters.roles[0]', role: 'Gone' }),
    });
    renderApp('/service-instances', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create instance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a service instance' });
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create instance' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: 'Roles' })).toHaveAccessibleDescription(
        expect.stringContaining("role 'Gone' does not exist role_unknown"),
      ),
    );
  });

  it('updates an instance (PUT replaces roles and redirect URIs; the grant type stays)', async () => {
    const api = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/roles': [role('Orders'), role('Invoices')],
      'PUT /api/v1/service-instances/sender-a': (c: Call) => ({ ...instance('sender-a'), ...(c.body as object) }),
    });
    renderApp('/service-instances', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit sender-a' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit sender-a' });
    expect(within(dialog).getByLabelText(/^Name/)).toBeDisabled();
    expect(within(dialog).getByRole('radio', { name: /client_credentials/ })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Roles' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Invoices', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit sender-a' })).toBeNull());
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      parameters: { roles: ['Orders', 'Invoices'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
    });
  });

  it('deletes an instance after confirming', async () => {
    let list = [instance('sender-a')];
    const api = mockApi({
      'GET /api/v1/service-instances': () => list,
      'DELETE /api/v1/service-instances/sender-a': () => {
        list = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/service-instances', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete sender-a' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete sender-a?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No service instance yet/)).toBeInTheDocument();
  });

  it("shows an instance's keys and adds one from a dropped PEM (external-certificate)", async () => {
    let keys = [key('sender-a', 'k1')];
    const api = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/service-instances/sender-a/keys': () => keys,
      'POST /api/v1/service-instances/sender-a/keys': (c: Call) => {
        const k = key('sender-a', (c.body as { name: string }).name);
        keys = [...keys, k];
        return k;
      },
    });
    const { container, router } = renderApp('/service-instances', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Keys of sender-a' }));
    expect(router.state.location.search).toBe('?instance=sender-a');
    const keysTable = await screen.findByRole('table', { name: 'Keys of sender-a' });
    await within(keysTable).findByText('sb-sender-a!k1');
    // The next free name is offered.
    await waitFor(() => expect(screen.getByLabelText(/^Key name/)).toHaveValue('k2'));
    await userEvent.upload(dropInput(container), file());
    expect(await within(keysTable).findByText('sb-sender-a!k2')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'k2', type: 'external-certificate', certificate: PEM });
    // Nothing secret to show for a certificate the sender holds.
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('names the instance and key already holding a dropped certificate (409 certificate_in_use), next to the drop zone', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a'), instance('sender-b')],
      'GET /api/v1/service-instances/sender-b/keys': [],
      'GET /api/v1/service-instances/sender-a/keys': [key('sender-a', 'k1')],
      'POST /api/v1/service-instances/sender-b/keys': apiError(
        409,
        'certificate_in_use',
        "this certificate is already registered in key 'k1' of service instance 'sender-a'; a certificate can be in one service key only",
        { instance: 'sender-a', key: 'k1' },
      ),
    });
    const { container, router } = renderApp('/service-instances?instance=sender-b', { fetch });
    await screen.findByRole('table', { name: 'Keys of sender-b' });
    await userEvent.upload(dropInput(container), file());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The key was not added');
    expect(alert).toHaveTextContent('certificate_in_use');
    expect(within(alert).getByLabelText('Holder of the certificate')).toHaveTextContent('Already held by key k1 of service instance sender-a');
    // The alert sits in the "Add a key" section, right after the drop zone.
    expect(screen.getByRole('region', { name: 'Add a key' })).toContainElement(alert);
    await userEvent.click(within(alert).getByRole('button', { name: 'Show the keys of sender-a' }));
    expect(router.state.location.search).toBe('?instance=sender-a');
    expect(await screen.findByRole('table', { name: 'Keys of sender-a' })).toBeInTheDocument();
  });

  it('shows a refused certificate with its code (400 certificate_is_ca) and a key name error next to the name', async () => {
    let answer = apiError(400, 'certificate_is_ca', 'the certificate is a CA certificate', { field: 'certificate', subjectDN: 'CN=Root' });
    const { fetch } = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/service-instances/sender-a/keys': [],
      'POST /api/v1/service-instances/sender-a/keys': () => answer,
    });
    const { container } = renderApp('/service-instances?instance=sender-a', { fetch });
    await screen.findByRole('table', { name: 'Keys of sender-a' });
    await userEvent.upload(dropInput(container), file());
    expect(await screen.findByRole('alert')).toHaveTextContent('certificate_is_ca');
    answer = apiError(400, 'validation_failed', 'invalid request body: name: must be letters, digits, _ and -', { field: 'name' });
    await userEvent.upload(dropInput(container), file());
    await waitFor(() => expect(screen.getByLabelText(/^Key name/)).toHaveAccessibleDescription(expect.stringContaining('validation_failed')));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('generates a certificate key and shows its private key once, with copy and downloads; gone after closing', async () => {
    const blobs: { name: string; blob: Blob }[] = [];
    let lastBlob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((lastBlob = b as Blob), 'blob:key'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      blobs.push({ name: this.download, blob: lastBlob as Blob });
    });
    const PRIVATE = '-----BEGIN PRIVATE KEY-----\nSECRET\n-----END PRIVATE KEY-----\n';
    const api = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/service-instances/sender-a/keys': [],
      'POST /api/v1/service-instances/sender-a/keys': { ...key('sender-a', 'k1', 'certificate'), key: PRIVATE },
    });
    renderApp('/service-instances?instance=sender-a', { fetch: api.fetch });
    await screen.findByRole('table', { name: 'Keys of sender-a' });
    await userEvent.click(screen.getByRole('combobox', { name: 'Key type' }));
    await userEvent.click(await screen.findByRole('option', { name: 'RSA 2048', hidden: true }));
    await userEvent.clear(screen.getByLabelText('Validity (days)'));
    await userEvent.type(screen.getByLabelText('Validity (days)'), '90');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a certificate key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Key k1 of sender-a: save its private key now' });
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'k1', type: 'certificate', keyType: 'RSA', validityDays: 90 });
    expect(within(dialog).getByText('Shown only this once')).toBeInTheDocument();
    expect(within(dialog).getByText(/cannot be shown again/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Private key (PKCS#8 PEM)')).toHaveTextContent('SECRET');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy private key' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(PRIVATE);
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download key file' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download certificate file' }));
    expect(blobs.map((b) => b.name)).toEqual(['sender-a-k1.key.pem', 'sender-a-k1.cert.pem']);
    expect(await blobs[0]?.blob.text()).toBe(PRIVATE);
    expect(await blobs[1]?.blob.text()).toBe(PEM);
    await userEvent.click(within(dialog).getByRole('button', { name: 'I have saved it, close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText(/SECRET/)).toBeNull();
  });

  it('generates a client secret on a client_credentials instance and shows it once', async () => {
    const api = mockApi({
      'GET /api/v1/service-instances': [instance('portal', 'client_credentials', [])],
      'GET /api/v1/service-instances/portal/keys': [],
      'POST /api/v1/service-instances/portal/keys': { ...key('portal', 'k1', 'client-secret'), clientsecret: 's3cr3t-value' },
    });
    renderApp('/service-instances?instance=portal', { fetch: api.fetch });
    await screen.findByRole('table', { name: 'Keys of portal' });
    expect(screen.queryByTestId('key-dropzone')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Generate a client secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Key k1 of portal: save its client secret now' });
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'k1', type: 'client-secret' });
    expect(within(dialog).getByLabelText('Client secret')).toHaveTextContent('s3cr3t-value');
    expect(within(dialog).getByText('sb-portal!k1')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy client secret' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('s3cr3t-value');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('s3cr3t-value')).toBeNull();
  });

  it("shows a key's JSON (GET …/keys/{key}: url and tokenurl), copies and downloads it", async () => {
    let downloaded: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((downloaded = b as Blob), 'blob:json'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('sender-a-k1.json');
    });
    const api = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/service-instances/sender-a/keys': [key('sender-a', 'k1')],
      'GET /api/v1/service-instances/sender-a/keys/k1': key('sender-a', 'k1'),
    });
    renderApp('/service-instances?instance=sender-a', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'JSON of key k1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Service key k1 of sender-a' });
    const code = await within(dialog).findByLabelText('Service key JSON');
    expect(JSON.parse(code.textContent ?? '')).toMatchObject({ clientid: 'sb-sender-a!k1', url: 'https://localhost:8443/http', tokenurl: expect.any(String) });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy JSON' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(code.textContent);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(JSON.parse(await (downloaded as Blob).text())).toMatchObject({ clientid: 'sb-sender-a!k1' });
  });

  it('deletes a key after confirming', async () => {
    let keys = [key('sender-a', 'k1')];
    const api = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/service-instances/sender-a/keys': () => keys,
      'DELETE /api/v1/service-instances/sender-a/keys/k1': () => {
        keys = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/service-instances?instance=sender-a', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete key k1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete key k1?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No key yet/)).toBeInTheDocument();
  });

  it('shows a refused deletion where it happened', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/service-instances': [instance('sender-a')],
      'GET /api/v1/service-instances/sender-a/keys': [key('sender-a', 'k1')],
      'DELETE /api/v1/service-instances/sender-a/keys/k1': apiError(503, 'service_unavailable', 'no service answers on identity.keys.delete'),
    });
    renderApp('/service-instances?instance=sender-a', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete key k1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete key k1?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('service_unavailable');
  });
});
