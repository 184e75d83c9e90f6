import type { ChainFacts, StoredKeystoreEntry } from '@certgate/contracts';
import { describeKey, exportPrivateKeyPem, toPemBundle, type Certificate, type CryptoKey } from '@certgate/x509';
import type { KeyVault } from '../vault/key-vault';

/** What an entry tells about its certificate (the leaf, first of `chain`), in clear. */
export function certificateFacts(chain: readonly Certificate[]): ChainFacts {
  const [leaf] = chain;
  return {
    subjectDN: leaf.subjectDN,
    issuerDN: leaf.issuerDN,
    serialNumber: leaf.serialNumber,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
    fingerprint: leaf.fingerprint,
    chainPem: toPemBundle(chain),
  };
}

export interface KeyPairEntryInput {
  alias: string;
  owner: StoredKeystoreEntry['owner'];
  /** Leaf first. */
  chain: Certificate[];
  privateKey: CryptoKey;
  vault: KeyVault;
  now: Date;
}

/** A key-pair entry as the bucket stores it: certificate facts in clear, the private key sealed for its alias. */
export async function keyPairEntry(input: KeyPairEntryInput): Promise<StoredKeystoreEntry> {
  const at = input.now.toISOString();
  return {
    alias: input.alias,
    kind: 'key-pair',
    owner: input.owner,
    ...certificateFacts(input.chain),
    encryptedKey: input.vault.seal(input.alias, await exportPrivateKeyPem(input.privateKey)),
    keyAlgorithm: describeKey(input.chain[0]),
    createdAt: at,
    updatedAt: at,
  };
}

/** A trusted certificate entry: no key, the certificate alone. */
export function certificateEntry(alias: string, certificate: Certificate, now: Date): StoredKeystoreEntry {
  const at = now.toISOString();
  return {
    alias,
    kind: 'certificate',
    owner: 'tenant',
    ...certificateFacts([certificate]),
    keyAlgorithm: describeKey(certificate),
    createdAt: at,
    updatedAt: at,
  };
}
