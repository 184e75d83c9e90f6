import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, HEALTH, mockApi, renderApp, TEST_TOKEN } from '../test/render';
import { tokenStore } from './token-store';

const EMPTY_OVERVIEW = {
  'GET /api/v1/certificates': [],
  'GET /api/v1/alerts': [],
  'GET /api/v1/ingress/trusted-roots': [],
  'GET /api/v1/roles': [],
  'GET /api/v1/service-instances': [],
  'GET /api/v1/flows': [],
};

describe('sign-in with the admin token', () => {
  it('asks for the token first, whatever page was asked for', async () => {
    const { fetch } = mockApi({});
    renderApp('/roles', { fetch, signedIn: false });
    expect(await screen.findByRole('heading', { name: 'Sign in to certgate' })).toBeInTheDocument();
  });

  it('checks the token with GET /api/v1/health, keeps it in sessionStorage and opens the page that was asked for', async () => {
    const api = mockApi({
      'GET /api/v1/health': HEALTH,
      'GET /api/v1/roles': [{ name: 'ESBMessaging.send', description: 'predefined', predefined: true, createdAt: '2026-01-01T00:00:00.000Z' }],
    });
    renderApp('/roles', { fetch: api.fetch, signedIn: false });
    await userEvent.type(await screen.findByLabelText(/Admin token/), ` ${TEST_TOKEN} `);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Roles' })).toBeInTheDocument();
    expect(api.calls[0]).toMatchObject({ method: 'GET', path: '/api/v1/health', authorization: `Bearer ${TEST_TOKEN}` });
    expect(tokenStore.read()).toBe(TEST_TOKEN);
    // Every later call carries it.
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/roles')).toBe(true));
    expect(api.calls.every((c) => c.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true);
  });

  it('puts a refused token (401) next to the field, with the message and the code, and keeps nothing', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/health': apiError(401, 'unauthorized', 'the bearer token is not the admin token') });
    renderApp('/', { fetch, signedIn: false });
    const input = await screen.findByLabelText(/Admin token/);
    await userEvent.type(input, 'not-the-token');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/the bearer token is not the admin token/)).toBeInTheDocument();
    const field = screen.getByLabelText(/Admin token/);
    expect(field).toHaveAttribute('data-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('unauthorized'));
    expect(tokenStore.read()).toBeUndefined();
  });

  it('shows any other failure above the form with its code', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/health': apiError(503, 'service_unavailable', 'no service answers on certgate.default.health.v1') });
    renderApp('/', { fetch, signedIn: false });
    await userEvent.type(await screen.findByLabelText(/Admin token/), TEST_TOKEN);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not sign in')).toBeInTheDocument();
    expect(within(alert).getByText('service_unavailable')).toBeInTheDocument();
  });

  it('signing out forgets the token', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/health': HEALTH, ...EMPTY_OVERVIEW });
    renderApp('/', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to certgate' })).toBeInTheDocument();
    expect(tokenStore.read()).toBeUndefined();
  });

  it('a 401 from any call signs out, saying why', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/health': apiError(401, 'unauthorized', 'the bearer token is not the admin token'), ...EMPTY_OVERVIEW });
    renderApp('/', { fetch });
    expect(await screen.findByRole('heading', { name: 'Sign in to certgate' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('no longer accepts the admin token');
    expect(tokenStore.read()).toBeUndefined();
  });
});
