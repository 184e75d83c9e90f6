import { createHash } from 'node:crypto';
import { PrincipalDirectory } from '@certgate/authz';
import { IdentityKv, clientIdOf, type StoredServiceKey } from '@certgate/contracts';
import { buildCredential } from './credential';

const FP = 'c'.repeat(64);
const SECRET = 'the-secret';

function directory(): PrincipalDirectory {
  const dir = new PrincipalDirectory();
  const createdAt = '2025-01-01T00:00:00.000Z';
  dir.apply(IdentityKv.instance('x509'), { name: 'x509', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] }, createdAt });
  dir.apply(IdentityKv.instance('basic'), { name: 'basic', parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] }, createdAt });
  const certKey: StoredServiceKey = {
    instance: 'x509',
    name: 'k1',
    type: 'external-certificate',
    clientid: clientIdOf('x509', 'k1'),
    certificate: { pem: 'x', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca', serialNumber: '1', notBefore: createdAt, notAfter: createdAt },
    createdAt,
  };
  const secretKey: StoredServiceKey = {
    instance: 'basic',
    name: 'k2',
    type: 'client-secret',
    clientid: clientIdOf('basic', 'k2'),
    secretHash: createHash('sha256').update(SECRET).digest('hex'),
    createdAt,
  };
  dir.apply(IdentityKv.key('x509', 'k1'), certKey);
  dir.apply(IdentityKv.key('basic', 'k2'), secretKey);
  return dir;
}

const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

describe('buildCredential', () => {
  const dir = directory();

  it('a verified certificate carries the principal of the key that holds it', () => {
    const cred = buildCredential({ status: 'verified', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' }, {}, dir);
    expect(cred).toMatchObject({ kind: 'certificate', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca', principal: { name: 'sb-x509!k1', grantType: 'client_x509' } });
  });

  it('a verified certificate no key holds has no principal', () => {
    const cred = buildCredential({ status: 'verified', fingerprint: 'd'.repeat(64), subjectDN: 'CN=b', issuerDN: 'CN=ca' }, {}, dir);
    expect(cred).toEqual({ kind: 'certificate', fingerprint: 'd'.repeat(64), subjectDN: 'CN=b', issuerDN: 'CN=ca', principal: undefined });
  });

  it('a verified certificate wins over basic credentials sent along', () => {
    const cred = buildCredential({ status: 'verified', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' }, basic('sb-basic!k2', SECRET), dir);
    expect(cred.kind).toBe('certificate');
  });

  it('a rejected certificate stays rejected, even with valid basic credentials', () => {
    const tls = { status: 'rejected' as const, reason: 'chain_incomplete', message: 'the chain is incomplete', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' };
    expect(buildCredential(tls, basic('sb-basic!k2', SECRET), dir)).toEqual({ kind: 'certificate-rejected', reason: 'chain_incomplete', message: 'the chain is incomplete' });
  });

  it('no certificate and no header: no credential', () => {
    expect(buildCredential({ status: 'none' }, {}, dir)).toEqual({ kind: 'none' });
  });

  it('basic credentials with the right secret', () => {
    expect(buildCredential({ status: 'none' }, basic('sb-basic!k2', SECRET), dir)).toMatchObject({
      kind: 'basic',
      clientid: 'sb-basic!k2',
      secretMatches: true,
      principal: { name: 'sb-basic!k2', grantType: 'client_credentials' },
    });
  });

  it('basic credentials with a wrong secret, or of an unknown client id, do not match', () => {
    expect(buildCredential({ status: 'none' }, basic('sb-basic!k2', 'nope'), dir)).toMatchObject({ kind: 'basic', secretMatches: false });
    expect(buildCredential({ status: 'none' }, basic('sb-ghost!k9', SECRET), dir)).toEqual({ kind: 'basic', clientid: 'sb-ghost!k9', principal: undefined, secretMatches: false });
  });

  it('a certificate key has no secret: basic auth with its client id never matches', () => {
    expect(buildCredential({ status: 'none' }, basic('sb-x509!k1', ''), dir)).toMatchObject({ kind: 'basic', secretMatches: false });
  });

  it('malformed basic credentials are reported, not ignored', () => {
    expect(buildCredential({ status: 'none' }, { authorization: 'Basic !!!' }, dir)).toMatchObject({ kind: 'malformed' });
  });
});
