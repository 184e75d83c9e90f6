// Helpers of the component tests: the whole app (providers, routes) at a path, with the
// API mocked at the openapi-fetch boundary (the `fetch` the client is given).
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../AppProviders';
import { GRANTED_BY, type Me, type OperatorRole, type Permission } from '../auth/permissions';
import { routes } from '../routes';

export const TEST_TOKEN = 'an-admin-token-of-the-test';
/** The CSRF token of the test's session (what `GET /me` answers with the session cookie). */
export const TEST_CSRF = 'the-csrf-token-of-the-test-session';

/** A JSON answer. */
export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The console's error body `{error, message, details?}`. */
export const apiError = (status: number, error: string, message: string, details?: Record<string, unknown>) =>
  json(status, { error, message, ...(details && { details }) });

export interface Call {
  method: string;
  path: string;
  search: string;
  /** Bearer header, if any: the web console must never send one (it goes with the session cookie). */
  authorization: string | null;
  /** `X-CSRF-Token`, which every change made with the session cookie carries. */
  csrf: string | null;
  credentials: RequestCredentials;
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
      csrf: request.headers.get('x-csrf-token'),
      credentials: request.credentials,
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

/**
 * `GET /me` of a principal with these roles: an operator's when `operator` is named, the
 * admin token's otherwise; the permissions are those the roles grant.
 */
export function principal(roles: OperatorRole[], operator?: string): Me {
  return {
    kind: operator ? 'operator' : 'admin-token',
    ...(operator && { operator, tokenId: '4f1c2a9b7d3e8a60' }),
    roles,
    permissions: (Object.keys(GRANTED_BY) as Permission[]).filter((p) => GRANTED_BY[p].some((r) => roles.includes(r))),
  };
}

export const ADMIN = principal(['admin']);
export const MONITOR = principal(['monitor'], 'mona');
export const DEVELOPER = principal(['developer'], 'dev');

/**
 * The browser's session cookie, as the console keeps it: `GET /api/v1/me` answers `me`
 * (with the CSRF token) while there is a session, 401 otherwise; a sign-in the handlers
 * accept (`POST /api/v1/auth/session` 201) starts one, a sign-out (`DELETE`) ends it.
 * `/me` is not in `calls`; everything else goes to `fetch`.
 */
function withSession(fetch: typeof globalThis.fetch, me: Me | undefined): typeof globalThis.fetch {
  let session = me && { ...me, kind: 'session' as const, via: 'token' as const, csrfToken: TEST_CSRF };
  return async (input, init) => {
    // Read without making a Request of it: that would use up the body `fetch` still has to read.
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://localhost').pathname;
    if (method === 'GET' && path === '/api/v1/me') return session ? json(200, session) : apiError(401, 'unauthorized', 'no session: sign in');
    const answer = await fetch(input, init);
    if (method === 'POST' && path === '/api/v1/auth/session' && answer.status === 201)
      session = ((await answer.clone().json()) as { principal: NonNullable<typeof session> }).principal;
    if (method === 'DELETE' && path === '/api/v1/auth/session' && answer.ok) session = undefined;
    return answer;
  };
}

export interface RenderOptions {
  fetch: typeof globalThis.fetch;
  /** Signed in (the default), or at the sign-in page. */
  signedIn?: boolean;
  /** Who is signed in: the admin token's session by default (every permission). */
  as?: Me;
  /** False: no stand-in for the session, the handlers answer `GET /me` and the sign-in themselves. */
  session?: boolean;
}

/** The app at `path`, with a session of `as` (`GET /me` answers it) unless `signedIn: false`. */
export function renderApp(path: string, { fetch, signedIn = true, as = ADMIN, session = true }: RenderOptions) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <AppProviders fetch={session ? withSession(fetch, signedIn ? as : undefined) : fetch} queryClient={queryClient}>
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
