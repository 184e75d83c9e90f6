import { EditorView } from '@codemirror/view';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi, renderApp, type Call } from '../../test/render';
import { locateField, parseText } from './flow-model';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const role = (name: string) => ({ name, description: '', predefined: false, createdAt: '2026-01-01T00:00:00.000Z' });
const flow = (id: string, authorization: object = { type: 'role', role: 'Orders' }, extra: object = {}) => ({
  definition: {
    id,
    sender: { address: `/${id}`, authorization },
    steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
    ...extra,
  },
  certificateMatchers: [] as object[],
  deployedAt: '2026-01-05T10:00:00.000Z',
  revision: 3,
});
const instance = {
  name: 'sender-a',
  parameters: { roles: ['Orders'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
  createdAt: '2026-01-01T00:00:00.000Z',
};
const keyView = {
  instance: 'sender-a',
  name: 'k1',
  type: 'client-secret',
  clientid: 'sb-sender-a!k1',
  createdAt: '2026-01-01T00:00:00.000Z',
  url: 'https://gw.example:8443/http',
  tokenurl: 'https://gw.example:8443/oauth/token',
};
const entry = (alias: string, kind: 'key-pair' | 'certificate', owner: 'system' | 'tenant' = 'tenant') => ({
  alias,
  kind,
  owner,
  subjectDN: `CN=${alias}`,
  issuerDN: `CN=${alias}`,
  serialNumber: '01',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  fingerprint: 'ab'.repeat(32),
  chainPem: PEM,
  chainLength: 1,
  status: 'valid',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** What every dialog of the page reads. */
const common = {
  'GET /api/v1/service-instances': [instance],
  'GET /api/v1/service-instances/sender-a/keys': [keyView],
  'GET /api/v1/roles': [role('Orders'), role('Invoices')],
  'GET /api/v1/keystore/entries': [entry('sap_system', 'key-pair', 'system'), entry('to-erp', 'key-pair'), entry('erp-root', 'certificate')],
};

/** Types text into a field at once (a paste): the form re-renders on every keystroke. */
const fill = async (el: HTMLElement, text: string) => {
  await userEvent.click(el);
  await userEvent.paste(text);
};

const editorView = async () => {
  const el = await screen.findByTestId('flow-editor', {}, { timeout: 5000 });
  await waitFor(() => expect(el.querySelector('.cm-editor')).not.toBeNull());
  return EditorView.findFromDOM(el.querySelector('.cm-editor') as HTMLElement) as EditorView;
};
const setEditorText = async (text: string) => {
  const view = await editorView();
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
};

beforeAll(() => {
  // CodeMirror measures text; jsdom has no layout.
  const rects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = rects;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => undefined) } });
});
afterEach(() => vi.restoreAllMocks());

describe('the flows page', () => {
  it('lists the flows with their endpoint URL (from a service key’s url), sender authorization and receiver', async () => {
    const certFlow = {
      ...flow(
        'invoices',
        { type: 'client-certificate', certificates: [{ pem: PEM }, { subjectDN: 'CN=b', issuerDN: 'CN=Root' }] },
        {
          receiver: { url: 'https://erp.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'to-erp' } },
        },
      ),
      certificateMatchers: [
        { fingerprint: 'ab'.repeat(32), subjectDN: 'CN=sender-a', issuerDN: 'CN=Root', notAfter: '2027-01-01T00:00:00.000Z' },
        { normalizedSubjectDN: 'cn=b', normalizedIssuerDN: 'cn=root', subjectDN: 'CN=b', issuerDN: 'CN=Root' },
      ],
    };
    const { fetch } = mockApi({ ...common, 'GET /api/v1/flows': [flow('orders'), certFlow] });
    renderApp('/flows', { fetch });
    const table = await screen.findByRole('table', { name: 'Flows' });
    const row = (id: string) => within(table).getByText(id).closest('tr') as HTMLElement;
    await within(table).findByText('orders');
    expect(await within(row('orders')).findByText('https://gw.example:8443/http/orders')).toBeInTheDocument();
    expect(within(row('orders')).getByText('role Orders')).toBeInTheDocument();
    expect(within(row('orders')).getByText('none')).toBeInTheDocument();
    expect(within(row('orders')).getByText('respond 200')).toBeInTheDocument();
    expect(within(row('invoices')).getByText('2 certificates')).toBeInTheDocument();
    expect(within(row('invoices')).getByText('CN=sender-a')).toBeInTheDocument();
    expect(within(row('invoices')).getByText('client certificate: to-erp')).toBeInTheDocument();
    await userEvent.click(within(row('orders')).getByRole('button', { name: 'Copy the endpoint URL https://gw.example:8443/http/orders' }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith('https://gw.example:8443/http/orders');
  });

  it('without any service key, shows the path under /http and says where the ingress URL comes from', async () => {
    const { fetch } = mockApi({ ...common, 'GET /api/v1/service-instances/sender-a/keys': [], 'GET /api/v1/flows': [flow('orders')] });
    renderApp('/flows', { fetch });
    expect(await screen.findByText('/http/orders')).toBeInTheDocument();
    expect(await screen.findByText(/The ingress URL shows once a service key exists/)).toBeInTheDocument();
  });

  it('deploys a flow from the form: role from GET /roles, steps, a receiver with a key pair of the keystore (PUT /flows/{id})', async () => {
    let flows: ReturnType<typeof flow>[] = [];
    const api = mockApi({
      ...common,
      'GET /api/v1/flows': () => flows,
      'PUT /api/v1/flows/orders': (c: Call) => {
        const saved = { ...flow('orders'), definition: c.body as ReturnType<typeof flow>['definition'] };
        flows = [saved];
        return saved;
      },
    });
    renderApp('/flows', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Deploy flow' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy a flow' });
    await fill(within(dialog).getByLabelText(/^Id/), 'orders');
    await fill(within(dialog).getByLabelText(/^Address/), '/orders');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Orders', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add a step' }));
    const step2 = within(dialog).getByRole('group', { name: 'Step 2' });
    const type2 = within(step2).getByRole('combobox', { name: 'Step 2' });
    await userEvent.click(type2);
    const options = document.getElementById(type2.getAttribute('aria-controls') ?? '') as HTMLElement;
    await userEvent.click(within(options).getByRole('option', { name: 'set-header', hidden: true }));
    await fill(within(step2).getByLabelText('Header name'), 'X-Source');
    await fill(within(step2).getByLabelText('Header value'), 'certgate');
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Send the message on to a receiver' }));
    await fill(within(dialog).getByLabelText(/^Receiver URL/), 'https://erp.example/in');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Private key alias' }));
    // Key pairs only: the trusted certificate erp-root is not offered.
    expect(screen.queryByRole('option', { name: 'erp-root', hidden: true })).toBeNull();
    await userEvent.click(await screen.findByRole('option', { name: 'to-erp', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    expect(await within(await screen.findByRole('table', { name: 'Flows' })).findByText('orders')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'Orders' } },
      steps: [
        { type: 'respond', status: 200, body: 'ok ${principal}' },
        { type: 'set-header', name: 'X-Source', value: 'certgate' },
      ],
      receiver: { url: 'https://erp.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'to-erp' } },
    });
  });

  it('shows role_unknown and key_alias_unknown next to their fields in the form', async () => {
    let answer = apiError(400, 'role_unknown', "role 'Orders' does not exist", { field: 'sender.authorization.role', role: 'Orders' });
    const { fetch } = mockApi({ ...common, 'GET /api/v1/flows': [flow('orders')], 'PUT /api/v1/flows/orders': () => answer });
    renderApp('/flows', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit flow orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit flow orders' });
    expect(within(dialog).getByLabelText(/^Id/)).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: 'Role' })).toHaveAccessibleDescription(
        expect.stringContaining("role 'Orders' does not exist role_unknown"),
      ),
    );
    answer = apiError(400, 'key_alias_unknown', "no key pair with alias 'gone'", { field: 'receiver.authentication.privateKeyAlias', alias: 'gone' });
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Send the message on to a receiver' }));
    await fill(within(dialog).getByLabelText(/^Receiver URL/), 'https://erp.example/in');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: 'Private key alias' })).toHaveAccessibleDescription(expect.stringContaining('key_alias_unknown')),
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('lists client certificates from dropped PEM files and DN pairs; certificate_unknown is shown at its entry', async () => {
    const api = mockApi({
      ...common,
      'GET /api/v1/flows': [],
      'PUT /api/v1/flows/partners': apiError(400, 'certificate_unknown', 'certificate 2 is in no service key of a client_x509 instance', {
        field: 'sender.authorization.certificates[1]',
        fingerprint: 'cd'.repeat(32),
      }),
    });
    const { container } = renderApp('/flows', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Deploy flow' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy a flow' });
    await fill(within(dialog).getByLabelText(/^Id/), 'partners');
    await fill(within(dialog).getByLabelText(/^Address/), '/partners');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Client certificates' }));
    const input = container.ownerDocument.querySelector('[data-testid=flow-certificates-dropzone] input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, [new File([`${PEM}\n${PEM}\n`], 'two.pem', { type: 'application/x-pem-file' })]);
    await within(dialog).findByRole('group', { name: 'Certificate 2' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add a DN pair' }));
    const third = within(dialog).getByRole('group', { name: 'Certificate 3' });
    await fill(within(third).getByLabelText('Subject DN'), 'CN=b');
    await fill(within(third).getByLabelText('Issuer DN'), 'CN=Root');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    const second = within(dialog).getByRole('group', { name: 'Certificate 2' });
    expect(await within(second).findByRole('alert')).toHaveTextContent('certificate 2 is in no service key of a client_x509 instance certificate_unknown');
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      sender: {
        authorization: { type: 'client-certificate', certificates: [{ pem: `${PEM}\n` }, { pem: `${PEM}\n` }, { subjectDN: 'CN=b', issuerDN: 'CN=Root' }] },
      },
    });
  });

  it('checks the form before sending: an address is a path, a role is picked', async () => {
    const api = mockApi({ ...common, 'GET /api/v1/flows': [] });
    renderApp('/flows', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Deploy flow' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy a flow' });
    await fill(within(dialog).getByLabelText(/^Id/), 'x');
    await fill(within(dialog).getByLabelText(/^Address/), 'orders');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    expect(within(dialog).getByLabelText(/^Address/)).toHaveAccessibleDescription(expect.stringContaining('An address is a path'));
    expect(within(dialog).getByRole('combobox', { name: 'Role' })).toHaveAccessibleDescription(expect.stringContaining('Pick the role'));
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('deploys from the YAML editor; a YAML error is shown with its line and nothing is sent', async () => {
    const api = mockApi({ ...common, 'GET /api/v1/flows': [], 'PUT /api/v1/flows/yamlflow': (c: Call) => ({ ...flow('yamlflow'), definition: c.body }) });
    renderApp('/flows', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Deploy from YAML' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy a flow' });
    await setEditorText('id: yamlflow\nsender:\n  address: /y\n  authorization: [\n');
    const problem = await within(dialog).findByRole('alert');
    expect(problem).toHaveTextContent(/Line 5, column 1/);
    expect(problem).toHaveTextContent('YAML:');
    expect(within(dialog).getByRole('button', { name: 'Deploy' })).toBeDisabled();
    await setEditorText('id: yamlflow\nsender:\n  address: /y\n  authorization:\n    type: role\n    role: Orders\nsteps:\n  - type: echo\n');
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      id: 'yamlflow',
      sender: { address: '/y', authorization: { type: 'role', role: 'Orders' } },
      steps: [{ type: 'echo' }],
    });
  });

  it('marks the line of the field the API refused (400 role_unknown at sender.authorization.role) in the editor', async () => {
    const { fetch } = mockApi({
      ...common,
      'GET /api/v1/flows': [],
      'PUT /api/v1/flows/yamlflow': apiError(400, 'role_unknown', "role 'Nope' does not exist", { field: 'sender.authorization.role', role: 'Nope' }),
    });
    renderApp('/flows', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Deploy from YAML' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deploy a flow' });
    await setEditorText('id: yamlflow\nsender:\n  address: /y\n  authorization:\n    type: role\n    role: Nope\n');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent("role 'Nope' does not exist");
    expect(alert).toHaveTextContent('role_unknown');
    expect(alert).toHaveTextContent('At line 6 of the definition (sender.authorization.role)');
    // The line is marked in the editor (a lint diagnostic over it).
    await waitFor(() => expect(screen.getByTestId('flow-editor').querySelector('.cm-lintRange-error')).not.toBeNull());
    expect(screen.getByTestId('flow-editor').querySelector('.cm-lintRange-error')).toHaveTextContent('role: Nope');
  });

  it('switches between YAML and JSON, and between the editor and the form', async () => {
    const { fetch } = mockApi({ ...common, 'GET /api/v1/flows': [flow('orders')] });
    renderApp('/flows', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit flow orders as YAML' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit flow orders' });
    const view = await editorView();
    expect(view.state.doc.toString()).toContain('role: Orders');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'JSON' }));
    await waitFor(async () => expect(JSON.parse((await editorView()).state.doc.toString())).toMatchObject({ id: 'orders' }));
    await setEditorText('{\n  "id": "orders",\n  "sender": {\n    "address": "/orders",\n  }\n}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/Line 5/);
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Form' }));
    expect(within(dialog).getByText(/Fix line 5 first/)).toBeInTheDocument();
    await setEditorText('{"id":"orders","sender":{"address":"/other","authorization":{"type":"role","role":"Invoices"}},"steps":[]}');
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Form' }));
    expect(await within(dialog).findByLabelText(/^Address/)).toHaveValue('/other');
    expect(within(dialog).getByRole('combobox', { name: 'Role' })).toHaveValue('Invoices');
  });

  it('undeploys a flow after confirming', async () => {
    let flows = [flow('orders')];
    const api = mockApi({
      ...common,
      'GET /api/v1/flows': () => flows,
      'DELETE /api/v1/flows/orders': () => {
        flows = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/flows', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Undeploy flow orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undeploy flow orders?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undeploy' }));
    expect(await screen.findByText('No flow deployed yet')).toBeInTheDocument();
  });

  it('shows a refused undeploy in its dialog', async () => {
    const { fetch } = mockApi({
      ...common,
      'GET /api/v1/flows': [flow('orders')],
      'DELETE /api/v1/flows/orders': apiError(404, 'flow_not_found', "no flow 'orders' is deployed", { id: 'orders' }),
    });
    renderApp('/flows', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Undeploy flow orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undeploy flow orders?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undeploy' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('flow_not_found');
  });
});

describe('the flow text', () => {
  it('gives the line and column of a JSON error', () => {
    const r = parseText('{\n  "id": "x",\n}', 'json');
    expect(r.problem).toMatchObject({ line: 3, column: 1 });
    expect(r.problem?.message).toMatch(/^JSON: /);
  });

  it('finds the line of a field in YAML and in JSON, or of the nearest enclosing one', () => {
    const yaml =
      'id: x\nsender:\n  address: /a\n  authorization:\n    type: client-certificate\n    certificates:\n      - pem: A\n      - subjectDN: CN=b\n        issuerDN: CN=c\n';
    expect(locateField(yaml, 'sender.authorization.certificates[1]', 'm').line).toBe(8);
    expect(locateField(yaml, 'sender.address', 'm').line).toBe(3);
    expect(locateField(yaml, 'receiver.url', 'm').line).toBe(1);
    expect(locateField(yaml, 'sender.authorization.role', 'm').line).toBe(5);
    const json = '{\n  "id": "x",\n  "sender": {\n    "address": "/a"\n  }\n}';
    expect(locateField(json, 'sender.address', 'm').line).toBe(4);
  });
});
