import type { StoredKeystoreEntry } from '@certgate/contracts';
import { exportPrivateKeyPem, toPemBundle, type Certificate, type CryptoKey } from '@certgate/x509';
import type { KeyVault } from '../vault/key-vault';

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
  const [leaf] = input.chain;
  const at = input.now.toISOString();
  return {
    alias: input.alias,
    kind: 'key-pair',
    owner: input.owner,
    subjectDN: leaf.subjectDN,
    issuerDN: leaf.issuerDN,
    serialNumber: leaf.serialNumber,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
    fingerprint: leaf.fingerprint,
    chainPem: toPemBundle(input.chain),
    encryptedKey: input.vault.seal(input.alias, await exportPrivateKeyPem(input.privateKey)),
    createdAt: at,
    updatedAt: at,
  };
}
