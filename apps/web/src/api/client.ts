import createFetchClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { ApiError, apiErrorOf } from './errors';
import type { paths } from './schema';

export interface ApiClientOptions {
  /** The admin token of the signed-in operator (read for every request, never stored here). */
  token: () => string | undefined;
  /** Called when the console answers 401: the token is no longer accepted. */
  onUnauthorized?: (err: ApiError) => void;
  /** The fetch to use; component tests pass a mock here (the openapi-fetch boundary). */
  fetch?: typeof fetch;
  /** Origin of the console; the page's own by default. */
  baseUrl?: string;
}

/**
 * The one middleware: adds `Authorization: Bearer <token>`, and turns every answer that
 * is not 2xx into a thrown {@link ApiError} (so `data` is always there on success), a
 * fetch that failed into one with status 0.
 */
function tokenAndErrors(opts: ApiClientOptions): Middleware {
  return {
    onRequest({ request }) {
      const token = opts.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) return response;
      const err = await apiErrorOf(response);
      if (err.status === 401) opts.onUnauthorized?.(err);
      throw err;
    },
    onError({ error }) {
      if (error instanceof DOMException && error.name === 'AbortError') return error;
      return new ApiError(0, 'network_error', `the console did not answer: ${error instanceof Error ? error.message : String(error)}`);
    },
  };
}

/** The typed client of the console API (openapi-fetch over apps/console/openapi.json's types). */
export function createApiClient(opts: ApiClientOptions) {
  const client = createFetchClient<paths>({ baseUrl: opts.baseUrl ?? window.location.origin, ...(opts.fetch && { fetch: opts.fetch }) });
  client.use(tokenAndErrors(opts));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** TanStack Query hooks over the client: `$api.useQuery('get', '/api/v1/roles')`, `$api.useMutation('post', '/api/v1/roles')`. */
export function createApiHooks(client: ApiClient) {
  return createQueryHooks(client);
}

export type ApiHooks = ReturnType<typeof createApiHooks>;
