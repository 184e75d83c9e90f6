import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { TrustedCertificatesService } from './trusted-certificates.service';

@Injectable()
export class TrustedCertificatesHandler {
  constructor(private readonly trusted: TrustedCertificatesService) {}

  @RpcHandler(KeystoreRpc.addTrustedCertificate)
  add(body: { alias: string; certificatePem: string }): Promise<KeystoreEntryView> {
    return this.trusted.add(body);
  }
}
