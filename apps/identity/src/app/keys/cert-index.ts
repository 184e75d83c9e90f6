import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, IdentityKv, type CertIndex } from '@certgate/contracts';
import type { Versioned } from '@certgate/messaging';
import { IdentityRecords } from '../store/identity-records';

/**
 * An index entry whose key does not exist (or holds another certificate) is left over
 * from a write that died halfway. It is only taken over once it is older than any
 * registration still in flight could be.
 */
export const STALE_INDEX_AFTER_MS = 60_000;

/**
 * The uniqueness index `cert.<sha256>` (design §2): a certificate belongs to at most
 * one service key across all instances, because claiming it is a `kv.create` that
 * exactly one writer wins, on whatever replica it runs (`claimUnique`).
 */
@Injectable()
export class CertIndexService {
  private readonly logger = new Logger(CertIndexService.name);

  constructor(private readonly records: IdentityRecords) {}

  /** Claims the certificate for a key; returns the index revision (to release it on rollback). 409 naming the holder otherwise. */
  async claim(fingerprint: string, owner: CertIndex, now = new Date()): Promise<number> {
    const claim = await this.records.certIndex.claimUnique(IdentityKv.certIndex(fingerprint), owner, {
      stale: (holder) => this.isStale(fingerprint, holder, now),
      attempts: 3,
    });
    if (claim.won) return claim.revision;
    // No holder: the entry changed hands under every attempt.
    if (!claim.holder) {
      throw new CertgateError(ErrorCode.concurrentChange, 'this certificate is being registered by another request at the same time; try again', {
        fingerprint,
      });
    }
    const holder = claim.holder.value;
    throw new CertgateError(
      ErrorCode.certificateInUse,
      `this certificate is already registered in key '${holder.key}' of service instance '${holder.instance}'; a certificate can be in one service key only`,
      { instance: holder.instance, key: holder.key },
    );
  }

  /** Undoes a claim, unless the entry changed since (then it is no longer ours to remove). */
  async release(fingerprint: string, revision: number): Promise<void> {
    await this.records.certIndex.delete(IdentityKv.certIndex(fingerprint), revision);
  }

  /** Removes the index entry of a deleted key, if it still points at that key. */
  async releaseFor(fingerprint: string, owner: CertIndex): Promise<void> {
    const holder = await this.records.certIndex.get(IdentityKv.certIndex(fingerprint));
    if (holder && holder.value.instance === owner.instance && holder.value.key === owner.key) await this.records.certIndex.delete(holder.key, holder.revision);
  }

  private async isStale(fingerprint: string, holder: Versioned<CertIndex>, now: Date): Promise<boolean> {
    if (now.getTime() - holder.created.getTime() < STALE_INDEX_AFTER_MS) return false;
    const key = await this.records.keys.get(IdentityKv.key(holder.value.instance, holder.value.key));
    const stale = key?.value.certificate?.fingerprint !== fingerprint;
    if (stale) this.logger.warn({ msg: 'taking over a stale certificate index entry', fingerprint, holder: holder.value });
    return stale;
  }
}
