import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, apiError, HEALTH, json, mockApi, MONITOR, renderApp, TEST_CSRF, TEST_TOKEN } from '../test/render';

const EMPTY_OVERVIEW = {
  'GET /api/v1/health': HEALTH,
  'GET /api/v1/certificates': [],
  'GET /api/v1/alerts': [],
  'GET /api/v1/ingress/trusted-roots': [],
  'GET /api/v1/roles': [],
  'GET /api/v1/service-instances': [],
  'GET /api/v1/flows': [],
};

const SIGNED_IN = {
  principal: { ...ADMIN, kind: 'session', via: 'token', sessionId: '9c0f4e1d2b7a45e8a3f6d1c0b9e8a7f6', csrfToken: 'csrf-of-the-new-session' },
  csrfToken: 'csrf-of-the-new-session',
  expiresAt: '2026-01-10T20:00:00.000Z',
};

const role = (name: string) => ({ name, description: `${name} role`, predefined: false, createdAt: '2026-01-01T00:00:00.000Z' });

describe('sign-in with a token: a session cookie', () => {
  it('asks to sign in first, whatever page was asked for (GET /me answers 401: no session)', async () => {
    const { fetch } = mockApi({});
    renderApp('/roles', { fetch, signedIn: false });
    expect(await screen.findByRole('heading', { name: 'Sign in to certgate' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('trades the token for a session (POST /auth/session), keeps nothing in storage, and opens the page that was asked for', async () => {
    const api = mockApi({
      'POST /api/v1/auth/session': SIGNED_IN,
      'GET /api/v1/roles': [role('Orders')],
      'POST /api/v1/roles': role('Invoices'),
    });
    renderApp('/roles', { fetch: api.fetch, signedIn: false });
    await userEvent.type(await screen.findByLabelText(/Admin token or API token/), ` ${TEST_TOKEN} `);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Roles' })).toBeInTheDocument();
    const signIn = api.calls.findIndex((c) => c.method === 'POST' && c.path === '/api/v1/auth/session');
    expect(api.calls[signIn]?.body).toEqual({ token: TEST_TOKEN });
    expect(sessionStorage.length + localStorage.length).toBe(0);

    // Every later call goes with the cookie alone; a change carries the session's CSRF token.
    await userEvent.click(await screen.findByRole('button', { name: 'Create role' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a role' });
    await userEvent.type(within(dialog).getByLabelText(/Name/), 'Invoices');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create role' }));
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/roles' && c.method === 'POST')).toBe(true));
    const later = api.calls.slice(signIn + 1);
    expect(later.every((c) => c.authorization === null && c.credentials === 'same-origin' && !c.search.includes(TEST_TOKEN))).toBe(true);
    expect(later.find((c) => c.method === 'POST')?.csrf).toBe('csrf-of-the-new-session');
    expect(later.find((c) => c.method === 'GET')?.csrf).toBeNull();
  });

  it('after a reload the session cookie signs in by itself, and changes carry the CSRF token GET /me answers', async () => {
    const api = mockApi({ 'GET /api/v1/roles': [role('Orders')], 'DELETE /api/v1/roles/Orders': new Response(null, { status: 204 }) });
    renderApp('/roles', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete role Orders' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Delete role Orders?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'DELETE')?.csrf).toBe(TEST_CSRF));
  });

  it('puts a refused token (401) next to the field, with the message and the code', async () => {
    const { fetch } = mockApi({ 'POST /api/v1/auth/session': apiError(401, 'unauthorized', 'the bearer token is neither the admin token nor an API token') });
    renderApp('/', { fetch, signedIn: false });
    const input = await screen.findByLabelText(/Admin token or API token/);
    await userEvent.type(input, 'not-the-token');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/neither the admin token nor an API token/)).toBeInTheDocument();
    const field = screen.getByLabelText(/Admin token or API token/);
    expect(field).toHaveAttribute('data-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('unauthorized'));
  });

  it('shows any other failure above the form with its code', async () => {
    const { fetch } = mockApi({ 'POST /api/v1/auth/session': apiError(503, 'service_unavailable', 'no service answers on certgate.default.identity.v1') });
    renderApp('/', { fetch, signedIn: false });
    await userEvent.type(await screen.findByLabelText(/Admin token or API token/), TEST_TOKEN);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not sign in')).toBeInTheDocument();
    expect(within(alert).getByText('service_unavailable')).toBeInTheDocument();
  });

  it('signing out ends the session on the console (DELETE /auth/session with the CSRF token)', async () => {
    const api = mockApi({ ...EMPTY_OVERVIEW, 'DELETE /api/v1/auth/session': new Response(null, { status: 204 }) });
    renderApp('/', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to certgate' })).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'DELETE')).toMatchObject({ path: '/api/v1/auth/session', csrf: TEST_CSRF });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says so when the console did not confirm the sign-out', async () => {
    const api = mockApi({ ...EMPTY_OVERVIEW, 'DELETE /api/v1/auth/session': apiError(503, 'service_unavailable', 'identity did not answer') });
    renderApp('/', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('status')).toHaveTextContent('did not confirm the sign-out: identity did not answer');
  });

  it('a 401 from any call signs out, saying why', async () => {
    const { fetch } = mockApi({ ...EMPTY_OVERVIEW, 'GET /api/v1/health': apiError(401, 'unauthorized', 'the session was ended (signed out)') });
    renderApp('/', { fetch });
    expect(await screen.findByRole('heading', { name: 'Sign in to certgate' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('no longer accepts this sign-in: the session was ended (signed out)');
  });

  it('offers to check again when the console does not answer whether the browser is signed in', async () => {
    let answer: Response = apiError(503, 'service_unavailable', 'the console is starting');
    const api = mockApi({ 'GET /api/v1/me': () => answer, ...EMPTY_OVERVIEW });
    renderApp('/', { fetch: api.fetch, session: false });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not check the sign-in');
    expect(alert).toHaveTextContent('service_unavailable');
    answer = json(200, MONITOR);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
  });
});

describe('single sign-on on the sign-in page', () => {
  it('offers "Sign in with <label>" when the console has it, leading to its login URL with the page to come back to', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/auth/config': { sso: { enabled: true, label: 'Acme SSO', loginUrl: '/api/v1/auth/oidc/login' } } });
    renderApp('/logs?status=4xx', { fetch, signedIn: false });
    const link = await screen.findByRole('link', { name: 'Sign in with Acme SSO' });
    expect(link).toHaveAttribute('href', `/api/v1/auth/oidc/login?return=${encodeURIComponent('/logs?status=4xx')}`);
    // The token stays offered beside it.
    expect(screen.getByLabelText(/Admin token or API token/)).toBeInTheDocument();
  });

  it('offers only the token when single sign-on is off', async () => {
    const api = mockApi({ 'GET /api/v1/auth/config': { sso: { enabled: false, label: 'Single sign-on', loginUrl: '/api/v1/auth/oidc/login' } } });
    renderApp('/', { fetch: api.fetch, signedIn: false });
    await screen.findByLabelText(/Admin token or API token/);
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/auth/config')).toBe(true));
    expect(screen.queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
  });

  it('shows why a single sign-on failed (?error=)', async () => {
    const { fetch } = mockApi({});
    renderApp(`/sign-in?error=${encodeURIComponent("the account 'olga' has no certgate role")}`, { fetch, signedIn: false });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Single sign-on did not sign you in');
    expect(alert).toHaveTextContent("the account 'olga' has no certgate role");
  });
});
