import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type KeystoreEntryView, type StartRenewalRequest } from '@certgate/contracts';
import { RenewalService } from './renewal.service';

@Controller()
export class RenewalHandler {
  constructor(private readonly renewal: RenewalService) {}

  @MessagePattern(KeystoreRpc.startRenewal)
  start(body: StartRenewalRequest): Promise<KeystoreEntryView> {
    return this.renewal.start(body);
  }

  @MessagePattern(KeystoreRpc.activateRenewal)
  activate(body: { alias: string }): Promise<KeystoreEntryView> {
    return this.renewal.activate(body.alias);
  }

  @MessagePattern(KeystoreRpc.cancelRenewal)
  cancel(body: { alias: string }): Promise<void> {
    return this.renewal.cancel(body.alias);
  }
}
