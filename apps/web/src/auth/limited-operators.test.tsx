import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEVELOPER, HEALTH, mockApi, MONITOR, principal, renderApp } from '../test/render';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const LOADING = { timeout: 10_000 };

const keyPair = (alias: string) => ({
  alias,
  kind: 'key-pair',
  owner: 'tenant',
  subjectDN: `CN=${alias}`,
  issuerDN: 'CN=Partner CA',
  serialNumber: '1a2b',
  notBefore: day(-30),
  notAfter: day(300),
  fingerprint: alias.padEnd(64, '0'),
  chainPem: PEM,
  keyAlgorithm: 'EC P-256',
  createdAt: day(-30),
  updatedAt: day(-30),
  status: 'valid',
  chainLength: 1,
});

const MONITOR_READS = {
  'GET /api/v1/health': HEALTH,
  'GET /api/v1/certificates': [],
  'GET /api/v1/alerts': [],
  'GET /api/v1/ingress/trusted-roots': [
    {
      subjectDN: 'CN=Partner Root',
      fingerprint: 'a'.repeat(64),
      notBefore: day(-10),
      notAfter: day(400),
      source: 'api',
      pem: PEM,
      policy: { eku: 'require-clientAuth', revocation: null },
    },
  ],
  'GET /api/v1/keystore/entries': [keyPair('to-erp')],
};

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Pages' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('a monitor (read-only)', () => {
  it('sees who is signed in, and only the pages it may read in the navigation', async () => {
    const api = mockApi(MONITOR_READS);
    renderApp('/', { fetch: api.fetch, as: MONITOR });
    await screen.findByRole('heading', { name: 'Overview' }, LOADING);
    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('Signed in as mona, roles: monitor');
    expect(navLinks()).toEqual(['Overview', 'Alerts', 'Logs', 'Trusted roots', 'Keystore', 'Certificates']);
    // The overview asks for nothing it may not read (no 403s).
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/ingress/trusted-roots')).toBe(true));
    expect(api.calls.map((c) => c.path)).not.toEqual(expect.arrayContaining(['/api/v1/roles']));
    expect(api.calls.some((c) => ['/api/v1/roles', '/api/v1/service-instances', '/api/v1/flows'].includes(c.path))).toBe(false);
    expect(screen.queryByRole('link', { name: 'Roles' })).not.toBeInTheDocument();
  });

  it('reads the trusted roots but cannot change them: no drop zone, Remove disabled with the reason', async () => {
    const { fetch } = mockApi(MONITOR_READS);
    renderApp('/trusted-roots', { fetch, as: MONITOR });
    const table = await screen.findByRole('table', { name: 'Trusted roots' }, LOADING);
    const remove = await within(table).findByRole('button', { name: 'Remove CN=Partner Root' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAccessibleDescription('Needs the permission trusted-roots:write (roles admin, security)');
    await userEvent.click(remove);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByTestId('roots-dropzone')).not.toBeInTheDocument();
    expect(screen.getByText(/Read-only for your roles \(monitor\): a change here needs the permission trusted-roots:write/)).toBeInTheDocument();
  });

  it("sees the keystore; its actions are disabled with the reason, and an entry's menu offers the downloads only", async () => {
    const { fetch } = mockApi(MONITOR_READS);
    renderApp('/keystore', { fetch, as: MONITOR });
    const create = await screen.findByRole('button', { name: 'Create key pair' }, LOADING);
    expect(create).toHaveAttribute('aria-disabled', 'true');
    expect(create).toHaveAccessibleDescription('Needs the permission keystore:write (roles admin, security)');
    await userEvent.click(create);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Actions for to-erp' }));
    expect(await screen.findByRole('menuitem', { name: 'Certificate (.pem)', hidden: true })).toBeInTheDocument();
    for (const item of ['Rename…', 'Delete…', 'Export PKCS#12…', 'Import signed chain…'])
      expect(screen.queryByRole('menuitem', { name: item, hidden: true })).not.toBeInTheDocument();
    expect(screen.getByText('Needs the permission keystore:write (roles admin, security)', { selector: 'p' })).toBeInTheDocument();
  });

  it('is told why a page it may not read is not shown (a typed address)', async () => {
    const api = mockApi(MONITOR_READS);
    renderApp('/operators', { fetch: api.fetch, as: MONITOR });
    expect(await screen.findByRole('heading', { name: 'Operators' }, LOADING)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('This page needs the permission operators:read (role admin); you have monitor.');
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/operators'))).toBe(false);
  });
});

describe('a developer', () => {
  const reads = {
    'GET /api/v1/roles': [{ name: 'Orders', description: 'orders', predefined: false, createdAt: day(-1) }],
    'GET /api/v1/flows': [],
    'GET /api/v1/service-instances': [],
    'GET /api/v1/keystore/entries': [keyPair('to-erp')],
  };

  it('deploys flows, but may not create or delete roles (disabled, saying which roles may)', async () => {
    const { fetch } = mockApi(reads);
    renderApp('/roles', { fetch, as: DEVELOPER });
    const table = await screen.findByRole('table', { name: 'Roles' }, LOADING);
    const create = screen.getByRole('button', { name: 'Create role' });
    expect(create).toHaveAttribute('aria-disabled', 'true');
    expect(create).toHaveAccessibleDescription('Needs the permission roles:write (roles admin, security)');
    expect(await within(table).findByRole('button', { name: 'Delete role Orders' })).toHaveAttribute('aria-disabled', 'true');
    // Reading stays: the role's JSON.
    expect(within(table).getByRole('button', { name: 'Download JSON of role Orders' })).toBeEnabled();
    expect(navLinks()).toEqual([
      'Overview',
      'Alerts',
      'Logs',
      'Trusted roots',
      'Roles',
      'Service instances',
      'Flows',
      'Users and mappings',
      'Keystore',
      'Certificates',
      'Connectivity test',
    ]);
  });

  it('may deploy a flow', async () => {
    const { fetch } = mockApi(reads);
    renderApp('/flows', { fetch, as: DEVELOPER });
    const deploy = await screen.findByRole('button', { name: 'Deploy flow' }, LOADING);
    expect(deploy).not.toHaveAttribute('aria-disabled');
    await userEvent.click(deploy);
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('cannot export a private key (secrets:export) from the keystore', async () => {
    const { fetch } = mockApi(reads);
    renderApp('/keystore', { fetch, as: DEVELOPER });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for to-erp' }, LOADING));
    await screen.findByRole('menuitem', { name: 'CSR (.csr)', hidden: true });
    expect(screen.queryByRole('menuitem', { name: 'Export PKCS#12…', hidden: true })).not.toBeInTheDocument();
  });
});

describe('roles that change during the session', () => {
  it('a 403 reads GET /me again, and the pages follow the new roles', async () => {
    const api = mockApi({
      'GET /api/v1/roles': [],
      'POST /api/v1/roles': () =>
        new Response(
          JSON.stringify({ error: 'forbidden', message: 'this operation needs the permission roles:write', details: { permission: 'roles:write' } }),
          {
            status: 403,
            headers: { 'content-type': 'application/json' },
          },
        ),
    });
    // Signed in as security; /me after the 403 says developer (an administrator changed the roles).
    let me = principal(['security'], 'sam');
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/api/v1/me')) return Promise.resolve(new Response(JSON.stringify({ ...me, kind: 'session', csrfToken: 'c' }), { status: 200 }));
      return api.fetch(input, init);
    };
    renderApp('/roles', { fetch, session: false });
    await userEvent.click(await screen.findByRole('button', { name: 'Create role' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Create a role' });
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Invoices');
    me = principal(['developer'], 'sam');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create role' }));
    expect(await within(dialog).findByText(/needs the permission roles:write/)).toBeInTheDocument();
    // The page's own button, not the dialog's submit.
    const pageButton = () => screen.getAllByRole('button', { name: 'Create role', hidden: true }).find((b) => !b.closest('[role=dialog]'));
    await waitFor(() => expect(pageButton()).toHaveAttribute('aria-disabled', 'true'));
  });
});
