import { Buckets } from '../names';
import { KeystoreKv } from '../keystore/model';
import { accessTokenClaimsSchema, oauthAudience, oauthIssuer, signingJwkSchema, SigningKv } from './model';
import { OAuthSigningRpc, signTokenRequestSchema } from './rpc';

const THUMB = 'A'.repeat(43);

describe('OAuth contracts', () => {
  it('issuer and audience are the tenant’s, and refuse a tenant that is none', () => {
    expect(oauthIssuer('acme')).toBe('urn:certgate:acme');
    expect(oauthAudience('acme')).toBe('urn:certgate:acme:flows');
    expect(() => oauthIssuer('Not A Tenant')).toThrow(/invalid tenant/);
  });

  it('signing keys live in the keystore bucket apart from its entries, so nothing watching entry.> sees them', () => {
    expect(Buckets.keystore).toBe('keystore');
    expect(SigningKv.key(THUMB)).toBe(`signing.key.${THUMB}`);
    expect(SigningKv.key(THUMB).startsWith(KeystoreKv.prefix)).toBe(false);
    expect(SigningKv.active.startsWith(SigningKv.keyPrefix)).toBe(false);
  });

  it('the sign request carries only what the caller may decide; the rest is the signer’s', () => {
    expect(signTokenRequestSchema.safeParse({ sub: 'sb-a!k1', scope: ['Role1'], cnf: { 'x5t#S256': THUMB } }).success).toBe(true);
    expect(signTokenRequestSchema.safeParse({ sub: 'sb-a!k1', scope: [], exp: 9_999_999_999 }).success).toBe(false);
    expect(signTokenRequestSchema.safeParse({ sub: 'sb-a!k1', scope: [], cnf: { 'x5t#S256': 'short' } }).success).toBe(false);
    expect(OAuthSigningRpc.sign.subject).toBe('keystore.oauth.sign.v1');
  });

  it('a published JWK is an ES256 signing key; a binding in any other form than RFC 8705 x5t#S256 fails the claims (never read as unbound)', () => {
    expect(signingJwkSchema.safeParse({ kty: 'EC', crv: 'P-256', x: THUMB, y: THUMB, kid: THUMB, alg: 'ES256', use: 'sig' }).success).toBe(true);
    expect(signingJwkSchema.safeParse({ kty: 'oct', k: 'secret', kid: THUMB, alg: 'HS256', use: 'sig' }).success).toBe(false);
    const claims = { iss: 'i', sub: 's', aud: 'a', iat: 1, exp: 2, jti: 'j', client_id: 's', scope: '' };
    expect(accessTokenClaimsSchema.safeParse({ ...claims, cnf: { 'x5t#S256': THUMB } }).success).toBe(true);
    expect(accessTokenClaimsSchema.safeParse({ ...claims, cnf: { jkt: THUMB } }).success).toBe(false);
    expect(accessTokenClaimsSchema.safeParse({ ...claims, cnf: {} }).success).toBe(false);
  });
});
