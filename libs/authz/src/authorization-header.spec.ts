import { createHash } from 'node:crypto';
import { readAuthorization, secretMatches } from './authorization-header';

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the authorization header', () => {
  it('no authorization header: no credential', () => {
    expect(readAuthorization({})).toEqual({ kind: 'none' });
  });

  it('decodes clientid:clientsecret; the secret may hold colons', () => {
    expect(readAuthorization({ authorization: basic('sb-a!k2:s3:cr:et') })).toEqual({ kind: 'basic', clientid: 'sb-a!k2', secret: 's3:cr:et' });
    expect(readAuthorization({ authorization: `bAsIc   ${Buffer.from('id:').toString('base64')}` })).toEqual({ kind: 'basic', clientid: 'id', secret: '' });
  });

  it.each([
    ['not base64', 'Basic %%%'],
    ['no colon', basic('justanid')],
    ['an empty client id', basic(':secret')],
    ['nothing after the scheme', 'Basic'],
    ['bad padding', 'Basic YWJj='],
  ])('malformed Basic: %s', (_what, header) => {
    expect(readAuthorization({ authorization: header })).toMatchObject({ kind: 'malformed', message: expect.stringContaining('Basic credentials') });
  });

  it('reads a Bearer token, whatever the case of the scheme', () => {
    expect(readAuthorization({ authorization: 'Bearer eyJh.eyJz.c2ln' })).toEqual({ kind: 'bearer', token: 'eyJh.eyJz.c2ln' });
    expect(readAuthorization({ authorization: 'bearer  a-b_c.d~e+f/g==' })).toEqual({ kind: 'bearer', token: 'a-b_c.d~e+f/g==' });
  });

  it.each([
    ['nothing after the scheme', 'Bearer'],
    ['a space inside', 'Bearer abc def'],
    ['characters no token has', 'Bearer abc"def'],
    ['an oversized token', `Bearer ${'a'.repeat(8193)}`],
  ])('malformed Bearer: %s', (_what, header) => {
    expect(readAuthorization({ authorization: header })).toEqual({
      kind: 'malformed',
      message: 'the Bearer token is empty, too long or not a token (RFC 6750)',
    });
  });

  it('another scheme is refused by name, not ignored', () => {
    expect(readAuthorization({ authorization: 'Digest username="a"' })).toEqual({
      kind: 'malformed',
      message: "authorization scheme 'Digest' is not accepted here: send a client certificate, Basic credentials or a Bearer token",
    });
  });

  it('two authorization headers are refused', () => {
    expect(readAuthorization({ authorization: [basic('a:b'), basic('c:d')] })).toMatchObject({ kind: 'malformed' });
  });

  it('compares the SHA-256 of the secret with the stored hash', () => {
    expect(secretMatches('s3cret', sha256('s3cret'))).toBe(true);
    expect(secretMatches('s3cret', sha256('s3cret').toUpperCase())).toBe(true);
    expect(secretMatches('s3cret!', sha256('s3cret'))).toBe(false);
    expect(secretMatches('s3cret', undefined)).toBe(false);
    expect(secretMatches('s3cret', 'abc')).toBe(false);
  });
});
