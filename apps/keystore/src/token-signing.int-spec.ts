import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { KV } from 'nats';
import {
  Buckets,
  ErrorCode,
  OAuthSigningRpc,
  SigningKv,
  activeSigningKeySchema,
  oauthAudience,
  oauthIssuer,
  storedSigningKeySchema,
  type Jwks,
} from '@certgate/contracts';
import { ensureKv, RpcClient } from '@certgate/messaging';
import { certgateFailure as failure, defined, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { KeystoreRecords } from './app/store/keystore-records';
import { readSigningKeys } from './app/token-signing/signing-key-state';
import { SigningService } from './app/token-signing/signing.service';
import { startKeystoreReplica } from './test-support/keystore-replica';

const MASTER = randomBytes(32).toString('base64url');

const startKeystore = (h: NatsHarness, nodeId: string, env: Record<string, string> = {}): Promise<INestMicroservice> =>
  startKeystoreReplica(h, nodeId, { masterKey: MASTER, env });

/** What a verifier sees: the published public keys, read from the bucket as the runtime and the ingress watch it. */
async function publishedJwks(kv: KV): Promise<Jwks> {
  const names: string[] = [];
  for await (const key of await kv.keys(SigningKv.keys)) names.push(key);
  const keys: Jwks['keys'] = [];
  for (const name of names) {
    const entry = await kv.get(name);
    if (entry?.operation !== 'PUT') continue;
    const stored = storedSigningKeySchema.parse(entry.json());
    keys.push({ ...stored.publicJwk, kid: stored.kid, alg: 'ES256', use: 'sig' });
  }
  return { keys };
}

async function activeKid(kv: KV): Promise<string> {
  const pointer = defined(await kv.get(SigningKv.active), 'the active signing key pointer');
  return activeSigningKeySchema.parse(pointer.json()).kid;
}

describe('keystore token signing (real NATS): provisioning, signing, rotation, retention', () => {
  let h: NatsHarness;
  let kv: KV;
  let rpc: RpcClient;
  const apps: INestMicroservice[] = [];

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'token-signing' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await ensureKv(h.nc, h.tenant, Buckets.keystore);
    // Two replicas of a fresh tenant starting at the same moment.
    apps.push(...(await Promise.all(['s1', 's2'].map((n) => startKeystore(h, n)))));
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await h?.stop();
  });

  const verify = async (token: string) =>
    jwtVerify(token, createLocalJWKSet(await publishedJwks(kv)), {
      issuer: oauthIssuer(h.tenant),
      audience: oauthAudience(h.tenant),
      algorithms: ['ES256'],
      typ: 'at+jwt',
    });

  it('two replicas starting at once provision exactly one signing key, and it is active', async () => {
    const { keys } = await publishedJwks(kv);
    expect(keys).toHaveLength(1);
    expect(await activeKid(kv)).toBe(keys[0].kid);
    const listed = await rpc.request(OAuthSigningRpc.listKeys, {});
    expect(listed).toMatchObject({ active: keys[0].kid, keys: [{ kid: keys[0].kid, status: 'active', alg: 'ES256' }] });
  });

  it('the private key is in the bucket only sealed, outside the entry. prefix', async () => {
    const entry = defined(await kv.get(SigningKv.key(await activeKid(kv))), 'the stored signing key');
    expect(entry.string()).not.toMatch(/PRIVATE KEY|"d":/);
    expect(storedSigningKeySchema.parse(entry.json()).encryptedKey.alg).toBe('A256GCM');
    const entryKeys: string[] = [];
    for await (const key of await kv.keys('entry.>')) entryKeys.push(key);
    expect(entryKeys.some((k) => k.includes('signing'))).toBe(false);
  });

  it('signs over NATS a token that verifies against the published key, with the claims the keystore decides', async () => {
    const thumb = randomBytes(32).toString('base64url');
    const signed = await rpc.request(OAuthSigningRpc.sign, { sub: 'sb-a!k1', scope: ['Role1', 'Role2'], cnf: { 'x5t#S256': thumb } });
    expect(signed.kid).toBe(await activeKid(kv));
    expect(decodeProtectedHeader(signed.token)).toEqual({ alg: 'ES256', kid: signed.kid, typ: 'at+jwt' });
    const { payload } = await verify(signed.token);
    expect(payload).toEqual(signed.claims);
    expect(payload).toMatchObject({
      iss: oauthIssuer(h.tenant),
      aud: oauthAudience(h.tenant),
      sub: 'sb-a!k1',
      client_id: 'sb-a!k1',
      scope: 'Role1 Role2',
      cnf: { 'x5t#S256': thumb },
    });
    expect(signed.claims.exp - signed.claims.iat).toBe(3600);
    expect(Math.abs(signed.claims.iat - Date.now() / 1000)).toBeLessThan(5);
  });

  it('a sign request the contract refuses (a role name that is none) → validation_failed, nothing signed', async () => {
    const err = await failure(rpc.request(OAuthSigningRpc.sign, { sub: 'sb-a!k1', scope: ['not a role'] }));
    expect(err.code).toBe(ErrorCode.validationFailed);
  });

  it('rotation: a new key signs, the previous one stays published until its tokens expire, and its tokens still verify', async () => {
    const first = await rpc.request(OAuthSigningRpc.sign, { sub: 'sb-a!k1', scope: ['Role1'] });
    const rotated = await rpc.request(OAuthSigningRpc.rotate, {});
    expect(rotated.active).not.toBe(first.kid);
    const previous = defined(
      rotated.keys.find((k) => k.kid === first.kid),
      'the previous key in the listing',
    );
    expect(previous.status).toBe('previous');
    const publishedFor = Date.parse(defined(previous.publishedUntil, 'publishedUntil')) - Date.parse(defined(previous.supersededAt, 'supersededAt'));
    expect(publishedFor).toBe((3600 + 300) * 1000);
    // Whichever replica answers next reads the new pointer.
    const second = await rpc.request(OAuthSigningRpc.sign, { sub: 'sb-a!k1', scope: ['Role1'] });
    expect(second.kid).toBe(rotated.active);
    expect((await publishedJwks(kv)).keys.map((k) => k.kid).sort()).toEqual([first.kid, rotated.active].sort());
    await expect(verify(first.token)).resolves.toBeDefined();
    await expect(verify(second.token)).resolves.toBeDefined();
    // A sweep now drops nothing: the first key's tokens are still valid.
    expect(await apps[0].get(SigningService).sweep(new Date())).toEqual([]);
    expect((await publishedJwks(kv)).keys).toHaveLength(2);
  });

  it('a sweep once every token of the previous key has expired unpublishes it (clock injected), and its tokens stop verifying', async () => {
    const before = await rpc.request(OAuthSigningRpc.listKeys, {});
    const previous = before.keys.filter((k) => k.status === 'previous');
    expect(previous.length).toBeGreaterThan(0);
    const old = await rpc.request(OAuthSigningRpc.sign, { sub: 'sb-a!k1', scope: [] });
    await rpc.request(OAuthSigningRpc.rotate, {});
    const later = new Date(Date.now() + (3600 + 300) * 1000 + 1000);
    const steps = await apps[1].get(SigningService).sweep(later);
    expect(
      steps
        .filter((s) => s.kind === 'drop')
        .map((s) => s.kid)
        .sort(),
    ).toEqual([...previous.map((k) => k.kid), old.kid].sort());
    const after = await rpc.request(OAuthSigningRpc.listKeys, {});
    expect(after.keys.map((k) => k.kid)).toEqual([after.active]);
    await expect(verify(old.token)).rejects.toThrow();
  });

  it('rotation with dropPrevious unpublishes the previous key at once (a leaked key)', async () => {
    const old = await rpc.request(OAuthSigningRpc.sign, { sub: 'sb-a!k1', scope: [] });
    const rotated = await rpc.request(OAuthSigningRpc.rotate, { dropPrevious: true });
    expect(rotated.keys.map((k) => k.kid)).toEqual([rotated.active]);
    expect((await publishedJwks(kv)).keys.map((k) => k.kid)).toEqual([rotated.active]);
    await expect(verify(old.token)).rejects.toThrow();
  });

  it('#ci-flake: a sweep does not write back a key another replica dropped after the sweep read it (a lost race left two keys)', async () => {
    const records = apps[0].get(KeystoreRecords);
    const active = await activeKid(kv);
    const record = defined(
      (await readSigningKeys(records)).keys.find((k) => k.value.kid === active),
      'the active key record',
    ).value;
    const lost = randomBytes(32).toString('base64url');
    // A replica that lost the race for the first key: its key is in the bucket, never active, never marked.
    expect((await records.signingKeys.create(SigningKv.key(lost), { ...record, kid: lost })) !== undefined).toBe(true);
    const read = await readSigningKeys(records);
    expect(read.keys.map((k) => k.value.kid).sort()).toEqual([active, lost].sort());
    await records.signingKeys.delete(SigningKv.key(lost));
    const readLost = defined(
      read.keys.find((k) => k.value.kid === lost),
      'the read key',
    );
    const marked = { ...readLost.value, supersededAt: new Date().toISOString(), publishedUntil: new Date(Date.now() + 60_000).toISOString() };
    expect((await records.signingKeys.update(SigningKv.key(lost), marked, defined(readLost.revision, 'its revision'))) !== undefined).toBe(false);
    expect((await publishedJwks(kv)).keys.map((k) => k.kid)).toEqual([active]);
  });

  it('a restarted replica keeps the active key; a short TTL configured there is what it signs', async () => {
    const kid = await activeKid(kv);
    const app = await startKeystore(h, 's3', { CERTGATE_OAUTH_TOKEN_TTL_SECONDS: '2' });
    apps.push(app);
    expect(await activeKid(kv)).toBe(kid);
    const signed = await app.get(SigningService).sign({ sub: 'sb-a!k1', scope: [] });
    expect(signed.kid).toBe(kid);
    expect(signed.claims.exp - signed.claims.iat).toBe(2);
  });
});
