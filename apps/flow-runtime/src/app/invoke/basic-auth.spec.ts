import { createHash } from 'node:crypto';
import { readAuthorization, secretMatches } from './basic-auth';

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Basic credentials', () => {
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
  ])('malformed: %s', (_what, header) => {
    expect(readAuthorization({ authorization: header })).toMatchObject({ kind: 'malformed', message: expect.stringContaining('Basic credentials') });
  });

  it('another scheme is refused by name, not ignored', () => {
    expect(readAuthorization({ authorization: 'Bearer abc.def' })).toEqual({
      kind: 'malformed',
      message: "authorization scheme 'Bearer' is not accepted here: send a client certificate or Basic credentials",
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
