import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { ApiError, apiErrorOf } from './errors';
import type { paths } from './schema';

export interface ApiClientOptions {
  /**
   * The CSRF token of the session, read for every change (kept in memory by AuthProvider,
   * never stored): the session cookie alone does not make a POST, PUT, PATCH or DELETE.
   */
  csrfToken?: () => string | undefined;
  /** Called when the console answers 401: the token is no longer accepted. */
  onUnauthorized?: (err: ApiError) => void;
  /** Called when the console answers 403: the operator's roles may have changed since sign-in. */
  onForbidden?: (err: ApiError) => void;
  /** The fetch to use; component tests pass a mock here (the openapi-fetch boundary). */
  fetch?: typeof fetch;
  /** Origin of the console; the page's own by default. */
  baseUrl?: string;
}

/** Methods that change nothing: the console asks no CSRF token of them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one middleware: adds `X-CSRF-Token` to every change (the session cookie goes by
 * itself), and turns every answer that is not 2xx into a thrown {@link ApiError} (so
 * `data` is always there on success), a fetch that failed into one with status 0.
 */
function csrfAndErrors(opts: ApiClientOptions): Middleware {
  return {
    onRequest({ request }) {
      const csrf = opts.csrfToken?.();
      if (csrf && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrf);
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) return response;
      const err = await apiErrorOf(response);
      if (err.status === 401) opts.onUnauthorized?.(err);
      if (err.status === 403) opts.onForbidden?.(err);
      throw err;
    },
    onError({ error }) {
      if (error instanceof DOMException && error.name === 'AbortError') return error;
      return new ApiError(0, 'network_error', `the console did not answer: ${error instanceof Error ? error.message : String(error)}`);
    },
  };
}

/**
 * The typed client of the console API (openapi-fetch over apps/console/openapi.json's
 * types). It authenticates with the session cookie (httpOnly, `Path=/api`), which the
 * browser sends to its own origin: no token is held by the page.
 */
export function createApiClient(opts: ApiClientOptions = {}) {
  const client = createFetchClient<paths>({
    baseUrl: opts.baseUrl ?? window.location.origin,
    credentials: 'same-origin',
    ...(opts.fetch && { fetch: opts.fetch }),
  });
  client.use(csrfAndErrors(opts));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** TanStack Query hooks over the client: `$api.useQuery('get', '/api/v1/roles')`, `$api.useMutation('post', '/api/v1/roles')`. */
export function createApiHooks(client: ApiClient) {
  return createQueryHooks(client);
}

export type ApiHooks = ReturnType<typeof createApiHooks>;
