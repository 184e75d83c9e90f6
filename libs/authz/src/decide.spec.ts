import type { CertificateMatcher, SenderAuthorization } from '@certgate/contracts';
import { decide } from './decide';
import { DenyReason, type AuthzInput, type Credential, type Principal } from './types';

const principal = (roles: string[], grantType: Principal['grantType'] = 'client_x509'): Principal => ({
  name: 'sb-a!k1',
  kind: 'service-key',
  roles: new Set(roles),
  grantType,
});
const cert = (p?: Principal): Credential => ({ kind: 'certificate', fingerprint: 'f1', subjectDN: 'CN=alice,O=Acme', issuerDN: 'CN=CA,O=Acme', principal: p });
const role: SenderAuthorization = { type: 'role', role: 'Role1' };
const listed: SenderAuthorization = { type: 'client-certificate', certificates: [{ subjectDN: 'x', issuerDN: 'y' }] };
const byFingerprint: CertificateMatcher = { fingerprint: 'f1', subjectDN: 'CN=alice,O=Acme', issuerDN: 'CN=CA,O=Acme', notAfter: '2030-01-01T00:00:00Z' };
const byDn: CertificateMatcher = {
  normalizedSubjectDN: 'cn=alice,o=acme',
  normalizedIssuerDN: 'cn=ca,o=acme',
  subjectDN: 'CN=alice, O=Acme',
  issuerDN: 'CN=CA, O=Acme',
};
const ON = { alias: 'sys', present: true, valid: true };

const input = (over: Partial<AuthzInput>): AuthzInput => ({
  authorization: role,
  certificateMatchers: [],
  credential: cert(principal(['Role1'])),
  systemKey: ON,
  mode: 'standard',
  ...over,
});

describe('decide: sender-channel authorization', () => {
  it('allows a certificate whose service key instance holds the role, as that key', () => {
    expect(decide(input({}))).toEqual({ allow: true, principal: 'sb-a!k1' });
  });

  it.each<[string, Partial<AuthzInput>, number, string, RegExp]>([
    ['no credential', { credential: { kind: 'none' } }, 401, DenyReason.noCredential, /no client certificate and no credentials/],
    [
      'a malformed credential',
      { credential: { kind: 'malformed', message: 'Authorization header is not Basic' } },
      401,
      DenyReason.malformedCredential,
      /not Basic/,
    ],
    [
      'a certificate the ingress rejected',
      { credential: { kind: 'certificate-rejected', reason: 'chain_incomplete', message: 'issuer missing' } },
      401,
      DenyReason.certificateNotVerified,
      /^certificate was not verified by ingress: issuer missing$/,
    ],
    [
      'no system key pair',
      { systemKey: { alias: 'sys', present: false, valid: false } },
      401,
      DenyReason.certificateAuthDisabled,
      /key pair with alias 'sys' does not exist in the keystore/,
    ],
    ['an expired system key pair', { systemKey: { alias: 'sys', present: true, valid: false } }, 401, DenyReason.certificateAuthDisabled, /'sys' has expired/],
    [
      'an unknown certificate',
      { credential: cert(undefined) },
      401,
      DenyReason.unknownCertificate,
      /not configured in any service key of a client_x509 service instance/,
    ],
    [
      'a certificate in a key of a client_credentials instance',
      { credential: cert(principal(['Role1'], 'client_credentials')) },
      401,
      DenyReason.unknownCertificate,
      /client_x509/,
    ],
    ['a missing role', { credential: cert(principal(['Role2'])) }, 403, DenyReason.missingRole, /'sb-a!k1' does not have role 'Role1'/],
    [
      'an unknown basic client id',
      { credential: { kind: 'basic', clientid: 'nope', secretMatches: false } },
      401,
      DenyReason.unknownClient,
      /^client id or client secret is wrong$/,
    ],
    [
      'a wrong basic secret',
      { credential: { kind: 'basic', clientid: 'sb-a!k1', principal: principal(['Role1'], 'client_credentials'), secretMatches: false } },
      401,
      DenyReason.wrongSecret,
      /^client id or client secret is wrong$/,
    ],
    [
      'basic credentials of a client_x509 key',
      { credential: { kind: 'basic', clientid: 'sb-a!k1', principal: principal(['Role1']), secretMatches: true } },
      401,
      DenyReason.wrongGrantType,
      /client_credentials/,
    ],
    [
      'basic credentials on a certificate-only flow',
      { authorization: listed, credential: { kind: 'basic', clientid: 'sb-a!k1', principal: principal([], 'client_credentials'), secretMatches: true } },
      401,
      DenyReason.certificateRequired,
      /client certificates only/,
    ],
    [
      'a certificate not in the flow list',
      { authorization: listed, certificateMatchers: [{ ...byFingerprint, fingerprint: 'other' }] },
      403,
      DenyReason.certificateNotAllowed,
      /'CN=alice,O=Acme' issued by 'CN=CA,O=Acme' is not among/,
    ],
  ])('denies %s', (_name, over, status, reason, description) => {
    const decision = decide(input(over));
    expect(decision).toMatchObject({ allow: false, status, reason, error: status === 401 ? 'invalid_client' : 'forbidden' });
    expect(decision.allow ? '' : decision.description).toMatch(description);
  });

  it('reports a bad credential (401) before a missing permission (403)', () => {
    const decision = decide(input({ credential: cert(undefined), authorization: { type: 'role', role: 'Nobody' } }));
    expect(decision).toMatchObject({ status: 401, reason: DenyReason.unknownCertificate });
  });

  it('the system key pair gates certificate authentication even for a known certificate', () => {
    expect(decide(input({ systemKey: { alias: 'sys', present: false, valid: false } }))).toMatchObject({ allow: false, status: 401 });
  });

  it('basic auth of a client_credentials key passes a role flow without any system key pair', () => {
    const credential: Credential = {
      kind: 'basic',
      clientid: 'sb-b!s1',
      principal: { ...principal(['Role1'], 'client_credentials'), name: 'sb-b!s1' },
      secretMatches: true,
    };
    expect(decide(input({ credential, systemKey: { alias: 'sys', present: false, valid: false } }))).toEqual({ allow: true, principal: 'sb-b!s1' });
  });

  it('a listed certificate passes by fingerprint, and by normalized DNs', () => {
    expect(decide(input({ authorization: listed, certificateMatchers: [byFingerprint] }))).toEqual({ allow: true, principal: 'sb-a!k1' });
    const viaDn = decide(input({ authorization: listed, certificateMatchers: [byDn], normalizedDNs: { subject: 'cn=alice,o=acme', issuer: 'cn=ca,o=acme' } }));
    expect(viaDn).toEqual({ allow: true, principal: 'sb-a!k1' });
  });

  it('a DN entry written in either order matches; a miss on a DN-listed flow shows the presented DNs in both notations', () => {
    const written = {
      ...byDn,
      normalizedSubjectDN: 'o=acme,cn=alice',
      normalizedSubjectDNReversed: 'cn=alice,o=acme',
      normalizedIssuerDN: 'o=acme,cn=ca',
      normalizedIssuerDNReversed: 'cn=ca,o=acme',
    };
    const presented = { subject: 'cn=alice,o=acme', issuer: 'cn=ca,o=acme', subjectInForwardOrder: 'O=Acme, CN=alice', issuerInForwardOrder: 'O=Acme, CN=CA' };
    expect(decide(input({ authorization: listed, certificateMatchers: [written], normalizedDNs: presented }))).toEqual({ allow: true, principal: 'sb-a!k1' });
    const other = { ...presented, subject: 'cn=bob,o=acme', subjectInForwardOrder: 'O=Acme, CN=bob' };
    const miss = decide(input({ authorization: listed, certificateMatchers: [written], normalizedDNs: other }));
    expect(miss).toMatchObject({ allow: false, status: 403 });
    expect((miss as { description: string }).description).toContain("in the order openssl prints them: subject 'O=Acme, CN=bob', issuer 'O=Acme, CN=CA'");
  });

  it('a DN matcher never matches when the caller did not supply normalized DNs (deny, not guess)', () => {
    expect(decide(input({ authorization: listed, certificateMatchers: [byDn] }))).toMatchObject({ allow: false, status: 403 });
  });

  it('outside classic mode a listed certificate must also be in a client_x509 service key', () => {
    expect(decide(input({ authorization: listed, certificateMatchers: [byFingerprint], credential: cert(undefined) }))).toMatchObject({
      status: 401,
      reason: DenyReason.unknownCertificate,
    });
  });

  it('in classic mode a DN-listed flow needs no mapping and runs as the subject DN', () => {
    expect(decide(input({ mode: 'classic', authorization: listed, certificateMatchers: [byFingerprint], credential: cert(undefined) }))).toEqual({
      allow: true,
      principal: 'CN=alice,O=Acme',
    });
  });

  describe('classic mode: a mapped certificate runs as its user', () => {
    const alice: Principal = { name: 'alice', kind: 'user', roles: new Set(['Role1']) };

    it('a role flow passes when the user holds the role, and the principal is the user name', () => {
      expect(decide(input({ mode: 'classic', credential: cert(alice) }))).toEqual({ allow: true, principal: 'alice' });
    });

    it('a user without the role → 403 naming user and role', () => {
      const decision = decide(input({ mode: 'classic', credential: cert({ ...alice, roles: new Set() }) }));
      expect(decision).toMatchObject({ allow: false, status: 403, reason: DenyReason.missingRole, description: "'alice' does not have role 'Role1'" });
    });

    it('no mapping → 401 saying the certificate is not mapped to any user', () => {
      const decision = decide(input({ mode: 'classic', credential: cert(undefined) }));
      expect(decision).toMatchObject({ allow: false, status: 401, reason: DenyReason.unknownCertificate });
      expect(decision.allow ? '' : decision.description).toMatch(/not mapped to any user/);
    });

    it('a listed certificate that is also mapped runs as the user', () => {
      expect(decide(input({ mode: 'classic', authorization: listed, certificateMatchers: [byFingerprint], credential: cert(alice) }))).toEqual({
        allow: true,
        principal: 'alice',
      });
    });
  });
});
