import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertgateError, CLIENT_CA_ALIAS, ErrorCode, KeystoreKv, type KeystoreEntryView, type StoredKeystoreEntry } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { parseCertificates } from '@certgate/x509';
import { findEntry, listEntries } from '../common/entry-lookup';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords, ProvisioningMarkers } from '../store/keystore-records';
import { toEntryView } from './entry-view';

@Injectable()
export class EntriesService {
  private readonly logger = new Logger(EntriesService.name);

  constructor(
    private readonly records: KeystoreRecords,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async list(now = new Date()): Promise<KeystoreEntryView[]> {
    return (await listEntries(this.records.entries)).map((e) => toEntryView(e, now));
  }

  async get(alias: string, now = new Date()): Promise<KeystoreEntryView> {
    return toEntryView(await this.require(alias), now);
  }

  async delete(alias: string, force: boolean): Promise<void> {
    await this.require(alias);
    if (alias === CLIENT_CA_ALIAS) {
      throw new CertgateError(
        ErrorCode.clientCaProtected,
        `'${alias}' is the tenant's client CA: it issues the certificates of 'certificate' service keys and the ingress trusts it, so it cannot be deleted`,
        { alias },
      );
    }
    const systemAlias = this.env.CERTGATE_SYSTEM_KEY_ALIAS;
    if (alias === systemAlias) {
      if (!force) {
        throw new CertgateError(
          ErrorCode.systemKeyProtected,
          `'${alias}' is the tenant system key pair: deleting it turns client-certificate authentication off for this tenant (every request with a client certificate is refused). To delete it anyway, repeat the request with force=true`,
          { alias, force: false },
        );
      }
      // Before the delete: a restart in between must not provision the pair again.
      await this.records.provisioningMarkers.create(ProvisioningMarkers.systemKey(alias), { at: new Date().toISOString() });
    }
    await this.records.entries.delete(KeystoreKv.entry(alias));
    this.logger.warn({ msg: 'keystore entry deleted', alias, forced: force });
  }

  async exportCertificate(alias: string, part: 'certificate' | 'chain'): Promise<{ alias: string; pem: string }> {
    const entry = await this.require(alias);
    return { alias, pem: part === 'chain' ? entry.chainPem : parseCertificates(entry.chainPem)[0].pem };
  }

  private async require(alias: string): Promise<StoredKeystoreEntry> {
    const entry = await findEntry(this.records.entries, alias);
    if (!entry) throw new CertgateError(ErrorCode.entryNotFound, `no keystore entry with alias '${alias}'`, { alias });
    return entry;
  }
}
