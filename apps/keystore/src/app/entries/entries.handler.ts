import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type DownloadFile, type KeystoreEntryView } from '@certgate/contracts';
import { certificateFile, type CertificateFormat } from './certificate-file';
import { EntriesService } from './entries.service';
import { RenameService } from './rename.service';

@Controller()
export class EntriesHandler {
  constructor(
    private readonly entries: EntriesService,
    private readonly renames: RenameService,
  ) {}

  @MessagePattern(KeystoreRpc.listEntries)
  async list(): Promise<{ entries: KeystoreEntryView[] }> {
    return { entries: await this.entries.list() };
  }

  @MessagePattern(KeystoreRpc.getEntry)
  get(body: { alias: string }): Promise<KeystoreEntryView> {
    return this.entries.get(body.alias);
  }

  @MessagePattern(KeystoreRpc.deleteEntry)
  delete(body: { alias: string; force: boolean }): Promise<void> {
    return this.entries.delete(body.alias, body.force);
  }

  @MessagePattern(KeystoreRpc.renameEntry)
  rename(body: { alias: string; newAlias: string }): Promise<KeystoreEntryView> {
    return this.renames.rename(body.alias, body.newAlias);
  }

  @MessagePattern(KeystoreRpc.exportCertificate)
  exportCertificate(body: { alias: string; part: 'certificate' | 'chain' }): Promise<{ alias: string; pem: string }> {
    return this.entries.exportCertificate(body.alias, body.part);
  }

  @MessagePattern(KeystoreRpc.downloadCertificate)
  async download(body: { alias: string; part: 'certificate' | 'chain'; format: CertificateFormat }): Promise<DownloadFile> {
    const { pem } = await this.entries.exportCertificate(body.alias, body.part);
    return certificateFile(body.alias, body.part, pem, body.format);
  }
}
