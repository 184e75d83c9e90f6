import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type ConnectivityRequest, type ConnectivityResult } from '@certgate/contracts';
import { ConnectivityService } from './connectivity.service';

@Controller()
export class ConnectivityHandler {
  constructor(private readonly connectivity: ConnectivityService) {}

  @MessagePattern(KeystoreRpc.connectivityTls)
  tls(body: ConnectivityRequest): Promise<ConnectivityResult> {
    return this.connectivity.test(body);
  }
}
