import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { OAuthSigningRpc, type SignedToken, type SigningKeys, type SignTokenRequest } from '@certgate/contracts';
import { SigningService } from './signing.service';

@Controller()
export class SigningHandler {
  constructor(private readonly signing: SigningService) {}

  @MessagePattern(OAuthSigningRpc.sign)
  sign(body: SignTokenRequest): Promise<SignedToken> {
    return this.signing.sign(body);
  }

  @MessagePattern(OAuthSigningRpc.listKeys)
  list(): Promise<SigningKeys> {
    return this.signing.list();
  }

  @MessagePattern(OAuthSigningRpc.rotate)
  rotate(body: { dropPrevious: boolean }): Promise<SigningKeys> {
    return this.signing.rotate(body.dropPrevious);
  }
}
