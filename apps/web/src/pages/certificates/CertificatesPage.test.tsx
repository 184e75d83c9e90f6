import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi, renderApp } from '../../test/render';

type Source = 'keystore' | 'service-key' | 'user-mapping' | 'flow' | 'ingress-trusted-root' | 'ingress-server-chain';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const cert = (n: number, source: Source, daysLeft: number, muted = false) => ({
  source,
  ref: `${source}-ref-${n}`,
  subjectDN: `CN=cert-${n}, O=Acme`,
  issuerDN: 'CN=Acme CA, O=Acme',
  subjectCN: `cert-${n}`,
  issuerCN: 'Acme CA',
  serial: `0${n}`,
  fingerprint: `${n}`.padStart(64, 'a'),
  notBefore: day(-100),
  notAfter: day(daysLeft),
  status: daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'expiring' : 'valid',
  daysLeft,
  muted,
});

const INVENTORY = [
  cert(1, 'keystore', -3),
  cert(2, 'keystore', 10),
  cert(3, 'service-key', 200),
  cert(4, 'flow', 20, true),
  cert(5, 'ingress-trusted-root', 900),
];

/** The first render loads the page's chunk with the chart library: more than the default second on a busy machine. */
const LOADING = { timeout: 10_000 };

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the certificates page', () => {
  it('lists the inventory soonest first with status colours, the totals and the timeline summary', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/certificates': INVENTORY, 'GET /api/v1/alerts/mutes': [] });
    renderApp('/certificates', { fetch });
    const table = await screen.findByRole('table', { name: 'Certificates' }, LOADING);
    await within(table).findByText('cert-1');
    expect(rowsOf(table).map((r) => within(r).getAllByText(/^cert-\d$/)[0]?.textContent)).toEqual(['cert-1', 'cert-2', 'cert-4', 'cert-3', 'cert-5']);
    const validity = (name: string) => within(table).getByText(name).closest('tr')?.querySelector('[data-validity]');
    expect(validity('cert-1')).toHaveAttribute('data-validity', 'expired');
    expect(validity('cert-2')).toHaveAttribute('data-validity', 'expiring');
    expect(validity('cert-3')).toHaveAttribute('data-validity', 'valid');
    expect(within(within(table).getByText('cert-4').closest('tr') as HTMLElement).getByLabelText('alerts muted')).toBeInTheDocument();

    const totals = screen.getByRole('group', { name: 'Totals' });
    expect(totals).toHaveTextContent('5 certificates1 expired2 expiring2 valid');
    const timeline = screen.getByRole('figure', { name: 'Upcoming expiries, per week' });
    expect(timeline).toHaveAccessibleDescription('3 of 5 certificates expire in the next 12 months; 1 have expired; 1 expire later.');
    expect(timeline).toHaveTextContent('30 d, 14 d, 7 d, 1 d');
  });

  it('filters by source, status and text, and the timeline follows the filters', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/certificates': INVENTORY, 'GET /api/v1/alerts/mutes': [] });
    renderApp('/certificates', { fetch });
    const table = await screen.findByRole('table', { name: 'Certificates' }, LOADING);
    await within(table).findByText('cert-1');

    await userEvent.click(screen.getByRole('radio', { name: 'Expiring' }));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/^2 of 2 certificates/);

    await userEvent.click(screen.getByRole('radio', { name: 'All' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Source' }));
    await userEvent.click(await screen.findByRole('option', { name: 'keystore', hidden: true }));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(within(table).queryByText('cert-3')).toBeNull();

    await userEvent.type(screen.getByRole('textbox', { name: 'Search certificates' }), 'cert-2');
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));
    expect(within(table).getByText('cert-2')).toBeInTheDocument();
  });

  it('sorts by a column', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/certificates': INVENTORY, 'GET /api/v1/alerts/mutes': [] });
    renderApp('/certificates', { fetch });
    const table = await screen.findByRole('table', { name: 'Certificates' }, LOADING);
    await within(table).findByText('cert-1');
    await userEvent.click(within(table.querySelector('thead') as HTMLElement).getByText('Source'));
    await waitFor(() =>
      expect(rowsOf(table).map((r) => within(r).getAllByText(/^(keystore|service-key|flow|ingress-trusted-root)$/)[0]?.textContent)).toEqual([
        'flow',
        'ingress-trusted-root',
        'keystore',
        'keystore',
        'service-key',
      ]),
    );
  });

  it('keeps 10,000 certificates responsive: one page of rows in the DOM, the chart aggregated', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => cert(i, (['keystore', 'service-key', 'flow'] as const)[i % 3] as Source, (i % 500) - 20));
    const { fetch } = mockApi({ 'GET /api/v1/certificates': many, 'GET /api/v1/alerts/mutes': [] });
    renderApp('/certificates', { fetch });
    const table = await screen.findByRole('table', { name: 'Certificates' }, LOADING);
    await within(table).findAllByText(/^cert-\d+$/);
    expect(rowsOf(table)).toHaveLength(25);
    expect(screen.getByText('1–25 of 10000')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Totals' })).toHaveTextContent('10000 certificates');
  });

  it('shows every source with its mute; mutes one with a reason (PUT) and unmutes another (DELETE)', async () => {
    let mutes = [{ source: 'flow', reason: 'renew themselves', mutedAt: '2026-01-10T08:00:00.000Z' }];
    const api = mockApi({
      'GET /api/v1/certificates': INVENTORY,
      'GET /api/v1/alerts/mutes': () => mutes,
      'PUT /api/v1/alerts/mutes/service-key': (c: { body?: unknown }) => {
        const m = { source: 'service-key', ...(c.body as object), mutedAt: '2026-01-11T08:00:00.000Z' };
        mutes = [...mutes, m as (typeof mutes)[number]];
        return m;
      },
      'DELETE /api/v1/alerts/mutes/flow': () => {
        mutes = mutes.filter((m) => m.source !== 'flow');
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/certificates', { fetch: api.fetch });
    const sources = await screen.findByRole('table', { name: 'Alert sources' }, LOADING);
    await within(sources).findByText('Flow sender channels');
    expect(rowsOf(sources)).toHaveLength(6);
    const row = (source: string) => within(sources).getByText(source, { selector: 'p' }).closest('tr') as HTMLElement;
    expect(row('flow')).toHaveTextContent('muted');
    expect(row('flow')).toHaveTextContent('renew themselves');
    expect(row('keystore')).toHaveTextContent('2 (1 expiring, 1 expired)');

    await userEvent.click(within(row('service-key')).getByRole('button', { name: 'Mute service-key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mute alerts of service-key' });
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'rotated by the CI');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mute service-key' }));
    await waitFor(() => expect(row('service-key')).toHaveTextContent('rotated by the CI'));
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ reason: 'rotated by the CI' });

    await userEvent.click(within(row('flow')).getByRole('button', { name: 'Unmute flow' }));
    await waitFor(() => expect(within(row('flow')).getByRole('button', { name: 'Mute flow' })).toBeInTheDocument());
    expect(await screen.findByText('Source unmuted')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/alerts/mutes/flow']);
  });

  it('shows a failed inventory read with its code', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/certificates': apiError(503, 'timeout', 'no reply on keystore.inventory.v1 in time'),
      'GET /api/v1/alerts/mutes': [],
    });
    renderApp('/certificates', { fetch });
    const alert = await screen.findByRole('alert', {}, LOADING);
    expect(alert).toHaveTextContent('Could not read the certificate inventory');
    expect(alert).toHaveTextContent('timeout');
  });
});
