import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type ConnectivityRequest, type ConnectivityResult, type DownloadFile } from '@certgate/contracts';
import { chainZipFile } from './chain-zip';
import { ConnectivityService } from './connectivity.service';

@Controller()
export class ConnectivityHandler {
  constructor(private readonly connectivity: ConnectivityService) {}

  @MessagePattern(KeystoreRpc.connectivityTls)
  tls(body: ConnectivityRequest): Promise<ConnectivityResult> {
    return this.connectivity.test(body);
  }

  @MessagePattern(KeystoreRpc.connectivityChainZip)
  async chainZip(body: ConnectivityRequest): Promise<DownloadFile> {
    return chainZipFile(body.host, body.port, await this.connectivity.test(body));
  }
}
