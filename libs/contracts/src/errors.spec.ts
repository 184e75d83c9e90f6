import { CertgateError, ErrorCode, errorBodySchema, HTTP_STATUS_OF, type ErrorCode as Code, errorMessage } from './errors';

/** Written out on purpose: a change to a status is a change of the public API. */
const EXPECTED_STATUS: Record<Code, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  invalid_client: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  service_unavailable: 503,
  timeout: 503,
  unreachable: 502,
  internal_error: 500,
};
const ALL_CODES = Object.values(ErrorCode);

describe('ErrorCode', () => {
  it('lists exactly the codes with a defined HTTP status', () => {
    expect([...ALL_CODES].sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
    expect(HTTP_STATUS_OF).toEqual(EXPECTED_STATUS);
  });
});

describe('CertgateError', () => {
  it.each(ALL_CODES.map((c) => [c, EXPECTED_STATUS[c]] as const))('%s → HTTP %i', (code, status) => {
    expect(new CertgateError(code, 'm').httpStatus).toBe(status);
  });

  it.each(ALL_CODES.map((c) => [c]))('%s: toBody/fromBody round trip, with and without details', (code) => {
    const plain = new CertgateError(code, `message for ${code}`);
    expect(plain.toBody()).toEqual({ code, message: `message for ${code}` });
    expect(Object.keys(plain.toBody())).not.toContain('details');
    expect(errorBodySchema.parse(plain.toBody())).toEqual(plain.toBody());

    const detailed = new CertgateError(code, 'with details', { field: 'alias', n: 2 });
    expect(detailed.toBody()).toEqual({ code, message: 'with details', details: { field: 'alias', n: 2 } });

    const back = CertgateError.fromBody(detailed.toBody());
    expect(back).toBeInstanceOf(CertgateError);
    expect(back).toBeInstanceOf(Error);
    expect(back.code).toBe(code);
    expect(back.message).toBe('with details');
    expect(back.details).toEqual({ field: 'alias', n: 2 });
    expect(back.httpStatus).toBe(EXPECTED_STATUS[code]);
  });

  it('is a named Error that keeps its cause', () => {
    const cause = new Error('root');
    const err = new CertgateError(ErrorCode.conflict, 'certificate already registered', undefined, { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('CertgateError');
    expect(err.cause).toBe(cause);
    expect(err.stack).toBeDefined();
    expect(err.toBody()).toEqual({ code: 'conflict', message: 'certificate already registered' });
  });

  it('does not put the cause into the body (no internals cross the boundary)', () => {
    const err = new CertgateError(ErrorCode.internal, 'internal error', undefined, { cause: new Error('password=hunter2') });
    expect(JSON.stringify(err.toBody())).not.toContain('hunter2');
  });
});

describe('errorBodySchema', () => {
  it.each(ALL_CODES.map((c) => [c]))('accepts code %s', (code) => {
    expect(errorBodySchema.safeParse({ code, message: 'x' }).success).toBe(true);
  });

  it.each<[unknown, string]>([
    [{ code: 'teapot', message: 'x' }, 'unknown code'],
    [{ code: 'conflict' }, 'missing message'],
    [{ message: 'x' }, 'missing code'],
    [{ code: 'conflict', message: 7 }, 'message not a string'],
    [{ code: 'conflict', message: 'x', details: 'text' }, 'details not an object'],
    [{ code: 'CONFLICT', message: 'x' }, 'code in another case'],
    [null, 'null'],
  ])('refuses %j (%s)', (body) => {
    expect(errorBodySchema.safeParse(body).success).toBe(false);
  });
});

describe('errorMessage', () => {
  it("an Error's message, whatever its class", () => {
    expect(errorMessage(new Error('disk full'))).toBe('disk full');
    expect(errorMessage(new CertgateError('conflict', 'taken'))).toBe('taken');
  });

  it('a string as it is (NATS and NestJS reject with strings at times)', () => {
    expect(errorMessage('Connection lost')).toBe('Connection lost');
  });

  it('anything else as JSON, and what JSON cannot hold as text', () => {
    expect(errorMessage({ code: 503 })).toBe('{"code":503}');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(12n)).toBe('12');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorMessage(cyclic)).toBe('[object Object]');
  });
});
