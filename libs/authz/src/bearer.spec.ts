import type { SenderAuthorization } from '@certgate/contracts';
import { tokenPrincipal } from './bearer-principal';
import { decide } from './decide';
import { DenyReason, type AuthzInput, type Credential, type Principal } from './types';

const client = (roles: string[], grantType: Principal['grantType'] = 'client_credentials'): Principal => ({
  name: 'sb-b!s1',
  kind: 'service-key',
  roles: new Set(roles),
  grantType,
});
const THUMB = 'A'.repeat(43);
const OTHER = 'B'.repeat(43);
const ON = { alias: 'sys', present: true, valid: true };
const OFF = { alias: 'sys', present: false, valid: false };
const role: SenderAuthorization = { type: 'role', role: 'Role1' };

const bearer = (over: Partial<Extract<Credential, { kind: 'bearer' }>> = {}): Credential => ({
  kind: 'bearer',
  subject: 'sb-b!s1',
  principal: tokenPrincipal('sb-b!s1', new Set(['Role1']), client(['Role1'])),
  ...over,
});
const input = (credential: Credential, over: Partial<AuthzInput> = {}): AuthzInput => ({
  authorization: role,
  certificateMatchers: [],
  credential,
  systemKey: ON,
  mode: 'standard',
  ...over,
});

describe('Bearer tokens in the decision', () => {
  it('a verified token whose client holds the role passes a role flow, as its subject', () => {
    expect(decide(input(bearer()))).toEqual({ allow: true, principal: 'sb-b!s1' });
  });

  it('needs no system key pair when it is not bound to a certificate (OAuth works on trial tenants)', () => {
    expect(decide(input(bearer(), { systemKey: OFF }))).toEqual({ allow: true, principal: 'sb-b!s1' });
  });

  it.each<[string, Credential, Partial<AuthzInput>, string, RegExp]>([
    [
      'an expired token',
      { kind: 'bearer-invalid', reason: DenyReason.tokenExpired, description: 'token has expired' },
      {},
      DenyReason.tokenExpired,
      /^token has expired$/,
    ],
    [
      'a bad signature',
      { kind: 'bearer-invalid', reason: DenyReason.tokenSignatureInvalid, description: 'token signature is invalid' },
      {},
      DenyReason.tokenSignatureInvalid,
      /signature is invalid/,
    ],
    [
      'an unknown key',
      { kind: 'bearer-invalid', reason: DenyReason.tokenUnknownKey, description: 'token was signed by an unknown key' },
      {},
      DenyReason.tokenUnknownKey,
      /unknown key/,
    ],
    [
      'a bound token over another certificate',
      bearer({ boundThumbprint: THUMB, presentedThumbprint: OTHER }),
      {},
      DenyReason.tokenBindingMismatch,
      /^token is bound to another certificate$/,
    ],
    ['a bound token without a certificate', bearer({ boundThumbprint: THUMB }), {}, DenyReason.tokenBindingMismatch, /without a verified client certificate/],
    ['a token of a deleted client', bearer({ principal: undefined }), {}, DenyReason.tokenClientUnknown, /issued to client 'sb-b!s1', which no longer exists/],
  ])('refuses %s: 401 invalid_token saying which', (_name, credential, over, reason, description) => {
    const decision = decide(input(credential, over));
    expect(decision).toMatchObject({ allow: false, status: 401, error: 'invalid_token', reason });
    expect(decision.allow ? '' : decision.description).toMatch(description);
  });

  it('a bound token over its own certificate passes, but only while certificate authentication is enabled', () => {
    const bound = bearer({ boundThumbprint: THUMB, presentedThumbprint: THUMB });
    expect(decide(input(bound))).toEqual({ allow: true, principal: 'sb-b!s1' });
    expect(decide(input(bound, { systemKey: OFF }))).toMatchObject({
      allow: false,
      status: 401,
      error: 'invalid_client',
      reason: DenyReason.certificateAuthDisabled,
    });
  });

  it('a token whose client no longer holds the role → 403 naming it (token before permission)', () => {
    const stale = bearer({ principal: tokenPrincipal('sb-b!s1', new Set(['Role1']), client(['Role2'])) });
    expect(decide(input(stale))).toMatchObject({
      allow: false,
      status: 403,
      reason: DenyReason.missingRole,
      description: "'sb-b!s1' does not have role 'Role1'",
    });
  });

  it('a certificate-list flow refuses Bearer tokens, saying so', () => {
    const listed: SenderAuthorization = { type: 'client-certificate', certificates: [{ subjectDN: 'CN=a', issuerDN: 'CN=b' }] };
    expect(decide(input(bearer(), { authorization: listed }))).toMatchObject({
      status: 401,
      reason: DenyReason.certificateRequired,
      description: 'this flow accepts client certificates only, not Bearer tokens',
    });
  });
});

describe('tokenPrincipal: a token grants its scope, never more than the client holds now', () => {
  it('keeps the roles of the scope the client still holds', () => {
    expect(tokenPrincipal('sb-b!s1', new Set(['Role1', 'Role2']), client(['Role2', 'Role3']))).toEqual({
      name: 'sb-b!s1',
      kind: 'service-key',
      roles: new Set(['Role2']),
      grantType: 'client_credentials',
    });
  });

  it('no client, or a client of another name, is nobody', () => {
    expect(tokenPrincipal('sb-b!s1', new Set(['Role1']), undefined)).toBeUndefined();
    expect(tokenPrincipal('sb-b!s1', new Set(['Role1']), { ...client(['Role1']), name: 'sb-x!y' })).toBeUndefined();
  });
});
