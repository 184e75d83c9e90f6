import { authenticateClient } from './authenticate-client';
import { DenyReason, type Principal } from './types';

const key = (grantType: Principal['grantType']): Principal => ({ name: 'sb-a!k1', kind: 'service-key', roles: new Set(['Role1', 'Role2']), grantType });
const ON = { alias: 'sys', present: true, valid: true };
const cert = (principal?: Principal) => ({ kind: 'certificate' as const, fingerprint: 'f'.repeat(64), subjectDN: 'CN=a', issuerDN: 'CN=ca', principal });

describe('authenticateClient: who may get a token', () => {
  it('a certificate of a client_x509 key, with the system key pair present', () => {
    expect(authenticateClient(cert(key('client_x509')), ON)).toEqual({ ok: true, principal: key('client_x509') });
  });

  it('the id and secret of a client_credentials key, also without a system key pair', () => {
    const credential = { kind: 'basic' as const, clientid: 'sb-a!k1', principal: key('client_credentials'), secretMatches: true };
    expect(authenticateClient(credential, { alias: 'sys', present: false, valid: false })).toEqual({ ok: true, principal: key('client_credentials') });
  });

  it.each([
    ['no credential', { kind: 'none' as const }, ON, DenyReason.noCredential, /no client certificate and no credentials/],
    [
      'a certificate the ingress rejected',
      { kind: 'certificate-rejected' as const, reason: 'expired', message: 'the certificate has expired' },
      ON,
      DenyReason.certificateNotVerified,
      /not verified by ingress: the certificate has expired/,
    ],
    ['a certificate no key holds', cert(undefined), ON, DenyReason.unknownCertificate, /not configured in any service key of a client_x509 service instance/],
    ['a certificate of a client_credentials key', cert(key('client_credentials')), ON, DenyReason.unknownCertificate, /client_x509/],
    [
      'a certificate without the system key pair',
      cert(key('client_x509')),
      { alias: 'sys', present: false, valid: false },
      DenyReason.certificateAuthDisabled,
      /alias 'sys' does not exist/,
    ],
    [
      'a wrong secret',
      { kind: 'basic' as const, clientid: 'sb-a!k1', principal: key('client_credentials'), secretMatches: false },
      ON,
      DenyReason.wrongSecret,
      /^client id or client secret is wrong$/,
    ],
    [
      'a secret for a client_x509 key',
      { kind: 'basic' as const, clientid: 'sb-a!k1', principal: key('client_x509'), secretMatches: true },
      ON,
      DenyReason.wrongGrantType,
      /without grant type client_credentials/,
    ],
  ])('refuses %s as invalid_client, with the reason of a flow call', (_name, credential, systemKey, reason, description) => {
    const result = authenticateClient(credential, systemKey);
    expect(result).toMatchObject({ ok: false, denial: { status: 401, error: 'invalid_client', reason } });
    expect(result.ok ? '' : result.denial.description).toMatch(description);
  });
});
