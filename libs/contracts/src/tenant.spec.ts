import { assertTenant, DEFAULT_TENANT, TENANT_PATTERN } from './tenant';

describe('assertTenant', () => {
  it.each([['default'], ['a'], ['7'], ['acme'], ['acme-eu'], ['t-e2e-1a2b3c4d'], ['a1-b2-c3'], ['a'.repeat(48)], [`a${'-'.repeat(46)}b`]])(
    'accepts %j and returns it unchanged',
    (tenant) => {
      expect(assertTenant(tenant)).toBe(tenant);
    },
  );

  it.each([
    ['', 'empty'],
    ['Acme', 'uppercase'],
    ['ACME', 'all uppercase'],
    ['acme.eu', 'a dot (would add a subject token)'],
    ['acme.>', 'full wildcard after a dot'],
    ['>', 'full wildcard'],
    ['*', 'token wildcard'],
    ['acme*', 'token wildcard inside'],
    ['a'.repeat(49), 'longer than 48'],
    ['-acme', 'leading hyphen'],
    ['acme-', 'trailing hyphen'],
    ['ac me', 'a space'],
    ['acme_eu', 'an underscore'],
    ['acme/eu', 'a slash'],
    ['äcme', 'a non-ASCII letter'],
    ['acme\n', 'a trailing newline'],
  ])('refuses %j (%s)', (tenant) => {
    expect(() => assertTenant(tenant)).toThrow(/invalid tenant/);
  });

  it('names the refused tenant and the rule in the message', () => {
    expect(() => assertTenant('Bad.Tenant')).toThrow("invalid tenant 'Bad.Tenant': use 1-48 lowercase letters, digits and inner hyphens");
  });

  it('the default tenant matches the pattern', () => {
    expect(DEFAULT_TENANT).toBe('default');
    expect(TENANT_PATTERN.test(DEFAULT_TENANT)).toBe(true);
  });
});
