import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { Pkcs12Service } from './pkcs12.service';

@Injectable()
export class Pkcs12Handler {
  constructor(private readonly pkcs12: Pkcs12Service) {}

  @RpcHandler(KeystoreRpc.importPkcs12)
  import(body: { alias: string; password: string; pkcs12Base64: string }): Promise<KeystoreEntryView> {
    return this.pkcs12.import(body);
  }

  @RpcHandler(KeystoreRpc.exportPkcs12)
  export(body: { alias: string; password: string }): Promise<{ alias: string; pkcs12Base64: string }> {
    return this.pkcs12.export(body);
  }
}
