import { CLIENT_CA_ALIAS } from '@certgate/contracts';
import { dnEquals, importPrivateKeyPem, isValidAnchor, keyMatchesCertificate, parseCertificate } from '@certgate/x509';
import { KeyVault } from '../vault/key-vault';
import { createClientCa, createSystemKeyPair } from './tenant-keys';

const vault = new KeyVault('m'.repeat(32));
const NOW = new Date();
const DAY_MS = 86_400_000;

/** The value, or a failed test naming what was missing. */
function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

describe('tenant keys', () => {
  it('system key pair: self-signed EC P-256 leaf, subject CN=<alias>, O=certgate, OU=<tenant>, two years, owner system', async () => {
    const entry = await createSystemKeyPair({ alias: 'sys_key', tenant: 'acme', vault, now: NOW });
    const cert = parseCertificate(entry.chainPem);
    expect(entry).toMatchObject({ alias: 'sys_key', kind: 'key-pair', owner: 'system' });
    expect(dnEquals(entry.subjectDN, 'CN=sys_key, O=certgate, OU=acme')).toBe(true);
    expect(entry.issuerDN).toBe(entry.subjectDN);
    expect(cert.isCA).toBe(false);
    expect(await cert.isSelfSigned()).toBe(true);
    expect(cert.extendedKeyUsage).toEqual(['clientAuth']);
    expect(Math.round((cert.notAfter.getTime() - NOW.getTime()) / DAY_MS)).toBe(730);
    expect(entry.fingerprint).toBe(cert.fingerprint);
    const key = await importPrivateKeyPem(vault.open('sys_key', defined(entry.encryptedKey, 'a sealed key')));
    expect(key.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(await keyMatchesCertificate(key, cert)).toBe(true);
  });

  it('client CA: a valid root with pathLength 0, ten years, owner system, key sealed for its alias', async () => {
    const entry = await createClientCa({ tenant: 'acme', vault, now: NOW });
    const cert = parseCertificate(entry.chainPem);
    expect(entry).toMatchObject({ alias: CLIENT_CA_ALIAS, owner: 'system', kind: 'key-pair' });
    expect(dnEquals(entry.subjectDN, 'CN=certgate client CA acme, O=certgate')).toBe(true);
    expect(await isValidAnchor(cert)).toEqual({ ok: true });
    expect(cert.pathLength).toBe(0);
    expect(Math.round((cert.notAfter.getTime() - NOW.getTime()) / DAY_MS)).toBe(3650);
    expect(JSON.stringify(entry)).not.toContain('PRIVATE KEY');
    expect(await keyMatchesCertificate(await importPrivateKeyPem(vault.open(CLIENT_CA_ALIAS, defined(entry.encryptedKey, 'a sealed key'))), cert)).toBe(true);
  });
});
