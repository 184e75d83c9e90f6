import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { OAuthSigningRpc, rotateSigningKeyRequestSchema } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

const rotateBody = new ZodBody(rotateSigningKeyRequestSchema);

@AdminApi('oauth')
@UseGuards(AdminTokenGuard)
@Controller('oauth/signing-keys')
export class SigningKeysController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('OAuth token signing keys: the active one and the previous ones still published (public keys only)')
  @ApiResponseFrom(OAuthSigningRpc.listKeys.response)
  list() {
    return this.rpc.request(OAuthSigningRpc.listKeys, {});
  }

  @Post('rotate')
  @HttpCode(200)
  @Summary('A new key signs from now on; the previous one verifies its tokens until they expire (dropPrevious: unpublish it at once)')
  @ApiBodyFrom(rotateSigningKeyRequestSchema)
  @ApiResponseFrom(OAuthSigningRpc.rotate.response)
  rotate(@Body() body: unknown) {
    // An empty POST is the common case: rotate, keep the previous key.
    return this.rpc.request(OAuthSigningRpc.rotate, rotateBody.transform(body ?? {}));
  }
}
