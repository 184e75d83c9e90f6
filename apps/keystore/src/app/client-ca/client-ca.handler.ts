import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc } from '@certgate/contracts';
import { ClientCaService, type ClientCertificateRequest } from './client-ca.service';

@Controller()
export class ClientCaHandler {
  constructor(private readonly clientCa: ClientCaService) {}

  @MessagePattern(KeystoreRpc.issueClientCertificate)
  issue(body: ClientCertificateRequest): Promise<{ certificatePem: string; chainPem: string }> {
    return this.clientCa.issue(body);
  }
}
