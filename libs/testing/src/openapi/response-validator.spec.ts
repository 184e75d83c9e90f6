import { checkExchanges, OpenApiResponseValidator, type OpenApiDocument, type RecordedExchange } from './response-validator';

const error = (codes: string[]) => ({
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { error: { type: 'string', enum: codes }, message: { type: 'string' }, details: { type: 'object' } },
        required: ['error', 'message'],
        additionalProperties: false,
      },
    },
  },
});

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/roles/{name}': {
      get: {
        operationId: 'RolesController_get',
        responses: {
          200: { description: 'the role', content: { 'application/json': { schema: { $ref: '#/components/schemas/Role' } } } },
          404: { description: 'no such role', ...error(['role_not_found']) },
        },
      },
      delete: { operationId: 'RolesController_remove', responses: { 204: { description: 'deleted' } } },
    },
    '/api/v1/roles/{name}/json': {
      get: { operationId: 'RolesController_json', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { const: 'json' } } } } } },
    },
    '/api/v1/alerts/{id}': {
      get: { operationId: 'AlertsController_one', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { const: 'by id' } } } } } },
    },
    '/api/v1/alerts/watch': {
      get: {
        operationId: 'AlertWatchController_watch',
        responses: { 200: { description: 'events', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
    '/api/v1/entries/{alias}/certificate': {
      get: {
        operationId: 'EntriesController_certificate',
        responses: {
          200: {
            description: 'PEM or DER',
            content: {
              'application/x-pem-file': { schema: { type: 'string' } },
              'application/pkix-cert': { schema: { type: 'string', contentMediaType: 'application/pkix-cert' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Role: {
        type: 'object',
        properties: { name: { type: 'string' }, predefined: { type: 'boolean' }, createdAt: { type: 'string', format: 'date-time' } },
        required: ['name', 'predefined'],
        additionalProperties: false,
      },
    },
  },
} as OpenApiDocument;

const validator = new OpenApiResponseValidator(document);
const get = (path: string, status: number, body?: unknown, contentType = 'application/json; charset=utf-8'): RecordedExchange => ({
  method: 'GET',
  path,
  status,
  contentType,
  ...(body !== undefined && { body }),
});

describe('OpenApiResponseValidator: responses against the operations of an OpenAPI 3.1 document', () => {
  it('accepts a response the document describes (through a $ref, content type with parameters)', () => {
    expect(validator.check(get('/api/v1/roles/Role1', 200, { name: 'Role1', predefined: false, createdAt: '2025-01-31T12:00:00Z' }))).toEqual([]);
    expect(validator.check(get('/api/v1/roles/Nope', 404, { error: 'role_not_found', message: "no role 'Nope'" }))).toEqual([]);
    expect(validator.check({ method: 'DELETE', path: '/api/v1/roles/Role1', status: 204 })).toEqual([]);
  });

  it('fails a wrong body, naming the operation, the status and the Ajv error path', () => {
    expect(validator.check(get('/api/v1/roles/Role1', 200, { name: 'Role1', predefined: 'no', url: 'x' }))).toEqual([
      'RolesController_get (GET /api/v1/roles/{name}) → 200: body must NOT have additional properties {"additionalProperty":"url"} (schema #/additionalProperties)',
      'RolesController_get (GET /api/v1/roles/{name}) → 200: body/predefined must be boolean {"type":"boolean"} (schema #/properties/predefined/type)',
    ]);
    expect(validator.check(get('/api/v1/roles/Role1', 404, { error: 'not_found', message: 'x' }))).toEqual([
      expect.stringMatching(/^RolesController_get \(GET \/api\/v1\/roles\/\{name\}\) → 404: body\/error must be equal to one of the allowed values/),
    ]);
    expect(validator.check(get('/api/v1/roles/Role1', 200, { name: 'Role1', predefined: true, createdAt: 'yesterday' }))).toEqual([
      expect.stringContaining('body/createdAt must match format "date-time"'),
    ]);
  });

  it('fails a status the operation does not list', () => {
    expect(validator.check(get('/api/v1/roles/Role1', 409, { error: 'role_in_use', message: 'x' }))).toEqual([
      'RolesController_get (GET /api/v1/roles/{name}) → 409: status 409 is not documented (the operation lists 200, 404)',
    ]);
  });

  it('fails a path or method the document has no operation for, unless the suite called it as a route outside the API', () => {
    expect(validator.check(get('/api/v1/no-such-thing', 404, { error: 'not_found', message: 'Cannot GET' }))).toEqual([
      'GET /api/v1/no-such-thing → 404: the document has no operation for GET /api/v1/no-such-thing',
    ]);
    expect(validator.check({ method: 'PUT', path: '/api/v1/roles/Role1', status: 404 })).toEqual([
      'PUT /api/v1/roles/Role1 → 404: the document has no operation for PUT /api/v1/roles/Role1',
    ]);
    expect(validator.check({ ...get('/api/v1/no-such-thing', 404, {}), undocumented: true })).toEqual([]);
    expect(validator.check({ ...get('/api/v1/roles/x', 404, {}), undocumented: true })).toEqual([
      'GET /api/v1/roles/x → 404: called as a route outside the API, but the document has GET /api/v1/roles/{name}',
    ]);
  });

  it('checks content types: one of the response, and no body where the document gives none', () => {
    expect(validator.check(get('/api/v1/entries/a/certificate', 200, undefined, 'application/pkix-cert'))).toEqual([]);
    expect(validator.check({ ...get('/api/v1/entries/a/certificate', 200, undefined, 'application/x-pem-file; charset=utf-8'), bytes: 600 })).toEqual([]);
    expect(validator.check(get('/api/v1/entries/a/certificate', 200, undefined, 'application/octet-stream'))).toEqual([
      'EntriesController_certificate (GET /api/v1/entries/{alias}/certificate) → 200: content type application/octet-stream is not documented (the response lists application/x-pem-file, application/pkix-cert)',
    ]);
    expect(validator.check({ method: 'DELETE', path: '/api/v1/roles/Role1', status: 204, contentType: 'application/json', body: {} })).toEqual([
      'RolesController_remove (DELETE /api/v1/roles/{name}) → 204: the document gives this response no body, but it had one (application/json)',
    ]);
    expect(validator.check(get('/api/v1/roles/Role1', 200, undefined, 'text/html'))).toEqual([
      expect.stringContaining('content type text/html is not documented'),
    ]);
  });

  it('matches the most literal path template: /alerts/watch before /alerts/{id}, /roles/{name}/json before nothing', () => {
    expect(validator.templateOf('GET', '/api/v1/alerts/watch')).toBe('/api/v1/alerts/watch');
    expect(validator.templateOf('GET', '/api/v1/alerts/a1')).toBe('/api/v1/alerts/{id}');
    expect(validator.templateOf('GET', '/api/v1/roles/ESBMessaging.send/json')).toBe('/api/v1/roles/{name}/json');
    expect(validator.templateOf('GET', '/api/v1/roles/john.doe%40acme.com')).toBe('/api/v1/roles/{name}');
    expect(validator.check(get('/api/v1/alerts/watch', 200, undefined, 'text/event-stream; charset=utf-8'))).toEqual([]);
  });

  it('refuses a document that is not OpenAPI 3.1', () => {
    expect(() => new OpenApiResponseValidator({ openapi: '3.0.0', paths: {} })).toThrow('expected an OpenAPI 3.1 document, got openapi: 3.0.0');
  });

  it('reports each kind of problem once, with how often and where it was first seen', () => {
    const wrong = { ...get('/api/v1/roles/R', 200, { name: 1, predefined: true }), source: 'a.jsonl:3' };
    expect(
      checkExchanges(document, [wrong, { ...wrong, source: 'a.jsonl:9' }, get('/api/v1/roles/R', 404, { error: 'role_not_found', message: 'm' })]),
    ).toEqual([
      'RolesController_get (GET /api/v1/roles/{name}) → 200: body/name must be string {"type":"string"} (schema #/properties/name/type) (2 times) [a.jsonl:3]',
    ]);
  });
});
