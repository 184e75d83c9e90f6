import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CLIENT_CA_ALIAS, KeystoreKv, type StoredKeystoreEntry } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { findEntry } from '../common/entry-lookup';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords, ProvisioningMarkers } from '../store/keystore-records';
import { KeyVault, KeyVaultError } from '../vault/key-vault';
import { createClientCa, createSystemKeyPair } from './tenant-keys';

export type ProvisioningResult = 'created' | 'existed' | 'skipped';

/**
 * Gives a tenant its system key pair (not on trial) and its client CA at first start.
 * Every replica runs this at once; `kv.create` lets exactly one entry win and the
 * others adopt it. Runs in onModuleInit, before any request handler subscribes, so no
 * request is answered while the tenant keys do not exist yet.
 */
@Injectable()
export class ProvisioningService implements OnModuleInit {
  private readonly logger = new Logger(ProvisioningService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async onModuleInit(): Promise<void> {
    const clientCa = await this.ensureClientCa();
    const systemKey = await this.ensureSystemKey();
    this.logger.log({
      msg: 'tenant keys checked',
      clientCa,
      systemKey,
      systemKeyAlias: this.env.CERTGATE_SYSTEM_KEY_ALIAS,
      plan: this.env.CERTGATE_TENANT_PLAN,
    });
  }

  async ensureClientCa(): Promise<ProvisioningResult> {
    const existing = await findEntry(this.records.entries, CLIENT_CA_ALIAS);
    if (existing) {
      this.requireVaultOpens(existing);
      return 'existed';
    }
    const entry = await createClientCa({ tenant: this.env.CERTGATE_TENANT, vault: this.vault, now: new Date() });
    const won = await this.createFirst(entry);
    if (won) this.logger.log({ msg: 'tenant client CA created', alias: CLIENT_CA_ALIAS, subjectDN: entry.subjectDN, fingerprint: entry.fingerprint });
    else this.adopt(CLIENT_CA_ALIAS, await findEntry(this.records.entries, CLIENT_CA_ALIAS));
    return won ? 'created' : 'existed';
  }

  /**
   * Once per alias: the marker remembers it was provisioned, so a pair an operator
   * deleted (with force) stays deleted across restarts. The entry is written before
   * the marker; a crash in between only means the next start writes the marker.
   */
  async ensureSystemKey(): Promise<ProvisioningResult> {
    if (this.env.CERTGATE_TENANT_PLAN === 'trial') return 'skipped';
    const alias = this.env.CERTGATE_SYSTEM_KEY_ALIAS;
    const marker = ProvisioningMarkers.systemKey(alias);
    const existing = await findEntry(this.records.entries, alias);
    if (existing) this.requireVaultOpens(existing);
    // Presence is what counts, readable or not.
    if ((await this.records.provisioningMarkers.inspect(marker)) !== undefined) return existing ? 'existed' : 'skipped';
    let result: ProvisioningResult = 'existed';
    if (!existing) {
      const entry = await createSystemKeyPair({ alias, tenant: this.env.CERTGATE_TENANT, vault: this.vault, now: new Date() });
      if (await this.createFirst(entry)) {
        result = 'created';
        this.logger.log({ msg: 'tenant system key pair created', alias, subjectDN: entry.subjectDN, fingerprint: entry.fingerprint });
      } else {
        this.adopt(alias, await findEntry(this.records.entries, alias));
      }
    }
    await this.records.provisioningMarkers.create(marker, { at: new Date().toISOString() });
    return result;
  }

  /** False when another replica wrote the entry first. */
  private async createFirst(entry: StoredKeystoreEntry): Promise<boolean> {
    return (await this.records.entries.create(KeystoreKv.entry(entry.alias), entry)) !== undefined;
  }

  private adopt(alias: string, winner: StoredKeystoreEntry | undefined): void {
    this.logger.log({ msg: 'another replica provisioned the entry first; using it', alias, fingerprint: winner?.fingerprint });
  }

  /**
   * A master key other than the one the keys were stored with would answer every
   * signing, export and receiver call with an error: refuse to start instead, saying so.
   */
  private requireVaultOpens(entry: StoredKeystoreEntry): void {
    if (!entry.encryptedKey) return;
    try {
      this.vault.open(entry.alias, entry.encryptedKey);
    } catch (err) {
      if (!(err instanceof KeyVaultError)) throw err;
      throw new Error(`the keystore cannot open its own keys: ${err.message}. Start it with the CERTGATE_MASTER_KEY the tenant's keys were stored with`, {
        cause: err,
      });
    }
  }
}
