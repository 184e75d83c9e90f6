import { createHash } from 'node:crypto';
import { PrincipalDirectory } from '@certgate/authz';
import { IdentityKv, clientIdOf, type StoredServiceKey, type TlsClient } from '@certgate/contracts';
import { testSigner, type TestSigner } from '../../test-support/token-signer';
import { buildCredential as build, thumbprintOf, type PrincipalLookup } from './credential';
import { TokenVerifier } from './token-verifier';

const FP = 'c'.repeat(64);
const SECRET = 'the-secret';

function directory(): PrincipalDirectory {
  const dir = new PrincipalDirectory();
  const createdAt = '2025-01-01T00:00:00.000Z';
  dir.apply(IdentityKv.instance('x509'), { name: 'x509', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] }, createdAt });
  dir.apply(IdentityKv.instance('basic'), {
    name: 'basic',
    parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': [] },
    createdAt,
  });
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

const NO_TOKENS = { check: () => Promise.reject(new Error('no token expected')) };

/** The synchronous answer: everything but a first-seen Bearer token. */
function buildCredential(tls: TlsClient, headers: Record<string, string | string[]>, lookup: PrincipalLookup) {
  const credential = build(tls, headers, lookup, NO_TOKENS, Date.now());
  if (credential instanceof Promise) throw new Error('expected a synchronous credential');
  return credential;
}

describe('buildCredential', () => {
  const dir = directory();

  it('a verified certificate carries the principal of the key that holds it', () => {
    const cred = buildCredential({ status: 'verified', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' }, {}, dir);
    expect(cred).toMatchObject({
      kind: 'certificate',
      fingerprint: FP,
      subjectDN: 'CN=a',
      issuerDN: 'CN=ca',
      principal: { name: 'sb-x509!k1', grantType: 'client_x509' },
    });
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
    const tls = {
      status: 'rejected' as const,
      reason: 'chain_incomplete',
      message: 'the chain is incomplete',
      fingerprint: FP,
      subjectDN: 'CN=a',
      issuerDN: 'CN=ca',
    };
    expect(buildCredential(tls, basic('sb-basic!k2', SECRET), dir)).toEqual({
      kind: 'certificate-rejected',
      reason: 'chain_incomplete',
      message: 'the chain is incomplete',
    });
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
    expect(buildCredential({ status: 'none' }, basic('sb-ghost!k9', SECRET), dir)).toEqual({
      kind: 'basic',
      clientid: 'sb-ghost!k9',
      principal: undefined,
      secretMatches: false,
    });
  });

  it('a certificate key has no secret: basic auth with its client id never matches', () => {
    expect(buildCredential({ status: 'none' }, basic('sb-x509!k1', ''), dir)).toMatchObject({ kind: 'basic', secretMatches: false });
  });

  it('malformed basic credentials are reported, not ignored', () => {
    expect(buildCredential({ status: 'none' }, { authorization: 'Basic !!!' }, dir)).toMatchObject({ kind: 'malformed' });
  });

  describe('Bearer tokens', () => {
    let signer: TestSigner;
    let tokens: TokenVerifier;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const aliceTls: TlsClient = { status: 'verified', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' };

    beforeAll(async () => {
      signer = await testSigner('t1');
      tokens = new TokenVerifier(
        { keyFor: (kid) => (kid === signer.kid ? signer.publicKey : undefined) },
        { issuer: 'urn:certgate:t1', audience: 'urn:certgate:t1:flows', leewaySeconds: 0 },
      );
    });

    it('a verified token is its subject, holding the scope it still has, with no certificate needed', async () => {
      const credential = await build({ status: 'none' }, bearer(await signer.sign({ scope: 'Role1 Role9' })), dir, tokens, Date.now());
      expect(credential).toEqual({
        kind: 'bearer',
        subject: 'sb-basic!k2',
        principal: { name: 'sb-basic!k2', kind: 'service-key', roles: new Set(['Role1']), grantType: 'client_credentials' },
      });
    });

    it('a token wins over the verified certificate of the connection, which serves as proof of a binding', async () => {
      const bound = await signer.sign({ sub: 'sb-x509!k1', cnf: { 'x5t#S256': thumbprintOf(FP) } });
      expect(await build(aliceTls, bearer(bound), dir, tokens, Date.now())).toMatchObject({
        kind: 'bearer',
        subject: 'sb-x509!k1',
        boundThumbprint: thumbprintOf(FP),
        presentedThumbprint: thumbprintOf(FP),
      });
      expect(await build({ status: 'none' }, bearer(bound), dir, tokens, Date.now())).not.toHaveProperty('presentedThumbprint');
    });

    it('a rejected certificate stays rejected, even with a valid token', async () => {
      const tls = { status: 'rejected' as const, reason: 'expired', message: 'expired', fingerprint: FP, subjectDN: 'CN=a', issuerDN: 'CN=ca' };
      expect(await build(tls, bearer(await signer.sign()), dir, tokens, Date.now())).toMatchObject({ kind: 'certificate-rejected' });
    });

    it('a token that does not verify carries the reason; a token of a deleted client has no principal', async () => {
      expect(await build({ status: 'none' }, bearer('a.b.c'), dir, tokens, Date.now())).toEqual({
        kind: 'bearer-invalid',
        reason: 'token_malformed',
        description: 'token is not a well-formed signed JWT',
      });
      expect(await build({ status: 'none' }, bearer(await signer.sign({ sub: 'sb-gone!k1' })), dir, tokens, Date.now())).toEqual({
        kind: 'bearer',
        subject: 'sb-gone!k1',
        principal: undefined,
      });
    });

    it('the certificate fingerprint (hex) becomes the RFC 8705 thumbprint (base64url of the same bytes)', () => {
      expect(thumbprintOf('00'.repeat(31) + 'ff')).toBe(Buffer.from('00'.repeat(31) + 'ff', 'hex').toString('base64url'));
      expect(thumbprintOf(FP)).toHaveLength(43);
    });
  });
});
