import { CertgateError, ErrorCode } from '@certgate/contracts';

/** A route the console serves: its method (`GET`, upper case) and Express path (`/api/v1/flows/:id`). */
export interface ServedRoute {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
}

const cache = new WeakMap<object, ServedRoute[]>();

/**
 * The routes of an Express app (Nest registers each handler as an Express route), read
 * once from its router when the first request misses: every route exists by then.
 */
export function servedRoutes(expressApp: object): ServedRoute[] {
  let routes = cache.get(expressApp);
  if (!routes) {
    const stack = ((expressApp as { router?: { stack?: RouterLayer[] } }).router?.stack ?? []) as RouterLayer[];
    routes = stack.flatMap(({ route }) =>
      typeof route?.path === 'string'
        ? Object.keys(route.methods ?? {})
            .filter((m) => m !== '_all')
            .map((m) => ({ method: m.toUpperCase(), path: route.path as string }))
        : [],
    );
    cache.set(expressApp, routes);
  }
  return routes;
}

/** `/api/v1/flows/:id` → `/api/v1/flows/{id}`, as the OpenAPI document writes it. */
const documented = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * How a route's path takes a request path: `match` (every parameter has a value),
 * `empty` (it would, but a parameter is empty or left off at the end: `PUT /flows/`,
 * `/service-instances//keys`), or undefined. Express matches `/roles/` as `/roles`.
 * Paths with other syntax than `:name` (wildcards, optional parts) are never matched
 * here; the console has none.
 */
function matchRoute(route: string, path: string): { empty: string[] } | undefined {
  if (/[*?{}()]/.test(route)) return undefined;
  const want = route.split('/');
  const got = path.split('/');
  if (got.length === want.length + 1 && got[got.length - 1] === '') got.pop();
  // A parameter left off at the end (`PUT /flows` for `PUT /flows/:id`) is an empty one.
  if (got.length === want.length - 1 && want[want.length - 1].startsWith(':')) got.push('');
  if (got.length !== want.length) return undefined;
  const empty: string[] = [];
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (got[i] === '') empty.push(want[i].slice(1));
    } else if (want[i].toLowerCase() !== got[i].toLowerCase()) {
      return undefined;
    }
  }
  return { empty };
}

/** The methods a path takes, as `Allow` lists them (`HEAD` wherever `GET` is). */
function allowedMethods(routes: readonly ServedRoute[], path: string): string[] {
  const methods = new Set(routes.filter((r) => matchRoute(r.path, path)?.empty.length === 0).map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * The answer to a request no route took, naming the method and path:
 *
 * - a route of that method would take it but for an empty or left-off path parameter
 *   (`PUT /api/v1/flows/`): 404 `not_found` saying which parameter is missing;
 * - other methods take the path: 405 `method_not_allowed` with `details.allowed` (the
 *   filter sends them as `Allow`);
 * - otherwise 404 `not_found`.
 */
export function routeMiss(method: string, path: string, routes: readonly ServedRoute[]): CertgateError {
  const upper = method.toUpperCase();
  const sameMethod = (r: ServedRoute) => r.method === upper || (upper === 'HEAD' && r.method === 'GET');
  for (const route of routes.filter(sameMethod)) {
    const empty = matchRoute(route.path, path)?.empty;
    if (empty?.length) {
      const names = empty.map((n) => `{${n}}`).join(', ');
      return new CertgateError(
        ErrorCode.notFound,
        `no route ${upper} ${path}: ${empty.length > 1 ? `the path parameters ${names} are` : `the path parameter ${names} is`} missing (${upper} ${documented(route.path)} needs ${empty.length > 1 ? 'them' : 'it'})`,
        { method: upper, path, route: documented(route.path), missing: empty },
      );
    }
  }
  const allowed = allowedMethods(routes, path);
  if (allowed.length) {
    return new CertgateError(ErrorCode.methodNotAllowed, `no route ${upper} ${path}: this path takes ${allowed.join(', ')}`, { method: upper, path, allowed });
  }
  return new CertgateError(ErrorCode.notFound, `no route ${upper} ${path}: the admin API has no such path (its routes are listed at /api/docs)`, {
    method: upper,
    path,
  });
}
