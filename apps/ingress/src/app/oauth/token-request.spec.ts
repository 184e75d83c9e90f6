import type { IncomingHttpHeaders } from 'node:http';
import { parseTokenRequest } from './token-request';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const parse = (body: string, headers: IncomingHttpHeaders = FORM, method = 'POST') => parseTokenRequest(method, headers, Buffer.from(body));

describe('parseTokenRequest (RFC 6749)', () => {
  it('client_credentials with the id and secret in the form body', () => {
    expect(parse('grant_type=client_credentials&client_id=sb-a%21k1&client_secret=s3cr3t')).toEqual({
      grant: 'client_credentials',
      clientid: 'sb-a!k1',
      secret: 's3cr3t',
    });
  });

  it('client_credentials with HTTP Basic, form-encoded (§2.3.1) or plain', () => {
    expect(parse('grant_type=client_credentials', { ...FORM, authorization: basic('sb-a%21k1', 's3%2Bcr3t') })).toEqual({
      grant: 'client_credentials',
      clientid: 'sb-a!k1',
      secret: 's3+cr3t',
    });
    expect(parse('grant_type=client_credentials', { ...FORM, authorization: basic('sb-a!k1', 'abc-_XYZ') })).toEqual({
      grant: 'client_credentials',
      clientid: 'sb-a!k1',
      secret: 'abc-_XYZ',
    });
  });

  it('client_x509 needs nothing but the grant type; a client_id and a scope may come along', () => {
    expect(parse('grant_type=client_x509')).toEqual({ grant: 'client_x509' });
    expect(
      parse('grant_type=client_x509&client_id=sb-x%21k1&scope=Role1+Role2', { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }),
    ).toEqual({
      grant: 'client_x509',
      clientid: 'sb-x!k1',
      scope: ['Role1', 'Role2'],
    });
  });

  it.each<[string, string, IncomingHttpHeaders, number, string, RegExp]>([
    ['no grant_type', 'client_id=a&client_secret=b', FORM, 400, 'invalid_request', /grant_type is missing/],
    [
      'an unknown grant type',
      'grant_type=password',
      FORM,
      400,
      'unsupported_grant_type',
      /^grant_type 'password' is not supported: use client_credentials or client_x509$/,
    ],
    ['a repeated parameter', 'grant_type=client_credentials&grant_type=client_x509', FORM, 400, 'invalid_request', /'grant_type' is given more than once/],
    [
      'JSON instead of a form',
      '{"grant_type":"client_credentials"}',
      { 'content-type': 'application/json' },
      400,
      'invalid_request',
      /application\/x-www-form-urlencoded, not 'application\/json'/,
    ],
    [
      'credentials in the header and in the body',
      'grant_type=client_credentials&client_id=a&client_secret=b',
      { ...FORM, authorization: basic('a', 'b') },
      400,
      'invalid_request',
      /both in the Authorization header and in the body/,
    ],
    ['no client credentials', 'grant_type=client_credentials', FORM, 401, 'invalid_client', /no client credentials/],
    ['a client id without a secret', 'grant_type=client_credentials&client_id=a', FORM, 401, 'invalid_client', /no client credentials/],
    [
      'a Bearer token as client authentication',
      'grant_type=client_credentials',
      { ...FORM, authorization: 'Bearer abc' },
      401,
      'invalid_client',
      /a Bearer token does not authenticate a client/,
    ],
    ['malformed Basic credentials', 'grant_type=client_credentials', { ...FORM, authorization: 'Basic !!' }, 401, 'invalid_client', /not valid base64/],
    ['a secret with client_x509', 'grant_type=client_x509&client_secret=x', FORM, 400, 'invalid_request', /client certificate alone/],
    ['Basic with client_x509', 'grant_type=client_x509', { ...FORM, authorization: basic('a', 'b') }, 400, 'invalid_request', /client certificate alone/],
    ['a scope that is no role name', 'grant_type=client_x509&scope=Role1+no%2Fway', FORM, 400, 'invalid_scope', /scope 'no\/way' is not a role name/],
  ])('refuses %s', (_name, body, headers, status, error, description) => {
    const failure = parse(body, headers);
    expect(failure).toMatchObject({ status, error });
    expect('description' in failure ? failure.description : '').toMatch(description);
  });

  it('only POST, saying which method is allowed', () => {
    expect(parse('', FORM, 'GET')).toMatchObject({ status: 405, error: 'invalid_request', headers: { allow: 'POST' } });
  });

  it('a refused client gets a Basic challenge (RFC 6749 §5.2)', () => {
    expect(parse('grant_type=client_credentials')).toMatchObject({ headers: { 'www-authenticate': expect.stringMatching(/^Basic realm=/) } });
  });
});
