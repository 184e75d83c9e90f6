// Helpers of the component tests: the whole app (providers, routes) at a path, with the
// API mocked at the openapi-fetch boundary (the `fetch` the client is given).
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../AppProviders';
import { tokenStore } from '../auth/token-store';
import { routes } from '../routes';

export const TEST_TOKEN = 'an-admin-token-of-the-test';

/** A JSON answer. */
export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The console's error body `{error, message, details?}`. */
export const apiError = (status: number, error: string, message: string, details?: Record<string, unknown>) =>
  json(status, { error, message, ...(details && { details }) });

export interface Call {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  body?: unknown;
}

type Handler = unknown | ((call: Call) => unknown);

/**
 * A fetch answering `"<METHOD> <path>"` keys (e.g. `'GET /api/v1/roles'`): a value is sent
 * as 200 JSON, a Response as it is, a function is called with the call. Anything else is
 * a 404 naming the call. `calls` lists every call made.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    const call: Call = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      authorization: request.headers.get('authorization'),
      ...(text && { body: JSON.parse(text) as unknown }),
    };
    calls.push(call);
    const handler = handlers[`${call.method} ${call.path}`];
    if (handler === undefined) return apiError(404, 'not_found', `no mock for ${call.method} ${call.path}`);
    const answer = typeof handler === 'function' ? await (handler as (c: Call) => unknown)(call) : handler;
    return answer instanceof Response ? answer : json(call.method === 'POST' ? 201 : 200, answer);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** The app at `path`, signed in (the token in sessionStorage) unless `signedIn: false`. */
export function renderApp(path: string, { fetch, signedIn = true }: { fetch: typeof globalThis.fetch; signedIn?: boolean }) {
  if (signedIn) tokenStore.write(TEST_TOKEN);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <AppProviders fetch={fetch} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}

/** The health answer of a system with every service up, one replica each. */
export const HEALTH = {
  status: 'up',
  checkedAt: '2026-01-10T12:00:00.000Z',
  services: Object.fromEntries(
    ['identity', 'keystore', 'flow-runtime', 'ingress', 'console'].map((service) => [
      service,
      {
        status: 'up',
        replicas: [
          {
            service,
            nodeId: `${service}-1`,
            status: 'up',
            version: '0.1.0',
            startedAt: '2026-01-10T11:00:00.000Z',
            uptimeSeconds: 3600,
            checks: { nats: { status: 'up' } },
          },
        ],
      },
    ]),
  ),
};
