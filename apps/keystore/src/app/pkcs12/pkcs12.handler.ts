import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { Pkcs12Service } from './pkcs12.service';

@Controller()
export class Pkcs12Handler {
  constructor(private readonly pkcs12: Pkcs12Service) {}

  @MessagePattern(KeystoreRpc.importPkcs12)
  import(body: { alias: string; password: string; pkcs12Base64: string }): Promise<KeystoreEntryView> {
    return this.pkcs12.import(body);
  }

  @MessagePattern(KeystoreRpc.exportPkcs12)
  export(body: { alias: string; password: string }): Promise<{ alias: string; pkcs12Base64: string }> {
    return this.pkcs12.export(body);
  }
}
