import { buildAccessTokenClaims, type TokenPolicy } from './token-claims';

const policy: TokenPolicy = { issuer: 'urn:certgate:t1', audience: 'urn:certgate:t1:flows', ttlSeconds: 3600 };
const NOW = new Date('2025-03-01T12:00:00.750Z');
const T = Math.floor(NOW.getTime() / 1000);

describe('buildAccessTokenClaims', () => {
  it('issuer, audience, lifetime and id are the signer’s; subject and scope the caller’s', () => {
    expect(buildAccessTokenClaims({ sub: 'sb-a!k1', scope: ['Role1', 'ESBMessaging.send'] }, policy, NOW, 'jti-1')).toEqual({
      iss: 'urn:certgate:t1',
      sub: 'sb-a!k1',
      aud: 'urn:certgate:t1:flows',
      iat: T,
      exp: T + 3600,
      jti: 'jti-1',
      client_id: 'sb-a!k1',
      scope: 'Role1 ESBMessaging.send',
    });
  });

  it('whole seconds, rounded down, so a token is never dated in the future', () => {
    const claims = buildAccessTokenClaims({ sub: 's', scope: [] }, { ...policy, ttlSeconds: 2 }, NOW, 'j');
    expect(claims.iat * 1000).toBeLessThanOrEqual(NOW.getTime());
    expect(claims.exp - claims.iat).toBe(2);
  });

  it('an empty role list is an empty scope; a repeated role is listed once', () => {
    expect(buildAccessTokenClaims({ sub: 's', scope: [] }, policy, NOW, 'j').scope).toBe('');
    expect(buildAccessTokenClaims({ sub: 's', scope: ['A', 'B', 'A'] }, policy, NOW, 'j').scope).toBe('A B');
  });

  it('carries the RFC 8705 certificate binding when asked, and none otherwise', () => {
    const thumb = 'x'.repeat(43);
    expect(buildAccessTokenClaims({ sub: 's', scope: [], cnf: { 'x5t#S256': thumb } }, policy, NOW, 'j').cnf).toEqual({ 'x5t#S256': thumb });
    expect(buildAccessTokenClaims({ sub: 's', scope: [] }, policy, NOW, 'j')).not.toHaveProperty('cnf');
  });
});
