import { Injectable } from '@nestjs/common';
import { IngressRpc } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { ServerIdentity } from './server-identity.service';

@Injectable()
export class ServerChainHandler {
  constructor(private readonly server: ServerIdentity) {}

  @RpcHandler(IngressRpc.getServerChain)
  getServerChain(): { pem: string } {
    return { pem: this.server.chainPem };
  }
}
