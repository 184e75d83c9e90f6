import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { testSigner, type TestSigner } from '../../test-support/token-signer';
import { TokenVerifier, type TokenVerdict } from './token-verifier';

const TENANT = 't1';
const NOW = Date.now();
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

class Keys {
  readonly map = new Map<string, KeyObject>();
  keyFor(kid: string) {
    return this.map.get(kid);
  }
}

describe('TokenVerifier: certgate access tokens, verified locally', () => {
  let signer: TestSigner;
  let keys: Keys;
  let verifier: TokenVerifier;
  const check = async (token: string, now = NOW): Promise<TokenVerdict> => verifier.check(token, now);

  beforeAll(async () => {
    signer = await testSigner(TENANT);
  });

  beforeEach(() => {
    keys = new Keys();
    keys.map.set(signer.kid, signer.publicKey);
    verifier = new TokenVerifier(keys, { issuer: 'urn:certgate:t1', audience: 'urn:certgate:t1:flows', leewaySeconds: 30 });
  });

  it('a valid token: its subject, its scope as roles, its expiry and its certificate binding', async () => {
    const thumb = 'A'.repeat(43);
    const token = await signer.sign({ scope: 'Role1 Role2', cnf: { 'x5t#S256': thumb } });
    expect(await check(token)).toEqual({
      ok: true,
      subject: 'sb-basic!k2',
      scope: new Set(['Role1', 'Role2']),
      expiresAt: expect.any(Number),
      boundThumbprint: thumb,
    });
  });

  it('a token that verified is answered from memory on its next use, synchronously', async () => {
    const token = await signer.sign();
    expect(verifier.check(token, NOW)).toBeInstanceOf(Promise);
    await check(token);
    expect(verifier.check(token, NOW)).toMatchObject({ ok: true });
    expect(verifier.size).toBe(1);
  });

  it('a remembered token still expires: past exp and the leeway it is refused', async () => {
    const token = await signer.sign({ exp: Math.floor(NOW / 1000) + 10 });
    expect(await check(token)).toMatchObject({ ok: true });
    expect(verifier.check(token, NOW + 39_000)).toMatchObject({ ok: true });
    expect(verifier.check(token, NOW + 40_000)).toEqual({ ok: false, reason: 'token_expired', description: 'token has expired' });
  });

  it('an expired token: "token has expired"; within the leeway it still passes', async () => {
    const iat = Math.floor(NOW / 1000) - 3700;
    expect(await check(await signer.sign({ iat, exp: iat + 3600 }))).toEqual({ ok: false, reason: 'token_expired', description: 'token has expired' });
    expect(await check(await signer.sign({ iat, exp: Math.floor(NOW / 1000) - 20 }))).toMatchObject({ ok: true });
  });

  it('a tampered payload: "token signature is invalid"', async () => {
    const [header, , signature] = (await signer.sign()).split('.');
    const forged = `${header}.${b64({ ...JSON.parse(Buffer.from((await signer.sign()).split('.')[1], 'base64url').toString()), scope: 'Admin' })}.${signature}`;
    expect(await check(forged)).toEqual({ ok: false, reason: 'token_signature_invalid', description: 'token signature is invalid' });
  });

  it('a key that is not published (another signer, or unpublished since): "token was signed by an unknown key"', async () => {
    const stranger = await testSigner(TENANT);
    expect(await check(await stranger.sign())).toEqual({ ok: false, reason: 'token_unknown_key', description: 'token was signed by an unknown key' });
    const token = await signer.sign();
    expect(await check(token)).toMatchObject({ ok: true });
    keys.map.clear();
    verifier.forget();
    expect(await check(token)).toMatchObject({ ok: false, reason: 'token_unknown_key' });
  });

  it('another signer claiming a published kid fails on the signature', async () => {
    const stranger = await testSigner(TENANT);
    expect(await check(await stranger.sign({}, { kid: signer.kid }))).toMatchObject({ ok: false, reason: 'token_signature_invalid' });
  });

  it('alg pinned to ES256: an HMAC token and an unsigned one are refused before any key is used', async () => {
    const hs = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256', kid: signer.kid, typ: 'at+jwt' }).sign(new Uint8Array(32));
    expect(await check(hs)).toEqual({ ok: false, reason: 'token_claims_invalid', description: 'token is not signed with ES256' });
    const none = `${b64({ alg: 'none', kid: signer.kid, typ: 'at+jwt' })}.${(await signer.sign()).split('.')[1]}.`;
    expect(await check(none)).toEqual({ ok: false, reason: 'token_claims_invalid', description: 'token is not signed with ES256' });
    expect(verifier.size).toBe(0);
  });

  it.each([
    ['another issuer', { iss: 'urn:certgate:other' }, /claim 'iss'/],
    ['another audience', { aud: 'urn:certgate:other:flows' }, /claim 'aud'/],
  ])('%s: the claim is named', async (_what, claims, description) => {
    const verdict = await check(await signer.sign(claims));
    expect(verdict).toMatchObject({ ok: false, reason: 'token_claims_invalid' });
    expect(verdict.ok ? '' : verdict.description).toMatch(description);
  });

  it('a JWT that is not an access token (typ) is refused', async () => {
    expect(await check(await signer.sign({}, { typ: 'JWT' }))).toEqual({
      ok: false,
      reason: 'token_claims_invalid',
      description: 'token is not an access token (typ at+jwt)',
    });
  });

  it('a token not valid yet (nbf beyond the leeway)', async () => {
    expect(await check(await signer.sign({ nbf: Math.floor(NOW / 1000) + 120 }))).toEqual({
      ok: false,
      reason: 'token_not_yet_valid',
      description: 'token is not valid yet',
    });
  });

  it('a signed token without the claims of a certgate token (no scope) is refused', async () => {
    expect(await check(await signer.sign({ scope: undefined }))).toMatchObject({ ok: false, reason: 'token_claims_invalid' });
  });

  it('garbage is malformed', async () => {
    expect(await check('abc.def.ghi')).toEqual({ ok: false, reason: 'token_malformed', description: 'token is not a well-formed signed JWT' });
  });
});
