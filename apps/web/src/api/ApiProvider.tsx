import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createApiClient, createApiHooks, type ApiClient, type ApiClientOptions, type ApiHooks } from './client';

interface Api {
  /** Plain calls: `await api.GET('/api/v1/roles/{name}/json', { params: { path: { name } } })` (downloads, one-off checks). */
  api: ApiClient;
  /** Query and mutation hooks: `$api.useQuery('get', '/api/v1/roles')`. */
  $api: ApiHooks;
}

const ApiContext = createContext<Api | undefined>(undefined);

/** Makes the API client of the signed-in operator available to the pages (see useApi). */
export function ApiProvider({ children, ...opts }: ApiClientOptions & { children: ReactNode }) {
  const { csrfToken, onUnauthorized, onForbidden, fetch, baseUrl } = opts;
  const value = useMemo(() => {
    const api = createApiClient({ csrfToken, onUnauthorized, onForbidden, fetch, baseUrl });
    return { api, $api: createApiHooks(api) };
  }, [csrfToken, onUnauthorized, onForbidden, fetch, baseUrl]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}
