import { claimsComplete, nameOfClaims, rolesOfClaim } from './oidc-claims';

describe('the claims of single sign-on', () => {
  it('reads roles from an array or a space-separated string, ignoring names that are no certgate role', () => {
    expect(rolesOfClaim(['developer', 'monitor'])).toEqual(['developer', 'monitor']);
    expect(rolesOfClaim('monitor  admin offline_access')).toEqual(['admin', 'monitor']);
    expect(rolesOfClaim(['Admin', 'uma_authorization', 7, null])).toEqual([]);
    expect(rolesOfClaim(['auditor', 'auditor'])).toEqual(['auditor']);
  });

  it('has no roles for a claim that is absent or of another type', () => {
    expect(rolesOfClaim(undefined)).toEqual([]);
    expect(rolesOfClaim({ admin: true })).toEqual([]);
    expect(rolesOfClaim(42)).toEqual([]);
  });

  it('names the person by the name claim, else by the subject', () => {
    expect(nameOfClaims({ sub: 'f3a9', preferred_username: 'olga' }, 'preferred_username')).toBe('olga');
    expect(nameOfClaims({ sub: 'f3a9', preferred_username: '  ' }, 'preferred_username')).toBe('f3a9');
    expect(nameOfClaims({ sub: 'f3a9', email: 'olga@example.com' }, 'email')).toBe('olga@example.com');
    expect(nameOfClaims({ sub: 'f3a9' }, 'preferred_username')).toBe('f3a9');
    expect(nameOfClaims({ sub: 'x', n: 'y'.repeat(300) }, 'n')).toHaveLength(256);
  });

  it('asks userinfo only when the ID token lacks the roles or the name claim', () => {
    expect(claimsComplete({ sub: 's', certgate_roles: [], preferred_username: 'o' }, 'certgate_roles', 'preferred_username')).toBe(true);
    expect(claimsComplete({ sub: 's', preferred_username: 'o' }, 'certgate_roles', 'preferred_username')).toBe(false);
    expect(claimsComplete({ sub: 's', certgate_roles: ['admin'] }, 'certgate_roles', 'preferred_username')).toBe(false);
  });
});
