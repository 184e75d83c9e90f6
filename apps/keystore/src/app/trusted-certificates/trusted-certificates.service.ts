import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, type KeystoreEntryView } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { createEntry } from '../common/entry-create';
import { toEntryView } from '../entries/entry-view';
import { certificateEntry } from '../entries/key-pair-entry';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { singleTrustedCertificate } from './trusted-certificate';

/** Certificates the keystore trusts: receivers' roots (outbound mTLS, connectivity test) and CAs that complete imported chains. */
@Injectable()
export class TrustedCertificatesService {
  private readonly logger = new Logger(TrustedCertificatesService.name);

  constructor(
    private readonly records: KeystoreRecords,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async add(req: { alias: string; certificatePem: string }, now = new Date()): Promise<KeystoreEntryView> {
    const systemAlias = this.env.CERTGATE_SYSTEM_KEY_ALIAS;
    if (req.alias === systemAlias) {
      throw new CertgateError(
        ErrorCode.systemKeyProtected,
        `'${systemAlias}' is the alias of the tenant system key pair: a trusted certificate under it would leave client-certificate authentication without a key pair; choose another alias`,
        { field: 'alias', alias: req.alias },
      );
    }
    const certificate = singleTrustedCertificate(req.certificatePem);
    const entry = certificateEntry(req.alias, certificate, now);
    await createEntry(this.records.entries, entry);
    this.logger.log({ msg: 'trusted certificate added', alias: entry.alias, subjectDN: entry.subjectDN, fingerprint: entry.fingerprint });
    return toEntryView(entry, now);
  }
}
