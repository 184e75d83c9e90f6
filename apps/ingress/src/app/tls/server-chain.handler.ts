import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IngressRpc } from '@certgate/contracts';
import { ServerIdentity } from './server-identity.service';

@Controller()
export class ServerChainHandler {
  constructor(private readonly server: ServerIdentity) {}

  @MessagePattern(IngressRpc.getServerChain)
  getServerChain(): { pem: string } {
    return { pem: this.server.chainPem };
  }
}
