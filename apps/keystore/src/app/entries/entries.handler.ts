import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { EntriesService } from './entries.service';
import { RenameService } from './rename.service';

@Injectable()
export class EntriesHandler {
  constructor(
    private readonly entries: EntriesService,
    private readonly renames: RenameService,
  ) {}

  @RpcHandler(KeystoreRpc.listEntries)
  async list(): Promise<{ entries: KeystoreEntryView[] }> {
    return { entries: await this.entries.list() };
  }

  @RpcHandler(KeystoreRpc.getEntry)
  get(body: { alias: string }): Promise<KeystoreEntryView> {
    return this.entries.get(body.alias);
  }

  @RpcHandler(KeystoreRpc.deleteEntry)
  delete(body: { alias: string; force: boolean }): Promise<void> {
    return this.entries.delete(body.alias, body.force);
  }

  @RpcHandler(KeystoreRpc.renameEntry)
  rename(body: { alias: string; newAlias: string }): Promise<KeystoreEntryView> {
    return this.renames.rename(body.alias, body.newAlias);
  }

  @RpcHandler(KeystoreRpc.exportCertificate)
  exportCertificate(body: { alias: string; part: 'certificate' | 'chain' }): Promise<{ alias: string; pem: string }> {
    return this.entries.exportCertificate(body.alias, body.part);
  }
}
