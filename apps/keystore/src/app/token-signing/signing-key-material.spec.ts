import { calculateJwkThumbprint, compactVerify, importJWK, SignJWT } from 'jose';
import { SigningKv, storedSigningKeySchema } from '@certgate/contracts';
import { KeyVault, KeyVaultError } from '../vault/key-vault';
import { createSigningKey, openSigningKey } from './signing-key-material';

const vault = new KeyVault('m'.repeat(32));

describe('token signing key material', () => {
  it('a P-256 key whose id is the RFC 7638 thumbprint of its public key, stored in the contract shape', async () => {
    const { record } = await createSigningKey(vault, new Date('2025-01-01T00:00:00Z'));
    expect(storedSigningKeySchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ alg: 'ES256', owner: 'system', createdAt: '2025-01-01T00:00:00.000Z', publicJwk: { kty: 'EC', crv: 'P-256' } });
    expect(record.kid).toBe(await calculateJwkThumbprint(record.publicJwk, 'sha256'));
    expect(SigningKv.key(record.kid)).toMatch(/^signing\.key\.[A-Za-z0-9_-]{43}$/);
  });

  it('the private key is stored only sealed, and opens back to a key that signs for the published public key', async () => {
    const { record } = await createSigningKey(vault, new Date());
    expect(JSON.stringify(record)).not.toMatch(/PRIVATE KEY|"d":/);
    const opened = await openSigningKey(vault, record);
    const jws = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'ES256' }).sign(opened);
    await expect(compactVerify(jws, await importJWK(record.publicJwk, 'ES256'))).resolves.toBeDefined();
  });

  it('does not open under another master key, nor when moved to another kid', async () => {
    const { record } = await createSigningKey(vault, new Date());
    await expect(openSigningKey(new KeyVault('n'.repeat(32)), record)).rejects.toBeInstanceOf(KeyVaultError);
    const other = await createSigningKey(vault, new Date());
    await expect(openSigningKey(vault, { ...other.record, encryptedKey: record.encryptedKey })).rejects.toBeInstanceOf(KeyVaultError);
  });
});
