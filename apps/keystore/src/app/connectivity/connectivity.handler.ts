import { Injectable } from '@nestjs/common';
import { KeystoreRpc, type ConnectivityRequest, type ConnectivityResult } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { ConnectivityService } from './connectivity.service';

@Injectable()
export class ConnectivityHandler {
  constructor(private readonly connectivity: ConnectivityService) {}

  @RpcHandler(KeystoreRpc.connectivityTls)
  tls(body: ConnectivityRequest): Promise<ConnectivityResult> {
    return this.connectivity.test(body);
  }
}
