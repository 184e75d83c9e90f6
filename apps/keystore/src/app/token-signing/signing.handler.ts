import { Injectable } from '@nestjs/common';
import { OAuthSigningRpc, type SignedToken, type SigningKeys, type SignTokenRequest } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { SigningService } from './signing.service';

@Injectable()
export class SigningHandler {
  constructor(private readonly signing: SigningService) {}

  @RpcHandler(OAuthSigningRpc.sign)
  sign(body: SignTokenRequest): Promise<SignedToken> {
    return this.signing.sign(body);
  }

  @RpcHandler(OAuthSigningRpc.listKeys)
  list(): Promise<SigningKeys> {
    return this.signing.list();
  }

  @RpcHandler(OAuthSigningRpc.rotate)
  rotate(body: { dropPrevious: boolean }): Promise<SigningKeys> {
    return this.signing.rotate(body.dropPrevious);
  }
}
