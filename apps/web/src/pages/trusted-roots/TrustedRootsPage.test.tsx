import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi, renderApp } from '../../test/render';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const DEFAULT_POLICY = { eku: 'require-clientAuth', revocation: null };
const root = (name: string, source: 'api' | 'env' | 'client-ca', notAfter = day(400), policy: object = DEFAULT_POLICY) => ({
  subjectDN: `CN=${name}`,
  fingerprint: name.padEnd(64, '0'),
  notBefore: day(-10),
  notAfter,
  source,
  pem: PEM,
  policy,
});

describe('the trusted roots page', () => {
  it('lists the roots with their validity; only API roots can be removed', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/ingress/trusted-roots': [root('a1', 'api'), root('b2', 'env', day(10)), root('c3', 'client-ca', day(-1))],
    });
    renderApp('/trusted-roots', { fetch });
    const table = await screen.findByRole('table', { name: 'Trusted roots' });
    const row = (name: string) => within(table).getByText(`CN=${name}`).closest('tr') as HTMLElement;
    await waitFor(() => expect(within(table).getByText('CN=a1')).toBeInTheDocument());
    expect(within(row('a1')).getByText(/valid/).closest('[data-validity]')).toHaveAttribute('data-validity', 'valid');
    expect(
      within(row('b2'))
        .getByText(/expiring/)
        .closest('[data-validity]'),
    ).toHaveAttribute('data-validity', 'expiring');
    expect(
      within(row('c3'))
        .getByText(/expired/)
        .closest('[data-validity]'),
    ).toHaveAttribute('data-validity', 'expired');
    expect(within(row('a1')).getByRole('button', { name: 'Remove CN=a1' })).toBeEnabled();
    expect(within(row('b2')).getByRole('button', { name: 'Remove CN=b2' })).toBeDisabled();
    expect(within(row('c3')).getByRole('button', { name: 'Remove CN=c3' })).toBeDisabled();
  });

  it("shows each root's policy: EKU and revocation", async () => {
    const relaxed = {
      eku: 'allow-missing-eku',
      revocation: { crlUrls: ['http://pki.example/a.crl'], distributionPoints: true, ocsp: false, onUnavailable: 'fail-open' },
    };
    const { fetch } = mockApi({ 'GET /api/v1/ingress/trusted-roots': [root('a1', 'api'), root('b2', 'env', day(400), relaxed)] });
    renderApp('/trusted-roots', { fetch });
    const table = await screen.findByRole('table', { name: 'Trusted roots' });
    const row = async (name: string) => (await within(table).findByText(`CN=${name}`)).closest('tr') as HTMLElement;
    expect(within(await row('a1')).getByText('EKU required')).toBeInTheDocument();
    expect(within(await row('a1')).getByText('No CRL check')).toBeInTheDocument();
    expect(within(await row('b2')).getByText('EKU optional')).toBeInTheDocument();
    expect(within(await row('b2')).getByText('CRL, fail-open')).toBeInTheDocument();
  });

  it('adds the roots of a dropped PEM file (POST with the file as the bundle) and shows the new list', async () => {
    let roots = [root('a1', 'api')];
    const api = mockApi({
      'GET /api/v1/ingress/trusted-roots': () => roots,
      'POST /api/v1/ingress/trusted-roots': () => {
        roots = [...roots, root('n9', 'api')];
        return roots;
      },
    });
    const { container } = renderApp('/trusted-roots', { fetch: api.fetch });
    await screen.findByText('CN=a1');
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File([PEM], 'partner-root.pem', { type: 'application/x-pem-file' }));
    expect(await screen.findByText('CN=n9')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/v1/ingress/trusted-roots', body: { certificates: PEM } });
    expect(await screen.findByText('Trusted a new root')).toBeInTheDocument();
  });

  it('shows a refused bundle with its message and code under the drop zone', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/ingress/trusted-roots': [],
      'POST /api/v1/ingress/trusted-roots': apiError(400, 'certificate_expired', 'certificate 1 of the bundle (CN=old) has expired', {
        field: 'certificates',
        reason: 'expired',
      }),
    });
    const { container } = renderApp('/trusted-roots', { fetch });
    await screen.findByText(/No trusted root/);
    await userEvent.upload(container.querySelector('input[type=file]') as HTMLInputElement, new File([PEM], 'old.pem', { type: 'application/x-pem-file' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The roots were not added');
    expect(alert).toHaveTextContent('CN=old) has expired');
    expect(alert).toHaveTextContent('certificate_expired');
  });

  it('removes a root after confirming (DELETE by fingerprint)', async () => {
    let roots = [root('a1', 'api')];
    const api = mockApi({
      'GET /api/v1/ingress/trusted-roots': () => roots,
      [`DELETE /api/v1/ingress/trusted-roots/${'a1'.padEnd(64, '0')}`]: () => {
        roots = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/trusted-roots', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove CN=a1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this trusted root?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/No trusted root/)).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(true);
  });
});
