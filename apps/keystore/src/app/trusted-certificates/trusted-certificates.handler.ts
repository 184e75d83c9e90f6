import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { TrustedCertificatesService } from './trusted-certificates.service';

@Controller()
export class TrustedCertificatesHandler {
  constructor(private readonly trusted: TrustedCertificatesService) {}

  @MessagePattern(KeystoreRpc.addTrustedCertificate)
  add(body: { alias: string; certificatePem: string }): Promise<KeystoreEntryView> {
    return this.trusted.add(body);
  }
}
