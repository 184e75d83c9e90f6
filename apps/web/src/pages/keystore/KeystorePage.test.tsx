import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi, renderApp } from '../../test/render';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
type Status = 'valid' | 'expiring' | 'expired';

const entry = (
  alias: string,
  o: { kind?: 'key-pair' | 'certificate'; owner?: 'system' | 'tenant'; status?: Status; notAfter?: string; pending?: boolean } = {},
) => {
  const kind = o.kind ?? 'key-pair';
  return {
    alias,
    kind,
    owner: o.owner ?? 'tenant',
    subjectDN: `CN=${alias}, O=Acme`,
    issuerDN: kind === 'key-pair' ? 'CN=Partner CA, O=Partner' : `CN=${alias}, O=Acme`,
    serialNumber: '1a2b',
    notBefore: day(-30),
    notAfter: o.notAfter ?? day(300),
    fingerprint: alias.padEnd(64, '0'),
    chainPem: PEM,
    ...(kind === 'key-pair' && { keyAlgorithm: 'EC P-256' }),
    createdAt: day(-30),
    updatedAt: day(-30),
    status: o.status ?? 'valid',
    chainLength: 1,
    ...(o.pending && {
      pending: {
        keyAlgorithm: 'RSA 3072',
        subjectDN: `CN=${alias}, O=Acme`,
        issuerDN: `CN=${alias}, O=Acme`,
        serialNumber: '3c4d',
        notBefore: day(0),
        notAfter: day(365),
        fingerprint: 'f'.repeat(64),
        chainPem: PEM,
        createdAt: day(0),
      },
    }),
  };
};

const SYSTEM = 'sap_cloudintegrationcertificate';

/** The first render loads the page's chunk: more than the default second on a busy machine. */
const LOADING = { timeout: 10_000 };

/** The files saved through lib/download (blob URL + a click on a link). */
function spyDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    last = b as Blob;
    return 'blob:keystore';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: last as Blob });
  });
  return files;
}

const bytes = (type: string, data = [0x30, 0x82, 0x01, 0x0a]) => new Response(new Uint8Array(data), { status: 200, headers: { 'content-type': type } });

/**
 * An item of an entry's Actions menu. In jsdom every element has an empty box, so the
 * positioning of menus and selects hides their dropdowns as detached from their target:
 * hence `hidden: true` for menu items and options.
 */
async function chooseAction(alias: string, item: string | RegExp) {
  const button = await screen.findByRole('button', { name: `Actions for ${alias}` }, LOADING);
  await userEvent.click(button);
  await userEvent.click(await screen.findByRole('menuitem', { name: item, hidden: true }));
}

afterEach(() => vi.restoreAllMocks());

describe('the keystore monitor', () => {
  it('lists every entry with type, owner, subject, issuer and validity; the status colours come from the API with a legend', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [
        entry(SYSTEM, { owner: 'system' }),
        entry('old-root', { kind: 'certificate', status: 'expired', notAfter: day(-3) }),
        entry('soon-root', { kind: 'certificate', status: 'expiring', notAfter: day(10) }),
        entry('renewing', { pending: true }),
      ],
    });
    renderApp('/keystore', { fetch });
    const table = await screen.findByRole('table', { name: 'Keystore entries' }, LOADING);
    await within(table).findByText('old-root');
    const row = (alias: string) => within(table).getByText(alias).closest('tr') as HTMLElement;

    expect(within(row(SYSTEM)).getByText('key pair')).toBeInTheDocument();
    expect(within(row(SYSTEM)).getByText('system')).toBeInTheDocument();
    expect(within(row(SYSTEM)).getByText(/issuer: CN=Partner CA, O=Partner/)).toBeInTheDocument();
    expect(within(row('old-root')).getByText('certificate')).toBeInTheDocument();
    expect(within(row('old-root')).getByText('tenant')).toBeInTheDocument();
    expect(within(row('old-root')).getByText('CN=old-root, O=Acme')).toBeInTheDocument();
    expect(within(row('old-root')).getByText('issuer: CN=old-root, O=Acme')).toBeInTheDocument();

    const badge = (alias: string) => row(alias).querySelector('[data-validity]');
    expect(badge('old-root')).toHaveAttribute('data-validity', 'expired');
    expect(badge('soon-root')).toHaveAttribute('data-validity', 'expiring');
    expect(badge(SYSTEM)).toHaveAttribute('data-validity', 'valid');
    // Red for expired, amber for expiring (the filled shades of ValidityBadge).
    expect(within(row('old-root')).getByText('expired').closest('.mantine-Badge-root')?.getAttribute('style')).toMatch(/red-9/);
    expect(within(row('soon-root')).getByText('expiring').closest('.mantine-Badge-root')?.getAttribute('style')).toMatch(/yellow-5/);
    expect(within(row('soon-root')).getByText(/d left/)).toHaveTextContent(/^(9|10) d left$/);
    expect(within(row('renewing')).getByText('renewal pending')).toBeInTheDocument();

    const legend = screen.getByRole('group', { name: 'Status legend' });
    expect(legend).toHaveTextContent('expired');
    expect(legend).toHaveTextContent('30 days or less');
  });

  it('creates a key pair (RSA 4096, with a spinner while the key is generated) and shows it', async () => {
    let entries = [entry(SYSTEM, { owner: 'system' })];
    let finish: () => void = () => undefined;
    const api = mockApi({
      'GET /api/v1/keystore/entries': () => entries,
      'POST /api/v1/keystore/key-pairs': () =>
        new Promise((resolve) => {
          finish = () => {
            entries = [...entries, entry('to-erp')];
            resolve(entry('to-erp'));
          };
        }),
    });
    renderApp('/keystore', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create key pair' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Create a key pair' });
    await userEvent.type(within(dialog).getByLabelText(/Alias/), 'to-erp');
    await userEvent.click(within(dialog).getByLabelText('Key type'));
    await userEvent.click(await screen.findByRole('option', { name: 'RSA 4096', hidden: true }));
    await userEvent.type(within(dialog).getByLabelText(/Subject DN/), 'CN=acme-tenant, O=Acme');
    await userEvent.clear(within(dialog).getByLabelText(/Validity/));
    await userEvent.type(within(dialog).getByLabelText(/Validity/), '730');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key pair' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Generating the RSA 4096 key');
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      alias: 'to-erp',
      subjectDN: 'CN=acme-tenant, O=Acme',
      keyType: 'RSA',
      keySize: 4096,
      validityDays: 730,
    });
    finish();
    expect(await within(await screen.findByRole('table', { name: 'Keystore entries' })).findByText('to-erp')).toBeInTheDocument();
    expect(await screen.findByText('Key pair created')).toBeInTheDocument();
  });

  it('puts a refused subject DN next to its field with the code', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [],
      'POST /api/v1/keystore/key-pairs': apiError(400, 'subject_dn_invalid', "subjectDN 'nonsense' does not parse", { field: 'subjectDN' }),
    });
    renderApp('/keystore', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Create key pair' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Create a key pair' });
    await userEvent.type(within(dialog).getByLabelText(/Alias/), 'k1');
    await userEvent.type(within(dialog).getByLabelText(/Subject DN/), 'nonsense');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create key pair' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/Subject DN/)).toHaveAccessibleDescription(expect.stringContaining('subject_dn_invalid')));
  });

  it('downloads the CSR, the certificate as .cer (DER) and .pem, the chain as .p7b and .pem', async () => {
    const files = spyDownloads();
    const api = mockApi({
      'GET /api/v1/keystore/entries': [entry('to-erp')],
      'GET /api/v1/keystore/key-pairs/to-erp/csr': () =>
        new Response('-----BEGIN CERTIFICATE REQUEST-----\n', { headers: { 'content-type': 'application/pkcs10' } }),
      'GET /api/v1/keystore/entries/to-erp/certificate': (c: { search: string }) =>
        c.search === '?format=der' ? bytes('application/pkix-cert') : new Response(PEM, { headers: { 'content-type': 'application/x-pem-file' } }),
      'GET /api/v1/keystore/entries/to-erp/chain': (c: { search: string }) =>
        c.search === '?format=der' ? bytes('application/pkcs7-mime') : new Response(PEM + PEM, { headers: { 'content-type': 'application/x-pem-file' } }),
    });
    renderApp('/keystore', { fetch: api.fetch });
    for (const item of ['CSR (.csr)', 'Certificate (.cer, DER)', 'Certificate (.pem)', 'Chain (.p7b, PKCS#7)', 'Chain (.pem)']) {
      await chooseAction('to-erp', item);
      await waitFor(() =>
        expect(files).toHaveLength(['CSR (.csr)', 'Certificate (.cer, DER)', 'Certificate (.pem)', 'Chain (.p7b, PKCS#7)', 'Chain (.pem)'].indexOf(item) + 1),
      );
    }
    expect(files.map((f) => f.name)).toEqual(['to-erp.csr', 'to-erp.cer', 'to-erp.pem', 'to-erp.p7b', 'to-erp-chain.pem']);
    expect(await files[0]?.blob.text()).toContain('CERTIFICATE REQUEST');
    expect(new Uint8Array(await (files[1]?.blob as Blob).arrayBuffer())).toEqual(new Uint8Array([0x30, 0x82, 0x01, 0x0a]));
    expect(api.calls.filter((c) => c.method === 'GET' && c.path.includes('/to-erp/')).map((c) => `${c.path}${c.search}`)).toEqual([
      '/api/v1/keystore/key-pairs/to-erp/csr',
      '/api/v1/keystore/entries/to-erp/certificate?format=der',
      '/api/v1/keystore/entries/to-erp/certificate?format=pem',
      '/api/v1/keystore/entries/to-erp/chain?format=der',
      '/api/v1/keystore/entries/to-erp/chain?format=pem',
    ]);
    // With the session cookie: no token in a header, none in a URL.
    expect(api.calls.every((c) => c.credentials === 'same-origin' && c.authorization === null && !c.search.includes('token'))).toBe(true);
  });

  it('shows a failed download where it happened', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [entry('trusted', { kind: 'certificate' })],
      'GET /api/v1/keystore/entries/trusted/chain': apiError(503, 'service_unavailable', 'no service answers on keystore.entries.chain.v1'),
    });
    renderApp('/keystore', { fetch });
    await chooseAction('trusted', 'Chain (.pem)');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The download failed');
    expect(alert).toHaveTextContent('service_unavailable');
  });

  it('imports a signed chain dropped on the key pair (PUT …/chain)', async () => {
    const api = mockApi({
      'GET /api/v1/keystore/entries': [entry('to-erp')],
      'PUT /api/v1/keystore/key-pairs/to-erp/chain': entry('to-erp'),
    });
    renderApp('/keystore', { fetch: api.fetch });
    await chooseAction('to-erp', 'Import signed chain…');
    const dialog = await screen.findByRole('dialog', { name: 'Import the signed chain of to-erp' });
    await userEvent.upload(
      within(dialog).getByLabelText('PEM chain file for to-erp'),
      new File([PEM + PEM], 'to-erp-chain.pem', { type: 'application/x-pem-file' }),
    );
    expect(await screen.findByText('Chain imported')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ chain: PEM + PEM });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import the signed chain of to-erp' })).toBeNull());
  });

  it.each([
    ['key_mismatch', "the chain's leaf is not the certificate of key pair 'to-erp'", undefined, /sign this key pair's CSR/],
    ['chain_incomplete', 'the certificate chain is incomplete: an issuing CA certificate is missing', 'chain_incomplete', /add the root CA to the keystore/],
  ])('shows why a chain is refused (%s) with what to do', async (code, message, reason, hint) => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [entry('to-erp')],
      'PUT /api/v1/keystore/key-pairs/to-erp/chain': apiError(400, code, message, { field: 'chain', ...(reason && { reason }) }),
    });
    renderApp('/keystore', { fetch });
    await chooseAction('to-erp', 'Import signed chain…');
    const dialog = await screen.findByRole('dialog', { name: 'Import the signed chain of to-erp' });
    await userEvent.upload(within(dialog).getByLabelText('PEM chain file for to-erp'), new File([PEM], 'wrong.pem', { type: 'application/x-pem-file' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The chain was not imported');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent(code);
    expect(alert).toHaveTextContent(hint);
  });

  it('adds a trusted certificate from a dropped PEM file', async () => {
    let entries: ReturnType<typeof entry>[] = [];
    const api = mockApi({
      'GET /api/v1/keystore/entries': () => entries,
      'POST /api/v1/keystore/certificates': () => {
        entries = [entry('erp-root', { kind: 'certificate' })];
        return entries[0];
      },
    });
    renderApp('/keystore', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Add trusted certificate' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Add a trusted certificate' });
    await userEvent.type(within(dialog).getByLabelText(/Alias/), 'erp-root');
    await userEvent.upload(within(dialog).getByLabelText('Certificate (PEM)'), new File([PEM], 'erp-root.pem', { type: 'application/x-pem-file' }));
    expect(await within(dialog).findByText('Chosen: erp-root.pem')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add certificate' }));
    expect(await within(await screen.findByRole('table', { name: 'Keystore entries' })).findByText('erp-root')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ alias: 'erp-root', certificate: PEM });
  });

  it('imports a PKCS#12 file (base64) with its password; a wrong password is shown next to the field', async () => {
    const p12 = new Uint8Array([0x30, 0x82, 0x0a, 0xff, 0x00, 0x7f]);
    let answer: Response | object = apiError(400, 'pkcs12_invalid', 'the password does not open this PKCS#12 file', {
      field: 'password',
      reason: 'bad_password',
    });
    const api = mockApi({ 'GET /api/v1/keystore/entries': [], 'POST /api/v1/keystore/pkcs12': () => answer });
    renderApp('/keystore', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Import PKCS#12' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Import a PKCS#12 file' });
    await userEvent.type(within(dialog).getByLabelText(/Alias/), 'from-p12');
    await userEvent.upload(within(dialog).getByLabelText('PKCS#12 file (.p12, .pfx)'), new File([p12], 'partner.p12', { type: 'application/x-pkcs12' }));
    await within(dialog).findByText('Chosen: partner.p12');
    await userEvent.type(within(dialog).getByLabelText('Password of the file'), 'wrong');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Password of the file')).toHaveAccessibleDescription(
        expect.stringContaining('the password does not open this PKCS#12 file pkcs12_invalid'),
      ),
    );
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ alias: 'from-p12', password: 'wrong', pkcs12: btoa(String.fromCharCode(...p12)) });

    answer = entry('from-p12');
    await userEvent.clear(within(dialog).getByLabelText('Password of the file'));
    await userEvent.type(within(dialog).getByLabelText('Password of the file'), 'right');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('PKCS#12 imported')).toBeInTheDocument();
  });

  it('exports a key pair as a .p12 file protected by the password given', async () => {
    const files = spyDownloads();
    const api = mockApi({
      'GET /api/v1/keystore/entries': [entry('to-erp')],
      'POST /api/v1/keystore/entries/to-erp/pkcs12': () => bytes('application/x-pkcs12', [0x30, 0x80]),
    });
    renderApp('/keystore', { fetch: api.fetch });
    await chooseAction('to-erp', 'Export PKCS#12…');
    const dialog = await screen.findByRole('dialog', { name: 'Export to-erp as PKCS#12' });
    await userEvent.type(within(dialog).getByLabelText(/^Password/), 's3cret-export');
    await userEvent.type(within(dialog).getByLabelText(/Repeat the password/), 'something else');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download .p12' }));
    expect(await within(dialog).findByText('The passwords differ')).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText(/Repeat the password/));
    await userEvent.type(within(dialog).getByLabelText(/Repeat the password/), 's3cret-export');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download .p12' }));
    await waitFor(() => expect(files.map((f) => f.name)).toEqual(['to-erp.p12']));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ password: 's3cret-export' });
  });

  it('renames an entry after asking for the new alias; a refusal is shown with its code', async () => {
    const api = mockApi({
      'GET /api/v1/keystore/entries': [entry('to-erp'), entry(SYSTEM, { owner: 'system' })],
      'POST /api/v1/keystore/entries/to-erp/rename': entry('to-erp-2'),
      [`POST /api/v1/keystore/entries/${SYSTEM}/rename`]: apiError(
        409,
        'system_key_protected',
        `'${SYSTEM}' is the tenant system key pair: it cannot be renamed`,
        {
          alias: SYSTEM,
        },
      ),
    });
    renderApp('/keystore', { fetch: api.fetch });
    await chooseAction('to-erp', 'Rename…');
    let dialog = await screen.findByRole('dialog', { name: 'Rename to-erp' });
    await userEvent.clear(within(dialog).getByLabelText(/New alias/));
    await userEvent.type(within(dialog).getByLabelText(/New alias/), 'to-erp-2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText('Entry renamed')).toBeInTheDocument();
    expect(api.calls.find((c) => c.path.endsWith('/to-erp/rename'))?.body).toEqual({ newAlias: 'to-erp-2' });

    await chooseAction(SYSTEM, 'Rename…');
    dialog = await screen.findByRole('dialog', { name: `Rename ${SYSTEM}` });
    await userEvent.clear(within(dialog).getByLabelText(/New alias/));
    await userEvent.type(within(dialog).getByLabelText(/New alias/), 'other');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('system_key_protected');
    expect(alert).toHaveTextContent('cannot be renamed');
  });

  it('deletes an entry after confirming', async () => {
    let entries = [entry('old-root', { kind: 'certificate', status: 'expired' })];
    const api = mockApi({
      'GET /api/v1/keystore/entries': () => entries,
      'DELETE /api/v1/keystore/entries/old-root': () => {
        entries = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/keystore', { fetch: api.fetch });
    await chooseAction('old-root', 'Delete…');
    const dialog = await screen.findByRole('dialog', { name: 'Delete old-root?' });
    expect(dialog).toHaveTextContent('stop being trusted');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The keystore is empty')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'DELETE')).toMatchObject({ path: '/api/v1/keystore/entries/old-root', search: '' });
  });

  it("explains the system key pair's refusal and deletes it with force only after a clear confirmation", async () => {
    const api = mockApi({
      'GET /api/v1/keystore/entries': [entry(SYSTEM, { owner: 'system' })],
      [`DELETE /api/v1/keystore/entries/${SYSTEM}`]: (c: { search: string }) =>
        c.search === '?force=true'
          ? new Response(null, { status: 204 })
          : apiError(
              409,
              'system_key_protected',
              `'${SYSTEM}' is the tenant system key pair: deleting it turns client-certificate authentication off for this tenant (every request with a client certificate is refused). To delete it anyway, repeat the request with force=true`,
              { alias: SYSTEM, force: false },
            ),
    });
    renderApp('/keystore', { fetch: api.fetch });
    await chooseAction(SYSTEM, 'Delete…');
    const dialog = await screen.findByRole('dialog', { name: `Delete ${SYSTEM}?` });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This is the tenant system key pair');
    expect(alert).toHaveTextContent('turns client-certificate authentication off');
    expect(alert).toHaveTextContent('system_key_protected');
    expect(alert).toHaveTextContent('every sender that authenticates with a client certificate is refused');

    const force = within(dialog).getByRole('button', { name: 'Delete anyway' });
    expect(force).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /I understand/ }));
    expect(force).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Type the alias to confirm'), SYSTEM);
    expect(force).toBeEnabled();
    await userEvent.click(force);
    expect(await screen.findByText('Entry deleted')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.search)).toEqual(['', '?force=true']);
  });

  it('starts a renewal and shows the pending pair beside the current one', async () => {
    let entries = [entry('to-erp')];
    const api = mockApi({
      'GET /api/v1/keystore/entries': () => entries,
      'POST /api/v1/keystore/key-pairs/to-erp/renewal': () => {
        entries = [entry('to-erp', { pending: true })];
        return entries[0];
      },
    });
    renderApp('/keystore', { fetch: api.fetch });
    await chooseAction('to-erp', 'Renew…');
    const drawer = await screen.findByRole('dialog', { name: 'Keystore entry to-erp' });
    const form = within(drawer).getByRole('region', { name: 'Start a renewal of to-erp' });
    expect(within(form).getByLabelText(/Subject DN/)).toHaveValue('CN=to-erp, O=Acme');
    await userEvent.click(within(form).getByLabelText('Key type'));
    await userEvent.click(await screen.findByRole('option', { name: 'RSA 3072', hidden: true }));
    await userEvent.click(within(form).getByRole('button', { name: 'Start renewal' }));
    const pending = await within(drawer).findByRole('region', { name: 'Pending renewal of to-erp' });
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ keyType: 'RSA', keySize: 3072, subjectDN: 'CN=to-erp, O=Acme', validityDays: 365 });
    expect(within(pending).getByText('RSA 3072')).toBeInTheDocument();
    expect(within(pending).getByText('awaiting its signed chain')).toBeInTheDocument();
    expect(within(drawer).getByRole('region', { name: 'Current key pair to-erp' })).toHaveTextContent('EC P-256');
  });

  it("downloads the pending pair's CSR, imports its chain, activates it and cancels another", async () => {
    const files = spyDownloads();
    const api = mockApi({
      'GET /api/v1/keystore/entries': [entry('to-erp', { pending: true })],
      'GET /api/v1/keystore/key-pairs/to-erp/renewal/csr': () =>
        new Response('-----BEGIN CERTIFICATE REQUEST-----\n', { headers: { 'content-type': 'application/pkcs10' } }),
      'PUT /api/v1/keystore/key-pairs/to-erp/renewal/chain': entry('to-erp', { pending: true }),
      'POST /api/v1/keystore/key-pairs/to-erp/renewal/activate': entry('to-erp'),
      'DELETE /api/v1/keystore/key-pairs/to-erp/renewal': () => new Response(null, { status: 204 }),
    });
    renderApp('/keystore', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Details of to-erp' }, LOADING));
    const drawer = await screen.findByRole('dialog', { name: 'Keystore entry to-erp' });
    const pending = within(drawer).getByRole('region', { name: 'Pending renewal of to-erp' });

    await userEvent.click(within(pending).getByRole('button', { name: 'Renewal CSR' }));
    await waitFor(() => expect(files.map((f) => f.name)).toEqual(['to-erp-renewal.csr']));

    await userEvent.upload(
      within(pending).getByLabelText('PEM chain file for to-erp (renewal)'),
      new File([PEM], 'renewed.pem', { type: 'application/x-pem-file' }),
    );
    expect(await screen.findByText('Renewal chain imported')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'PUT')).toMatchObject({ path: '/api/v1/keystore/key-pairs/to-erp/renewal/chain', body: { chain: PEM } });

    await userEvent.click(within(pending).getByRole('button', { name: 'Activate' }));
    expect(pending).toHaveTextContent('replaces the current one');
    await userEvent.click(within(pending).getByRole('button', { name: 'Activate now' }));
    expect(await screen.findByText('Renewal activated')).toBeInTheDocument();

    await userEvent.click(within(pending).getByRole('button', { name: 'Cancel renewal' }));
    await userEvent.click(within(pending).getByRole('button', { name: 'Cancel the renewal' }));
    expect(await screen.findByText('Renewal cancelled')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual([
      'PUT /api/v1/keystore/key-pairs/to-erp/renewal/chain',
      'POST /api/v1/keystore/key-pairs/to-erp/renewal/activate',
      'DELETE /api/v1/keystore/key-pairs/to-erp/renewal',
    ]);
  });
});
