import { BadRequestException, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { ApiErrorFilter, jsonBodyErrors } from './error.filter';

function respond(err: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const res = { status: (s: number) => ((out.status = s), res), json: (b: Record<string, unknown>) => (out.body = b) };
  const req = { method: 'GET', path: '/api/v1/roles', headers: {} };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new ApiErrorFilter().catch(err, host);
  return out;
}

describe('ApiErrorFilter: every error in the design shape {error, message, details?}', () => {
  it('maps a CertgateError to its status, code, message and details', () => {
    const err = new CertgateError(ErrorCode.certificateInUse, "certificate is already in key 'k1' of instance 'a'", { instance: 'a', key: 'k1' });
    expect(respond(err)).toEqual({ status: 409, body: { error: 'certificate_in_use', message: err.message, details: { instance: 'a', key: 'k1' } } });
  });

  it.each([
    [new BadRequestException('Unexpected token } in JSON'), 400, 'bad_request'],
    [new NotFoundException('Cannot GET /api/v1/nope'), 404, 'not_found'],
    [new PayloadTooLargeException('request entity too large'), 413, 'payload_too_large'],
  ])('maps framework HTTP errors keeping their message (%#)', (err, status, code) => {
    const out = respond(err);
    expect(out.status).toBe(status);
    expect(out.body).toEqual({ error: code, message: (err as Error).message });
  });

  it("maps the body parser's errors: not JSON → invalid_json, too large → payload_too_large", () => {
    const parse = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { status: 400, expose: true, type: 'entity.parse.failed' });
    expect(respond(parse)).toEqual({
      status: 400,
      body: { error: 'invalid_json', message: 'request body is not valid JSON: Unexpected token } in JSON at position 9' },
    });
    const large = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(respond(large)).toEqual({ status: 413, body: { error: 'payload_too_large', message: 'request entity too large' } });
  });

  it('jsonBodyErrors: a body parser JSON failure becomes invalid_json before Nest makes it a plain 400; other errors pass on', () => {
    const passed: unknown[] = [];
    const parse = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, expose: true, type: 'entity.parse.failed' });
    jsonBodyErrors(parse, {}, {}, (e) => passed.push(e));
    const other = new Error('other');
    jsonBodyErrors(other, {}, {}, (e) => passed.push(e));
    expect(passed[0]).toMatchObject({ code: 'invalid_json', message: 'request body is not valid JSON: Unexpected end of JSON input' });
    expect(passed[1]).toBe(other);
  });

  it('answers an unknown error as a bare 500 without its text or stack', () => {
    const out = respond(new Error('db password is hunter2'));
    expect(out).toEqual({ status: 500, body: { error: 'internal_error', message: 'internal error' } });
  });
});
