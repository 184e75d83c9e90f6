import { routeMiss, servedRoutes, type ServedRoute } from './route-miss';

const routes: ServedRoute[] = [
  { method: 'GET', path: '/api/v1/flows' },
  { method: 'GET', path: '/api/v1/flows/:id' },
  { method: 'PUT', path: '/api/v1/flows/:id' },
  { method: 'DELETE', path: '/api/v1/flows/:id' },
  { method: 'GET', path: '/api/v1/service-instances/:name/keys/:key' },
  { method: 'POST', path: '/api/v1/roles' },
];

const miss = (method: string, path: string) => {
  const err = routeMiss(method, path, routes);
  return { status: err.httpStatus, code: err.code, message: err.message, details: err.details };
};

describe('routeMiss: what a request no route takes is told', () => {
  it('an empty or left-off path parameter: 404 naming it and the route that needs it', () => {
    expect(miss('PUT', '/api/v1/flows/')).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'no route PUT /api/v1/flows/: the path parameter {id} is missing (PUT /api/v1/flows/{id} needs it)',
    });
    expect(miss('PUT', '/api/v1/flows').message).toBe('no route PUT /api/v1/flows: the path parameter {id} is missing (PUT /api/v1/flows/{id} needs it)');
    expect(miss('DELETE', '/api/v1/flows/').details).toEqual({ method: 'DELETE', path: '/api/v1/flows/', route: '/api/v1/flows/{id}', missing: ['id'] });
    expect(miss('GET', '/api/v1/service-instances//keys/')).toMatchObject({
      message:
        'no route GET /api/v1/service-instances//keys/: the path parameters {name}, {key} are missing (GET /api/v1/service-instances/{name}/keys/{key} needs them)',
      details: { missing: ['name', 'key'] },
    });
    // HEAD is served by GET routes.
    expect(miss('HEAD', '/api/v1/service-instances/a/keys/').details).toMatchObject({ missing: ['key'] });
  });

  it('a method the path does not take: 405 with the methods it takes (HEAD with GET); case and a trailing slash as Express has them', () => {
    expect(miss('PATCH', '/api/v1/flows/f1')).toEqual({
      status: 405,
      code: 'method_not_allowed',
      message: 'no route PATCH /api/v1/flows/f1: this path takes DELETE, GET, HEAD, PUT',
      details: { method: 'PATCH', path: '/api/v1/flows/f1', allowed: ['DELETE', 'GET', 'HEAD', 'PUT'] },
    });
    expect(miss('post', '/API/v1/Flows/').details).toMatchObject({ method: 'POST', allowed: ['GET', 'HEAD'] });
    expect(miss('DELETE', '/api/v1/roles').details).toMatchObject({ allowed: ['POST'] });
  });

  it('anything else: 404 naming the method and path', () => {
    expect(miss('GET', '/api/v1/nope')).toEqual({
      status: 404,
      code: 'not_found',
      message: 'no route GET /api/v1/nope: the admin API has no such path (its routes are listed at /api/docs)',
      details: { method: 'GET', path: '/api/v1/nope' },
    });
    expect(miss('GET', '/api/v1/flows/a/b').code).toBe('not_found');
  });

  it("reads an Express app's routes once, from its router", () => {
    const app = { router: { stack: [{ route: { path: '/x/:id', methods: { get: true, _all: true } } }, { name: 'query' }] } };
    expect(servedRoutes(app)).toEqual([{ method: 'GET', path: '/x/:id' }]);
    app.router.stack = [];
    expect(servedRoutes(app)).toHaveLength(1);
  });
});
