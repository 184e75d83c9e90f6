import { Injectable, Logger } from '@nestjs/common';
import type { KeystoreEntryView, StartRenewalRequest } from '@certgate/contracts';
import { asKeyPair, requireEntry, requirePending } from '../common/entry-lookup';
import { refuseOnClientCa } from '../common/entry-rules';
import { updateEntry } from '../common/entry-update';
import { toEntryView } from '../entries/entry-view';
import { createSelfSignedPair } from '../key-pairs/self-signed-pair';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';
import { activated, defaultValidityDays, pendingKeyPair, refuseSecondRenewal, withoutPending } from './renewal-entry';

/**
 * Renewal keeps the alias: a new pair waits beside the current one (which keeps serving)
 * until the operator activates it, so flows naming the alias never point at a gap.
 */
@Injectable()
export class RenewalService {
  private readonly logger = new Logger(RenewalService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
  ) {}

  async start(req: StartRenewalRequest, now = new Date()): Promise<KeystoreEntryView> {
    refuseOnClientCa(req.alias, 'be renewed here (a new CA key would invalidate every certificate it issued)');
    const { value: entry } = await requireEntry(this.records.entries, req.alias);
    refuseSecondRenewal(asKeyPair(entry, 'renew'));
    // Outside the update loop: an RSA 4096 key takes seconds and need not be made again on a retry.
    const { privateKey, certificate } = await createSelfSignedPair({
      spec: req,
      subjectDN: req.subjectDN ?? entry.subjectDN,
      validityDays: req.validityDays ?? defaultValidityDays(entry),
      now,
    });
    const pending = await pendingKeyPair({ alias: req.alias, privateKey, certificate, vault: this.vault, now });
    const updated = await updateEntry(this.records.entries, req.alias, async ({ value: current }) => {
      refuseSecondRenewal(asKeyPair(current, 'renew'));
      return { ...current, pending, updatedAt: now.toISOString() };
    });
    this.logger.log({
      msg: 'renewal started',
      alias: req.alias,
      keyAlgorithm: pending.keyAlgorithm,
      subjectDN: pending.subjectDN,
      fingerprint: pending.fingerprint,
    });
    return toEntryView(updated, now);
  }

  async activate(alias: string, now = new Date()): Promise<KeystoreEntryView> {
    let replaced = '';
    const updated = await updateEntry(this.records.entries, alias, async ({ value: entry }) => {
      const pair = asKeyPair(entry, 'renew');
      replaced = pair.fingerprint;
      return activated(pair, requirePending(pair), this.vault, now);
    });
    this.logger.log({
      msg: 'renewal activated',
      alias,
      fingerprint: updated.fingerprint,
      replacedFingerprint: replaced,
      selfSigned: updated.subjectDN === updated.issuerDN,
    });
    return toEntryView(updated, now);
  }

  async cancel(alias: string, now = new Date()): Promise<void> {
    await updateEntry(this.records.entries, alias, async ({ value: entry }) => {
      requirePending(asKeyPair(entry, 'renew'));
      return withoutPending(entry, now);
    });
    this.logger.log({ msg: 'renewal cancelled', alias });
  }
}
