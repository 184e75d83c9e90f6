import { generateKeyPair, issueCertificate } from '@certgate/x509';
import { renewalKeyAad } from '../vault/open-sealed-key';
import { KeyVault, KeyVaultError } from '../vault/key-vault';
import { pendingKeyPair } from '../renewal/renewal-entry';
import { certificateEntry, keyPairEntry } from './key-pair-entry';
import { renamedEntry } from './renamed-entry';

const vault = new KeyVault('n'.repeat(32));
const NOW = new Date('2030-01-01T00:00:00Z');

async function selfSigned(subjectDN: string) {
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  return { privateKey: keys.privateKey, certificate: await issueCertificate({ subjectDN, publicKey: keys.publicKey, signingKey: keys.privateKey }) };
}

describe('renamedEntry', () => {
  it('re-seals the current and the pending key for the new alias; the facts stay', async () => {
    const current = await selfSigned('CN=old');
    const base = await keyPairEntry({ alias: 'old', owner: 'tenant', chain: [current.certificate], privateKey: current.privateKey, vault, now: NOW });
    const entry = { ...base, pending: await pendingKeyPair({ alias: 'old', ...(await selfSigned('CN=old 2')), vault, now: NOW }) };
    const later = new Date('2030-03-01T00:00:00Z');

    const renamed = renamedEntry(entry, 'new', 'tenant', vault, later);
    expect(renamed).toMatchObject({
      alias: 'new',
      fingerprint: entry.fingerprint,
      chainPem: entry.chainPem,
      createdAt: entry.createdAt,
      updatedAt: later.toISOString(),
    });
    const sealed = renamed.encryptedKey;
    const pending = renamed.pending;
    if (!sealed || !pending) throw new Error('expected both keys');
    expect(vault.open('new', sealed)).toBe(vault.open('old', base.encryptedKey ?? sealed));
    expect(() => vault.open('old', sealed)).toThrow(KeyVaultError);
    expect(vault.open(renewalKeyAad('new'), pending.encryptedKey)).toContain('PRIVATE KEY');
    expect(() => vault.open(renewalKeyAad('old'), pending.encryptedKey)).toThrow(KeyVaultError);
  });

  it('a trusted certificate has no key to re-seal', async () => {
    const { certificate } = await selfSigned('CN=root');
    const renamed = renamedEntry(certificateEntry('r', certificate, NOW), 'r2', 'tenant', vault, NOW);
    expect(renamed).toMatchObject({ alias: 'r2', kind: 'certificate', fingerprint: certificate.fingerprint });
    expect(renamed).not.toHaveProperty('encryptedKey');
  });
});
