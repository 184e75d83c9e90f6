import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, KeystoreKv, type KeystoreEntryView } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { createEntry } from '../common/entry-create';
import { requireEntry } from '../common/entry-lookup';
import { ownerFor, refuseOnClientCa } from '../common/entry-rules';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';
import { toEntryView } from './entry-view';
import { renamedEntry } from './renamed-entry';

/**
 * Rename = create under the new alias (atomic: a taken alias is never overwritten), then
 * delete the old entry only if it is unchanged since it was read; if it changed, the
 * copy is removed again and nothing is renamed, so no write is lost.
 */
@Injectable()
export class RenameService {
  private readonly logger = new Logger(RenameService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async rename(alias: string, newAlias: string, now = new Date()): Promise<KeystoreEntryView> {
    if (alias === newAlias)
      throw new CertgateError(ErrorCode.validationFailed, `newAlias: the new alias is the same as the alias '${alias}'`, { field: 'newAlias', alias });
    this.refuseProtected(alias);
    const { entries } = this.records;
    const { value: entry, revision } = await requireEntry(entries, alias);
    const renamed = renamedEntry(entry, newAlias, ownerFor(newAlias, this.env.CERTGATE_SYSTEM_KEY_ALIAS), this.vault, now);
    await createEntry(entries, renamed);
    if (!(await entries.delete(KeystoreKv.entry(alias), revision))) {
      await entries.delete(KeystoreKv.entry(newAlias));
      throw new CertgateError(
        ErrorCode.concurrentChange,
        `'${alias}' was changed or deleted by another request while it was being renamed; nothing was renamed, try again`,
        { alias, newAlias },
      );
    }
    this.logger.log({ msg: 'keystore entry renamed', alias, newAlias, fingerprint: entry.fingerprint });
    return toEntryView(renamed, now);
  }

  private refuseProtected(alias: string): void {
    refuseOnClientCa(alias, 'be renamed');
    if (alias === this.env.CERTGATE_SYSTEM_KEY_ALIAS) {
      throw new CertgateError(
        ErrorCode.systemKeyProtected,
        `'${alias}' is the tenant system key pair: client-certificate authentication finds it by this alias (CERTGATE_SYSTEM_KEY_ALIAS), so it cannot be renamed; to replace its key, renew it under the same alias`,
        { alias },
      );
    }
  }
}
