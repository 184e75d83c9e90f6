import { createHash } from 'node:crypto';
import { PrincipalDirectory } from '@certgate/authz';
import { IdentityKv, clientIdOf, type TlsClient } from '@certgate/contracts';
import { grantToken } from './token-client';

const FP = 'c'.repeat(64);
const at = '2025-01-01T00:00:00.000Z';
const SECRET = 'the-secret';
const ON = { alias: 'sys', present: true, valid: true };
const OFF = { alias: 'sys', present: false, valid: false };

function directory(): PrincipalDirectory {
  const dir = new PrincipalDirectory();
  dir.apply(IdentityKv.instance('x509'), {
    name: 'x509',
    parameters: { roles: ['Role1', 'Role2'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
    createdAt: at,
  });
  dir.apply(IdentityKv.instance('cc'), {
    name: 'cc',
    parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] },
    createdAt: at,
  });
  const certificate = { pem: 'x', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca', serialNumber: '1', notBefore: at, notAfter: at };
  dir.apply(IdentityKv.key('x509', 'k1'), {
    instance: 'x509',
    name: 'k1',
    type: 'external-certificate',
    clientid: clientIdOf('x509', 'k1'),
    certificate,
    createdAt: at,
  });
  dir.apply(IdentityKv.key('cc', 's1'), {
    instance: 'cc',
    name: 's1',
    type: 'client-secret',
    clientid: clientIdOf('cc', 's1'),
    secretHash: createHash('sha256').update(SECRET).digest('hex'),
    createdAt: at,
  });
  return dir;
}

const verified: TlsClient = { status: 'verified', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' };
const NONE: TlsClient = { status: 'none' };

describe('grantToken: who gets a token, with which roles, bound to what', () => {
  const dir = directory();

  it('client_credentials: all roles of the instance, not bound, no system key pair needed', () => {
    expect(grantToken({ grant: 'client_credentials', clientid: 'sb-cc!s1', secret: SECRET }, NONE, dir, OFF)).toMatchObject({
      client: { name: 'sb-cc!s1' },
      scope: ['Role1'],
    });
  });

  it('client_credentials over mutual TLS is still not bound: the secret authenticated, not the certificate', () => {
    expect(grantToken({ grant: 'client_credentials', clientid: 'sb-cc!s1', secret: SECRET }, verified, dir, ON)).not.toHaveProperty('boundFingerprint');
  });

  it('client_x509: the key holding the verified certificate, bound to that certificate', () => {
    expect(grantToken({ grant: 'client_x509' }, verified, dir, ON)).toEqual({
      client: expect.objectContaining({ name: 'sb-x509!k1' }),
      scope: ['Role1', 'Role2'],
      boundFingerprint: FP,
    });
  });

  it('a requested scope narrows the roles; a role the client lacks is invalid_scope', () => {
    expect(grantToken({ grant: 'client_x509', scope: ['Role2'] }, verified, dir, ON)).toMatchObject({ scope: ['Role2'] });
    expect(grantToken({ grant: 'client_x509', scope: ['Role2', 'Admin'] }, verified, dir, ON)).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      description: "client 'sb-x509!k1' does not have role 'Admin'",
    });
  });

  it.each<[string, Parameters<typeof grantToken>[0], TlsClient, typeof ON, RegExp]>([
    ['a wrong secret', { grant: 'client_credentials', clientid: 'sb-cc!s1', secret: 'nope' }, NONE, ON, /^client id or client secret is wrong$/],
    ['an unknown client id', { grant: 'client_credentials', clientid: 'sb-zz!s1', secret: SECRET }, NONE, ON, /^client id or client secret is wrong$/],
    ['client_x509 without a certificate', { grant: 'client_x509' }, NONE, ON, /needs a client certificate/],
    [
      'client_x509 with a rejected certificate',
      { grant: 'client_x509' },
      { status: 'rejected', reason: 'expired', message: 'certificate has expired', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' },
      ON,
      /not verified by ingress: certificate has expired/,
    ],
    [
      'client_x509 with a certificate no key holds',
      { grant: 'client_x509' },
      { ...verified, fingerprint: 'd'.repeat(64) },
      ON,
      /not configured in any service key of a client_x509 service instance/,
    ],
    ['client_x509 without the system key pair', { grant: 'client_x509' }, verified, OFF, /key pair with alias 'sys' does not exist in the keystore/],
    [
      'client_x509 with a client_id of another client',
      { grant: 'client_x509', clientid: 'sb-cc!s1' },
      verified,
      ON,
      /client_id 'sb-cc!s1' is not the client of the certificate presented/,
    ],
  ])('refuses %s: 401 invalid_client saying why', (_name, request, tls, systemKey, description) => {
    const failure = grantToken(request, tls, dir, systemKey);
    expect(failure).toMatchObject({ status: 401, error: 'invalid_client' });
    expect('description' in failure ? failure.description : '').toMatch(description);
  });
});
