import { randomBytes } from 'node:crypto';
import { errorMessage } from '@certgate/contracts';
import { exportPrivateKeyPem, generateKeyPair } from '@certgate/x509';
import { KeyVault, KeyVaultError } from './key-vault';

const MASTER = 'a'.repeat(16) + randomBytes(16).toString('hex');

function flipFirstByte(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
}

describe('KeyVault', () => {
  let pem: string;
  const vault = new KeyVault(MASTER);

  beforeAll(async () => {
    pem = await exportPrivateKeyPem((await generateKeyPair({ type: 'EC', curve: 'P-256' })).privateKey);
  });

  it('round trip: what is sealed for an alias opens for that alias', () => {
    const sealed = vault.seal('signer', pem);
    expect(sealed.alg).toBe('A256GCM');
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    expect(vault.open('signer', sealed)).toBe(pem);
    // another vault instance with the same master key derives the same key (a restart, another replica)
    expect(new KeyVault(MASTER).open('signer', sealed)).toBe(pem);
  });

  it('no plain PEM in what is stored, and a fresh IV per seal', () => {
    const a = vault.seal('signer', pem);
    const b = vault.seal('signer', pem);
    const json = JSON.stringify(a);
    expect(json).not.toContain('PRIVATE KEY');
    expect(json).not.toContain(pem.split('\n')[1]);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('another master key cannot open it, and the error says why', () => {
    const sealed = vault.seal('signer', pem);
    const other = new KeyVault('b'.repeat(40));
    expect(() => other.open('signer', sealed)).toThrow(KeyVaultError);
    expect(() => other.open('signer', sealed)).toThrow(/cannot be decrypted: CERTGATE_MASTER_KEY is not the one it was stored with/);
  });

  it.each(['data', 'tag', 'iv'] as const)('a tampered %s is refused', (field) => {
    const sealed = vault.seal('signer', pem);
    expect(() => vault.open('signer', { ...sealed, [field]: flipFirstByte(sealed[field]) })).toThrow(KeyVaultError);
  });

  it('a ciphertext moved to another alias does not open there', () => {
    const sealed = vault.seal('signer', pem);
    expect(() => vault.open('other-alias', sealed)).toThrow(/'other-alias' cannot be decrypted/);
  });

  it('a truncated tag or IV is reported as malformed', () => {
    const sealed = vault.seal('signer', pem);
    expect(() => vault.open('signer', { ...sealed, tag: Buffer.alloc(4).toString('base64') })).toThrow(/malformed/);
    expect(() => vault.open('signer', { ...sealed, iv: Buffer.alloc(16).toString('base64') })).toThrow(/malformed/);
  });

  it('the error never carries key material', () => {
    const sealed = vault.seal('signer', pem);
    try {
      new KeyVault('c'.repeat(40)).open('signer', sealed);
      throw new Error('expected open to fail');
    } catch (err) {
      expect(errorMessage(err)).not.toContain('PRIVATE');
      expect(errorMessage(err)).not.toContain(sealed.data);
    }
  });

  it('a master key shorter than 32 characters is refused', () => {
    expect(() => new KeyVault('short')).toThrow(/at least 32 characters/);
  });
});
