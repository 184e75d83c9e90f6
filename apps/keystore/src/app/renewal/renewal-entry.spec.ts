import type { StoredKeystoreEntry } from '@certgate/contracts';
import { generateKeyPair, importPrivateKeyPem, issueCertificate, keyMatchesCertificate, parseCertificates } from '@certgate/x509';
import { keyPairEntry } from '../entries/key-pair-entry';
import { KeyVault, KeyVaultError } from '../vault/key-vault';
import { renewalKeyAad } from '../vault/open-sealed-key';
import { activated, defaultValidityDays, pendingKeyPair, refuseSecondRenewal, withoutPending } from './renewal-entry';

const vault = new KeyVault('r'.repeat(32));
const NOW = new Date('2030-01-01T00:00:00Z');

async function selfSigned(subjectDN: string) {
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  return { privateKey: keys.privateKey, certificate: await issueCertificate({ subjectDN, publicKey: keys.publicKey, signingKey: keys.privateKey }) };
}

describe('renewal entries', () => {
  let entry: StoredKeystoreEntry;

  beforeAll(async () => {
    const current = await selfSigned('CN=a');
    entry = await keyPairEntry({ alias: 'a', owner: 'tenant', chain: [current.certificate], privateKey: current.privateKey, vault, now: NOW });
    const next = await selfSigned('CN=a renewed');
    entry = { ...entry, pending: await pendingKeyPair({ alias: 'a', ...next, vault, now: NOW }) };
  });

  it('defaultValidityDays: the length of the current certificate, within 1..3650', () => {
    expect(defaultValidityDays({ notBefore: '2030-01-01T00:00:00Z', notAfter: '2031-01-01T00:00:00Z' })).toBe(365);
    expect(defaultValidityDays({ notBefore: '2030-01-01T00:00:00Z', notAfter: '2030-01-01T01:00:00Z' })).toBe(1);
    expect(defaultValidityDays({ notBefore: '2000-01-01T00:00:00Z', notAfter: '2040-01-01T00:00:00Z' })).toBe(3650);
  });

  it('the pending key is sealed for <alias>/renewal: it does not open as the current key', () => {
    const pending = entry.pending;
    if (!pending) throw new Error('expected a pending pair');
    expect(() => vault.open('a', pending.encryptedKey)).toThrow(KeyVaultError);
    expect(vault.open(renewalKeyAad('a'), pending.encryptedKey)).toContain('PRIVATE KEY');
    expect(JSON.stringify(entry)).not.toContain('PRIVATE KEY');
  });

  it('a second renewal is refused while one is pending (409)', () => {
    expect(() => refuseSecondRenewal(entry)).toThrow(
      expect.objectContaining({ code: 'renewal_pending', message: expect.stringContaining("a renewal of 'a' is already pending") }),
    );
    expect(() => refuseSecondRenewal(withoutPending(entry, NOW))).not.toThrow();
  });

  it('activated: the pending pair becomes current under the same alias, its key sealed for the alias', async () => {
    const pending = entry.pending;
    if (!pending) throw new Error('expected a pending pair');
    const later = new Date('2030-02-01T00:00:00Z');
    const next = activated(entry, pending, vault, later);
    expect(next).not.toHaveProperty('pending');
    expect(next).toMatchObject({
      alias: 'a',
      subjectDN: 'CN=a renewed',
      fingerprint: pending.fingerprint,
      chainPem: pending.chainPem,
      createdAt: entry.createdAt,
      updatedAt: later.toISOString(),
    });
    const key = await importPrivateKeyPem(vault.open('a', next.encryptedKey ?? pending.encryptedKey));
    expect(await keyMatchesCertificate(key, parseCertificates(next.chainPem)[0])).toBe(true);
  });

  it('withoutPending drops only the pending pair', () => {
    const next = withoutPending(entry, NOW);
    expect(next).not.toHaveProperty('pending');
    expect(next.encryptedKey).toEqual(entry.encryptedKey);
    expect(next.fingerprint).toBe(entry.fingerprint);
  });
});
