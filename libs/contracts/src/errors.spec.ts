import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CertgateError, chainFailureCode, ErrorCode, errorBodySchema, HTTP_STATUS_OF, type ErrorCode as Code, errorMessage } from './errors';

/** Written out on purpose: a change to a status is a change of the public API. */
const EXPECTED_STATUS: Record<Code, number> = {
  validation_failed: 400,
  invalid_json: 400,
  body_missing: 400,
  unknown_parameter: 400,
  certificate_invalid: 400,
  certificate_is_ca: 400,
  certificate_is_chain: 400,
  certificate_expired: 400,
  certificate_not_yet_valid: 400,
  certificate_wrong_usage: 400,
  role_unknown: 400,
  key_alias_unknown: 400,
  certificate_unknown: 400,
  grant_type_invalid: 400,
  flow_id_mismatch: 400,
  key_mismatch: 400,
  subject_dn_invalid: 400,
  public_key_invalid: 400,
  pkcs12_invalid: 400,
  pkcs12_legacy_algorithm: 400,
  pkcs12_no_private_key: 400,
  chain_incomplete: 400,
  untrusted_root: 400,
  bad_signature: 400,
  not_a_ca: 400,
  path_too_long: 400,
  wrong_key_usage: 400,
  wrong_eku: 400,
  self_signed_leaf: 400,
  invalid_anchor: 400,
  chain_invalid: 400,
  weak_key: 400,
  leaf_is_ca: 400,
  name_constraints: 400,
  profile_violation: 400,
  unauthorized: 401,
  invalid_client: 401,
  forbidden: 403,
  not_found: 404,
  role_not_found: 404,
  instance_not_found: 404,
  key_not_found: 404,
  flow_not_found: 404,
  entry_not_found: 404,
  renewal_not_found: 404,
  mapping_not_found: 404,
  user_not_found: 404,
  group_not_found: 404,
  subscription_not_found: 404,
  trusted_root_not_found: 404,
  host_not_found: 404,
  operator_not_found: 404,
  token_not_found: 404,
  certificate_in_use: 409,
  role_in_use: 409,
  role_predefined: 409,
  role_exists: 409,
  instance_exists: 409,
  grant_type_immutable: 409,
  key_exists: 409,
  alias_taken: 409,
  address_in_use: 409,
  system_key_protected: 409,
  client_ca_protected: 409,
  not_a_key_pair: 409,
  renewal_pending: 409,
  mapping_exists: 409,
  user_exists: 409,
  user_in_use: 409,
  group_exists: 409,
  operator_exists: 409,
  trusted_root_not_managed: 409,
  concurrent_change: 409,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  service_unavailable: 503,
  audit_unavailable: 503,
  timeout: 503,
  unreachable: 502,
  internal_error: 500,
  bad_request: 400,
  conflict: 409,
};
const ALL_CODES = Object.values(ErrorCode);

describe('ErrorCode', () => {
  it('lists exactly the codes with a defined HTTP status', () => {
    expect([...ALL_CODES].sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
    expect(HTTP_STATUS_OF).toEqual(EXPECTED_STATUS);
  });
});

describe('docs/errors.md', () => {
  it('lists every code once, with its HTTP status, in one table', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/errors.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Error codes'), doc.indexOf('## Data-plane errors'));
    const rows = [...section.matchAll(/^\| `([a-z0-9_]+)` +\| (\d{3}) +\|/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(rows.map(([code]) => code).sort()).toEqual([...ALL_CODES].sort());
    for (const [code, status] of rows) expect([code, status]).toEqual([code, HTTP_STATUS_OF[code as Code]]);
  });
});

describe('chainFailureCode', () => {
  it.each([
    ['chain_incomplete', 'chain_incomplete'],
    ['untrusted_root', 'untrusted_root'],
    ['bad_signature', 'bad_signature'],
    ['not_a_ca', 'not_a_ca'],
    ['path_too_long', 'path_too_long'],
    ['wrong_key_usage', 'wrong_key_usage'],
    ['wrong_eku', 'wrong_eku'],
    ['self_signed_leaf', 'self_signed_leaf'],
    ['invalid_anchor', 'invalid_anchor'],
    ['expired', 'certificate_expired'],
    ['not_yet_valid', 'certificate_not_yet_valid'],
    ['no_certificate', 'certificate_invalid'],
    ['unknown', 'chain_invalid'],
    ['something new', 'chain_invalid'],
  ])('the chain-failure reason %s is the error code %s (400)', (reason, code) => {
    expect(chainFailureCode(reason)).toBe(code);
    expect(HTTP_STATUS_OF[chainFailureCode(reason)]).toBe(400);
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
