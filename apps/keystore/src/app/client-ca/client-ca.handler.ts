import { Injectable } from '@nestjs/common';
import { KeystoreRpc } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { ClientCaService, type ClientCertificateRequest } from './client-ca.service';

@Injectable()
export class ClientCaHandler {
  constructor(private readonly clientCa: ClientCaService) {}

  @RpcHandler(KeystoreRpc.issueClientCertificate)
  issue(body: ClientCertificateRequest): Promise<{ certificatePem: string; chainPem: string }> {
    return this.clientCa.issue(body);
  }
}
