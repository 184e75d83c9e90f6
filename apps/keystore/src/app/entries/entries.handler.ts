import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { EntriesService } from './entries.service';

@Injectable()
export class EntriesHandler {
  constructor(private readonly entries: EntriesService) {}

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
}
