import { BadRequestException, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { ApiErrorFilter } from './error.filter';

/** The Express router of an app serving GET/POST /api/v1/roles, GET/DELETE /api/v1/roles/:name and PUT /api/v1/flows/:id. */
const router = {
  stack: [
    { route: { path: '/api/v1/roles', methods: { get: true, post: true } } },
    { route: { path: '/api/v1/roles/:name', methods: { get: true, delete: true } } },
    { route: { path: '/api/v1/flows/:id', methods: { put: true } } },
    { name: 'jsonParser' },
  ],
};

/** The answer to an error, its headers but Content-Type (always JSON: checked here). */
function respond(
  err: unknown,
  request: { method?: string; url?: string; route?: object } = {},
  headers: Record<string, string> = {},
): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const out = { status: 0, body: {} as Record<string, unknown>, headers: { ...headers } };
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => (out.headers[name] = value),
    removeHeader: (name: string) => delete out.headers[name],
    status: (s: number) => ((out.status = s), res),
    json: (b: Record<string, unknown>) => (out.body = b),
  };
  const req = { method: request.method ?? 'GET', originalUrl: request.url ?? '/api/v1/roles', route: request.route, headers: {}, app: { router } };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new ApiErrorFilter().catch(err, host);
  expect(out.headers['Content-Type']).toBe('application/json; charset=utf-8');
  delete out.headers['Content-Type'];
  return out;
}

describe('ApiErrorFilter: every error in the design shape {error, message, details?}', () => {
  it('maps a CertgateError to its status, code, message and details', () => {
    const err = new CertgateError(ErrorCode.certificateInUse, "certificate is already in key 'k1' of instance 'a'", { instance: 'a', key: 'k1' });
    expect(respond(err)).toEqual({
      status: 409,
      headers: {},
      body: { error: 'certificate_in_use', message: err.message, details: { instance: 'a', key: 'k1' } },
    });
  });

  it.each([
    [new BadRequestException('Failed to decode param'), 400, 'bad_request'],
    [new NotFoundException('no such thing'), 404, 'not_found'],
    [new PayloadTooLargeException('too large'), 413, 'payload_too_large'],
  ])('maps framework HTTP errors raised in a route keeping their message (%#)', (err, status, code) => {
    const out = respond(err, { route: { path: '/api/v1/roles' } });
    expect(out.status).toBe(status);
    expect(out.body).toEqual({ error: code, message: (err as Error).message });
  });

  it("answers a request no route takes (Nest's `Cannot PUT …`) naming the method and path, not Express' words", () => {
    const miss = (method: string, url: string) => respond(new NotFoundException(`Cannot ${method} ${url}`), { method, url });
    expect(miss('GET', '/api/v1/nope?x=1')).toEqual({
      status: 404,
      headers: {},
      body: {
        error: 'not_found',
        message: 'no route GET /api/v1/nope: the admin API has no such path (its routes are listed at /api/docs)',
        details: { method: 'GET', path: '/api/v1/nope' },
      },
    });
    expect(miss('PUT', '/api/v1/flows/')).toEqual({
      status: 404,
      headers: {},
      body: {
        error: 'not_found',
        message: 'no route PUT /api/v1/flows/: the path parameter {id} is missing (PUT /api/v1/flows/{id} needs it)',
        details: { method: 'PUT', path: '/api/v1/flows/', route: '/api/v1/flows/{id}', missing: ['id'] },
      },
    });
    expect(miss('PATCH', '/api/v1/roles/Role1')).toEqual({
      status: 405,
      headers: { Allow: 'DELETE, GET, HEAD' },
      body: {
        error: 'method_not_allowed',
        message: 'no route PATCH /api/v1/roles/Role1: this path takes DELETE, GET, HEAD',
        details: { method: 'PATCH', path: '/api/v1/roles/Role1', allowed: ['DELETE', 'GET', 'HEAD'] },
      },
    });
  });

  it("maps the body reader's errors that reach it: not JSON → invalid_json, too large → 413 naming the limit, bad charset → 415", () => {
    const parse = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { status: 400, expose: true, type: 'entity.parse.failed' });
    expect(respond(parse)).toEqual({
      status: 400,
      headers: {},
      body: { error: 'invalid_json', message: 'request body is not valid JSON: Unexpected token } in JSON at position 9' },
    });
    const large = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(respond(large)).toEqual({
      status: 413,
      headers: {},
      body: { error: 'payload_too_large', message: 'request body exceeds 1 MiB (1048576 bytes)', details: { limit: 1048576 } },
    });
    const charset = Object.assign(new Error('unsupported charset "LATIN1"'), { status: 415, expose: true, type: 'charset.unsupported', charset: 'latin1' });
    expect(respond(charset).body).toMatchObject({ error: 'unsupported_media_type', message: expect.stringContaining('charset latin1') });
    const other = Object.assign(new Error('some client error'), { status: 400, expose: true, type: 'something.else' });
    expect(respond(other)).toEqual({ status: 400, headers: {}, body: { error: 'bad_request', message: 'some client error' } });
  });

  it('answers JSON even where the route set another type with @Header (a PEM download), and no attachment', () => {
    const err = new CertgateError(ErrorCode.unknownParameter, "unknown query parameter 'a[b]'", { parameter: 'a[b]' });
    const out = respond(
      err,
      { route: { path: '/api/v1/ingress/server-chain' } },
      { 'Content-Type': 'application/x-pem-file', 'Content-Disposition': 'attachment' },
    );
    expect(out).toMatchObject({ status: 400, headers: {}, body: { error: 'unknown_parameter' } });
  });

  it('answers an unknown error as a bare 500 without its text or stack', () => {
    const out = respond(new Error('db password is hunter2'));
    expect(out).toEqual({ status: 500, headers: {}, body: { error: 'internal_error', message: 'internal error' } });
  });
});
