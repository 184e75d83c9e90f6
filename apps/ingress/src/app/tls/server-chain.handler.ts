import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IngressRpc, type ServerIdentityView } from '@certgate/contracts';
import type { ServerChainUpload } from './server-chain-upload';
import { ServerIdentity } from './server-identity.service';

@Controller()
export class ServerChainHandler {
  constructor(private readonly server: ServerIdentity) {}

  @MessagePattern(IngressRpc.getServerChain)
  getServerChain(): { pem: string } {
    return { pem: this.server.chainPem };
  }

  @MessagePattern(IngressRpc.putServerChain)
  putServerChain(body: ServerChainUpload): Promise<ServerIdentityView> {
    return this.server.replace(body);
  }

  @MessagePattern(IngressRpc.resetServerChain)
  resetServerChain(): Promise<ServerIdentityView> {
    return this.server.reset();
  }
}
