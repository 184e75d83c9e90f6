import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, mockApi, renderApp, type Call } from '../../test/render';

const alert = (n: number, type: 'expiring' | 'expired' | 'renewed', threshold: number, daysLeft: number, raisedAt = `2026-01-1${n}T08:00:00.000Z`) => ({
  id: `keystore:${'a'.repeat(60)}${n}:${threshold}`,
  type,
  source: 'keystore',
  ref: `alias-${n}#0`,
  subjectDN: `CN=cert-${n}, O=Acme`,
  issuerDN: 'CN=Acme CA',
  serial: `0${n}`,
  fingerprint: `${n}`.padStart(64, 'b'),
  notAfter: '2026-02-01T00:00:00.000Z',
  daysLeft,
  threshold,
  raisedAt,
});

const subscription = {
  id: 'a3f9c2d1e0b84c7f',
  url: 'https://ops.example/hooks/certgate',
  sources: ['keystore'],
  thresholds: [30, 0],
  createdAt: '2026-01-10T08:00:00.000Z',
  consumer: 'webhook-a3f9c2d1e0b84c7f',
  deliveries: { delivered: 12, failedAttempts: 2, lastFailedAt: '2026-01-11T08:00:00.000Z', lastError: 'receiver answered HTTP 503', pending: 1 },
};

/** A `text/event-stream` answer: the frames given, then open (or closed when `end`). */
function eventStream(frames: string[], { end = false } = {}) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const f of frames) c.enqueue(encoder.encode(f));
        if (end) c.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

const READY = (seq: number) => `retry: 1000\n: certgate expiry alerts\n\nevent: ready\nid: ${seq}\ndata: {"since":${seq}}\n\n`;
const ALERT = (seq: number, a: object) => `event: alert\nid: ${seq}\ndata: ${JSON.stringify(a)}\n\n`;

/** The first render loads the page's chunk: more than the default second on a busy machine. */
const LOADING = { timeout: 10_000 };

const base = (extra: Record<string, unknown> = {}) => ({
  'GET /api/v1/alerts': [alert(1, 'expiring', 30, 25), alert(2, 'expired', 0, -1)],
  'GET /api/v1/alerts/watch': () => eventStream([READY(41)]),
  'GET /api/v1/alert-subscriptions': [],
  ...extra,
});

describe('the alerts page', () => {
  it('lists the alerts newest first with type, threshold and certificate', async () => {
    const api = mockApi(base());
    renderApp('/alerts', { fetch: api.fetch });
    const table = await screen.findByRole('table', { name: 'Alerts' }, LOADING);
    await within(table).findByText('CN=cert-2, O=Acme');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByText(/^CN=cert/).textContent)).toEqual(['CN=cert-2, O=Acme', 'CN=cert-1, O=Acme']);
    expect(rows[0]?.querySelector('[data-validity]')).toHaveAttribute('data-validity', 'expired');
    expect(rows[0]).toHaveTextContent('expiry');
    expect(rows[1]?.querySelector('[data-validity]')).toHaveAttribute('data-validity', 'expiring');
    expect(rows[1]).toHaveTextContent('30 d');
    expect(api.calls.find((c) => c.path === '/api/v1/alerts')?.search).toBe('?limit=1000');
  });

  it('shows a renewal of the system key pair as renewed, with the days the new pair has', async () => {
    const api = mockApi(base({ 'GET /api/v1/alerts': [{ ...alert(4, 'renewed', 30, 729), replacedFingerprint: 'c'.repeat(64) }] }));
    renderApp('/alerts', { fetch: api.fetch });
    const table = await screen.findByRole('table', { name: 'Alerts' }, LOADING);
    await within(table).findByText('CN=cert-4, O=Acme');
    const row = within(table).getAllByRole('row')[1];
    expect(row?.querySelector('[data-validity]')).toHaveAttribute('data-validity', 'renewed');
    expect(row).toHaveTextContent('renewed729 d left');
  });

  it('follows the live feed through the API client (the token in the header, never in the URL) and shows each alert as it comes', async () => {
    const api = mockApi(
      base({ 'GET /api/v1/alerts/watch': () => eventStream([READY(41), ALERT(42, alert(3, 'expiring', 7, 6, '2026-01-20T08:00:00.000Z'))]) }),
    );
    renderApp('/alerts', { fetch: api.fetch });
    const feed = await screen.findByRole('log', { name: 'Live alert feed' }, LOADING);
    expect(await within(feed).findByText('CN=cert-3, O=Acme')).toBeInTheDocument();
    expect(feed).toHaveTextContent('keystore · alias-3#0 · threshold 7 d');
    expect(within(feed).getByText('expiring').closest('[data-validity]')).toHaveAttribute('data-validity', 'expiring');
    expect(screen.getByText('live').closest('[data-feed-state]')).toHaveAttribute('data-feed-state', 'live');
    const watch = api.calls.find((c) => c.path === '/api/v1/alerts/watch') as Call;
    // With the session cookie: no token in a header or in the URL.
    expect(watch).toMatchObject({ authorization: null, credentials: 'same-origin', search: '' });
    // The list is read again once alerts stop coming.
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/api/v1/alerts').length).toBeGreaterThanOrEqual(2), { timeout: 3000 });
  });

  it('resumes after the last event seen when the stream ends', async () => {
    let n = 0;
    const api = mockApi(
      base({
        'GET /api/v1/alerts/watch': () =>
          ++n === 1
            ? eventStream([READY(41), ALERT(42, alert(3, 'expiring', 7, 6))], { end: true })
            : eventStream([READY(42), ALERT(43, alert(4, 'expired', 0, -1))]),
      }),
    );
    renderApp('/alerts', { fetch: api.fetch });
    const feed = await screen.findByRole('log', { name: 'Live alert feed' }, LOADING);
    expect(await within(feed).findByText('CN=cert-4, O=Acme', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(feed).getByText('CN=cert-3, O=Acme')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.path === '/api/v1/alerts/watch').map((c) => c.search)).toEqual(['', '?since=42']);
  });

  it('pauses and resumes the feed', async () => {
    const api = mockApi(base());
    renderApp('/alerts', { fetch: api.fetch });
    await screen.findByText('live', {}, LOADING);
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByText('paused').closest('[data-feed-state]')).toHaveAttribute('data-feed-state', 'paused');
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('live')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.path === '/api/v1/alerts/watch')).toHaveLength(2);
  });

  it('says why the feed stopped', async () => {
    const api = mockApi(base({ 'GET /api/v1/alerts/watch': apiError(400, 'validation_failed', 'since must be a whole number', { field: 'since' }) }));
    renderApp('/alerts', { fetch: api.fetch });
    const alertBox = await screen.findByRole('alert', {}, LOADING);
    expect(alertBox).toHaveTextContent('The live feed was interrupted');
    expect(alertBox).toHaveTextContent('validation_failed');
    expect(screen.getByText('stopped').closest('[data-feed-state]')).toHaveAttribute('data-feed-state', 'failed');
  });

  it('scans now (POST /alerts/scan) and says what the scan did', async () => {
    const api = mockApi(base({ 'POST /api/v1/alerts/scan': { certificates: 14, raised: 1, durationMs: 35 } }));
    renderApp('/alerts', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Scan now' }, LOADING));
    expect(await screen.findByRole('status')).toHaveTextContent('Last scan: 14 certificates in 35 ms, 1 alert raised.');
    expect(await screen.findByText('Scan done')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/alerts/scan']);
  });

  it('lists the webhook subscriptions with their sources, thresholds, delivery counters and consumer', async () => {
    const api = mockApi(
      base({
        'GET /api/v1/alert-subscriptions': [subscription, { ...subscription, id: 'b', url: 'https://all.example/', sources: undefined, thresholds: undefined }],
      }),
    );
    renderApp('/alerts', { fetch: api.fetch });
    const table = await screen.findByRole('table', { name: 'Webhook subscriptions' }, LOADING);
    const row = (url: string) => within(table).getByText(url).closest('tr') as HTMLElement;
    await within(table).findByText('https://ops.example/hooks/certgate');
    expect(row('https://ops.example/hooks/certgate')).toHaveTextContent('keystore');
    expect(row('https://ops.example/hooks/certgate')).toHaveTextContent('30 d, expired');
    expect(row('https://ops.example/hooks/certgate')).toHaveTextContent('webhook-a3f9c2d1e0b84c7f');
    expect(row('https://ops.example/hooks/certgate')).toHaveTextContent(/12 delivered.*2 failed.*1 pending/);
    expect(row('https://ops.example/hooks/certgate')).toHaveTextContent('receiver answered HTTP 503');
    expect(row('https://all.example/')).toHaveTextContent(/allall/);
  });

  it('adds a subscription (url, secret, sources, thresholds); a refused URL is shown next to its field', async () => {
    let subs: object[] = [];
    let answer: Response | undefined = apiError(400, 'validation_failed', 'invalid request body: url: url must be an absolute http(s) URL', { field: 'url' });
    const api = mockApi(
      base({
        'GET /api/v1/alert-subscriptions': () => subs,
        'POST /api/v1/alert-subscriptions': () => {
          if (answer) return answer;
          subs = [subscription];
          return subscription;
        },
      }),
    );
    renderApp('/alerts', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Add subscription' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook subscription' });
    await userEvent.type(within(dialog).getByLabelText(/URL/), 'https://ops.example/hooks/certgate');
    await userEvent.type(within(dialog).getByLabelText(/Secret/), 'short');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add subscription' }));
    expect(await within(dialog).findByText(/16–256 characters: it keys/)).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getByLabelText(/Secret/), '-and-now-long-enough');
    await userEvent.click(within(dialog).getByLabelText('Sources'));
    await userEvent.click(await screen.findByRole('option', { name: 'keystore', hidden: true }));
    await userEvent.type(within(dialog).getByLabelText(/Thresholds/), '30{enter}0{enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add subscription' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/URL/)).toHaveAccessibleDescription(expect.stringContaining('validation_failed')));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      url: 'https://ops.example/hooks/certgate',
      secret: 'short-and-now-long-enough',
      sources: ['keystore'],
      thresholds: [30, 0],
    });

    answer = undefined;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add subscription' }));
    const table = await screen.findByRole('table', { name: 'Webhook subscriptions' });
    expect(await within(table).findByText('https://ops.example/hooks/certgate')).toBeInTheDocument();
    expect(await screen.findByText('Subscription added')).toBeInTheDocument();
  });

  it('deletes a subscription after confirming', async () => {
    let subs = [subscription];
    const api = mockApi(
      base({
        'GET /api/v1/alert-subscriptions': () => subs,
        'DELETE /api/v1/alert-subscriptions/a3f9c2d1e0b84c7f': () => {
          subs = [];
          return new Response(null, { status: 204 });
        },
      }),
    );
    renderApp('/alerts', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete the subscription of https://ops.example/hooks/certgate' }, LOADING));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this subscription?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No webhook subscription')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/alert-subscriptions/a3f9c2d1e0b84c7f']);
  });
});
