import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type KeystoreEntryView, type StartRenewalRequest } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { RenewalService } from './renewal.service';

@Injectable()
export class RenewalHandler {
  constructor(private readonly renewal: RenewalService) {}

  @RpcHandler(KeystoreRpc.startRenewal)
  start(body: StartRenewalRequest): Promise<KeystoreEntryView> {
    return this.renewal.start(body);
  }

  @RpcHandler(KeystoreRpc.activateRenewal)
  activate(body: { alias: string }): Promise<KeystoreEntryView> {
    return this.renewal.activate(body.alias);
  }

  @RpcHandler(KeystoreRpc.cancelRenewal)
  cancel(body: { alias: string }): Promise<void> {
    return this.renewal.cancel(body.alias);
  }
}
