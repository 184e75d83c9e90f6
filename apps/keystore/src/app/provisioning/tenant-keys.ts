import { CLIENT_CA_ALIAS, type StoredKeystoreEntry } from '@certgate/contracts';
import { generateKeyPair, issueCertificate } from '@certgate/x509';
import { keyPairEntry } from '../entries/key-pair-entry';
import type { KeyVault } from '../vault/key-vault';

export const SYSTEM_KEY_VALIDITY_DAYS = 730;
export const CLIENT_CA_VALIDITY_DAYS = 3650;
const DAY_MS = 86_400_000;
/** Certificates start a little in the past so a peer whose clock lags still accepts them. */
const CLOCK_SKEW_MS = 5 * 60_000;

interface TenantKeyInput {
  tenant: string;
  vault: KeyVault;
  now: Date;
}

function validity(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now.getTime() - CLOCK_SKEW_MS), notAfter: new Date(now.getTime() + days * DAY_MS) };
}

// Aliases (NAME_PATTERN) and tenants (TENANT_PATTERN) hold no character RFC 4514 would need escaped.
export const systemKeySubject = (alias: string, tenant: string) => `CN=${alias}, O=certgate, OU=${tenant}`;
export const clientCaSubject = (tenant: string) => `CN=certgate client CA ${tenant}, O=certgate`;

/** The tenant system key pair: self-signed EC P-256, two years; it authenticates this tenant to receivers. */
export async function createSystemKeyPair(input: TenantKeyInput & { alias: string }): Promise<StoredKeystoreEntry> {
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  const certificate = await issueCertificate({
    subjectDN: systemKeySubject(input.alias, input.tenant),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    ...validity(input.now, SYSTEM_KEY_VALIDITY_DAYS),
    extendedKeyUsage: ['clientAuth'],
  });
  return keyPairEntry({ alias: input.alias, owner: 'system', chain: [certificate], privateKey: keys.privateKey, vault: input.vault, now: input.now });
}

/** The tenant client CA: a root (pathLength 0, ten years) that issues the certificates of `certificate` service keys. */
export async function createClientCa(input: TenantKeyInput): Promise<StoredKeystoreEntry> {
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  const certificate = await issueCertificate({
    subjectDN: clientCaSubject(input.tenant),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    ca: true,
    pathLength: 0,
    ...validity(input.now, CLIENT_CA_VALIDITY_DAYS),
  });
  return keyPairEntry({ alias: CLIENT_CA_ALIAS, owner: 'system', chain: [certificate], privateKey: keys.privateKey, vault: input.vault, now: input.now });
}
