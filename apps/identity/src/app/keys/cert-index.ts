import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, certIndexSchema, ErrorCode, IdentityKv, storedServiceKeySchema, type CertIndex } from '@certgate/contracts';
import { IdentityStore } from '../store/identity-store';

/**
 * An index entry whose key does not exist (or holds another certificate) is left over
 * from a write that died halfway. It is only cleared once it is older than any
 * registration still in flight could be.
 */
export const STALE_INDEX_AFTER_MS = 60_000;

/**
 * The uniqueness index `cert.<sha256>` (design §2): a certificate belongs to at most
 * one service key across all instances, because claiming it is a `kv.create` that
 * exactly one writer wins, on whatever replica it runs.
 */
@Injectable()
export class CertIndexService {
  private readonly logger = new Logger(CertIndexService.name);

  constructor(private readonly store: IdentityStore) {}

  /** Claims the certificate for a key; returns the index revision (to release it on rollback). 409 naming the holder otherwise. */
  async claim(fingerprint: string, owner: CertIndex, now = new Date()): Promise<number> {
    const key = IdentityKv.certIndex(fingerprint);
    for (let attempt = 0; attempt < 3; attempt++) {
      const revision = await this.store.create(key, certIndexSchema, owner);
      if (revision !== undefined) return revision;
      const holder = await this.store.get(key, certIndexSchema);
      if (!holder) continue; // released in the meantime
      if (await this.isStale(fingerprint, holder.value, holder.created, now)) {
        this.logger.warn({ msg: 'clearing a stale certificate index entry', fingerprint, holder: holder.value });
        await this.store.delete(key, holder.revision);
        continue;
      }
      throw new CertgateError(
        ErrorCode.conflict,
        `this certificate is already registered in key '${holder.value.key}' of service instance '${holder.value.instance}'; a certificate can be in one service key only`,
        { instance: holder.value.instance, key: holder.value.key },
      );
    }
    throw new CertgateError(ErrorCode.conflict, 'this certificate is being registered by another request at the same time; try again', { fingerprint });
  }

  /** Undoes a claim, unless the entry changed since (then it is no longer ours to remove). */
  async release(fingerprint: string, revision: number): Promise<void> {
    await this.store.delete(IdentityKv.certIndex(fingerprint), revision);
  }

  /** Removes the index entry of a deleted key, if it still points at that key. */
  async releaseFor(fingerprint: string, owner: CertIndex): Promise<void> {
    const holder = await this.store.get(IdentityKv.certIndex(fingerprint), certIndexSchema);
    if (holder && holder.value.instance === owner.instance && holder.value.key === owner.key) await this.store.delete(holder.key, holder.revision);
  }

  private async isStale(fingerprint: string, holder: CertIndex, created: Date, now: Date): Promise<boolean> {
    if (now.getTime() - created.getTime() < STALE_INDEX_AFTER_MS) return false;
    const key = await this.store.get(IdentityKv.key(holder.instance, holder.key), storedServiceKeySchema);
    return key?.value.certificate?.fingerprint !== fingerprint;
  }
}
