import { Inject, Injectable, Logger } from '@nestjs/common';
import { type GenerateKeyPairRequest, type KeystoreEntryView, type StoredKeystoreEntry } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { createPublicKey } from 'node:crypto';
import { createCsr, importPrivateKeyPem, importPublicKeyPem } from '@certgate/x509';
import { createEntry } from '../common/entry-create';
import { asKeyPair, listEntries, requireEntry, requireFreeAlias, requirePending, type KeyPairEntry } from '../common/entry-lookup';
import { refuseOnClientCa, ownerFor } from '../common/entry-rules';
import { updateEntry } from '../common/entry-update';
import { toEntryView } from '../entries/entry-view';
import { certificateFacts, keyPairEntry } from '../entries/key-pair-entry';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';
import { openSealedKey, renewalKeyAad } from '../vault/open-sealed-key';
import { checkChainForKey, keystoreCertificates } from './chain-check';
import { createSelfSignedPair } from './self-signed-pair';

/** Which key pair of an entry an operation acts on: the current one, or the pending one of a renewal. */
export interface KeyPairTarget {
  alias: string;
  renewal: boolean;
}

/** Generate → CSR → import the CA's chain: the life of a key pair before it is used. */
@Injectable()
export class KeyPairsService {
  private readonly logger = new Logger(KeyPairsService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async generate(req: GenerateKeyPairRequest, now = new Date()): Promise<KeystoreEntryView> {
    await requireFreeAlias(this.records.entries, req.alias);
    const { privateKey, certificate } = await createSelfSignedPair({ spec: req, subjectDN: req.subjectDN, validityDays: req.validityDays, now });
    const entry = await keyPairEntry({
      alias: req.alias,
      owner: ownerFor(req.alias, this.env.CERTGATE_SYSTEM_KEY_ALIAS),
      chain: [certificate],
      privateKey,
      vault: this.vault,
      now,
    });
    await createEntry(this.records.entries, entry);
    this.logger.log({
      msg: 'key pair generated',
      alias: entry.alias,
      keyAlgorithm: entry.keyAlgorithm,
      subjectDN: entry.subjectDN,
      fingerprint: entry.fingerprint,
    });
    return toEntryView(entry, now);
  }

  async csr(target: KeyPairTarget): Promise<{ alias: string; csrPem: string }> {
    const { value: entry } = await requireEntry(this.records.entries, target.alias);
    const pair = asKeyPair(entry, 'sign a CSR with');
    const { subjectDN, privateKeyPem } = this.keyOf(pair, target.renewal);
    const publicKey = await importPublicKeyPem(createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString());
    const privateKey = await importPrivateKeyPem(privateKeyPem);
    return { alias: target.alias, csrPem: await createCsr({ keys: { privateKey, publicKey }, subjectDN }) };
  }

  async importChain(target: KeyPairTarget & { chainPem: string }, now = new Date()): Promise<KeystoreEntryView> {
    if (!target.renewal) refuseOnClientCa(target.alias, 'take another chain');
    const updated = await updateEntry(this.records.entries, target.alias, async ({ value: entry }) => {
      const pair = asKeyPair(entry, 'import a chain for');
      const { privateKeyPem } = this.keyOf(pair, target.renewal);
      const owner = target.renewal ? `the pending renewal of '${pair.alias}'` : `'${pair.alias}'`;
      const chain = await checkChainForKey({
        owner,
        privateKey: await importPrivateKeyPem(privateKeyPem),
        chainPem: target.chainPem,
        keystoreCertificates: keystoreCertificates((await listEntries(this.records.entries)).map((e) => e.chainPem)),
        now,
      });
      const facts = certificateFacts(chain);
      if (target.renewal) return { ...pair, pending: { ...requirePending(pair), ...facts }, updatedAt: now.toISOString() } satisfies StoredKeystoreEntry;
      return { ...pair, ...facts, updatedAt: now.toISOString() } satisfies StoredKeystoreEntry;
    });
    const leaf = (target.renewal && updated.pending) || updated;
    this.logger.log({
      msg: 'chain imported',
      alias: target.alias,
      renewal: target.renewal,
      subjectDN: leaf.subjectDN,
      issuerDN: leaf.issuerDN,
      fingerprint: leaf.fingerprint,
    });
    return toEntryView(updated, now);
  }

  /** The plain key PEM (kept in memory only) and the subject of the chosen pair. */
  private keyOf(pair: KeyPairEntry, renewal: boolean): { subjectDN: string; privateKeyPem: string } {
    if (!renewal) return { subjectDN: pair.subjectDN, privateKeyPem: openSealedKey(this.vault, pair.alias, pair.encryptedKey) };
    const pending = requirePending(pair);
    return { subjectDN: pending.subjectDN, privateKeyPem: openSealedKey(this.vault, renewalKeyAad(pair.alias), pending.encryptedKey) };
  }
}
