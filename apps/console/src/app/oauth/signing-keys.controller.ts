import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ErrorCode, OAuthSigningRpc, rotateSigningKeyRequestSchema } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const rotateBody = new ZodBody(rotateSigningKeyRequestSchema);

@AdminApi('oauth')
@UseGuards(AdminTokenGuard)
@Controller('oauth/signing-keys')
export class SigningKeysController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('oauth:read')
  @Get()
  @Summary('OAuth token signing keys: the active one and the previous ones still published (public keys only)')
  @ApiJsonResponse(200, OAuthSigningRpc.listKeys.response, {
    description: 'the active key id and every published key (an object, not an array)',
    example: ex.signingKeys,
  })
  list() {
    return this.rpc.request(OAuthSigningRpc.listKeys, {});
  }

  @Requires('oauth:write')
  @Post('rotate')
  @HttpCode(200)
  @Summary('A new key signs from now on; the previous one verifies its tokens until they expire (dropPrevious: unpublish it at once)')
  @ApiBodyFrom(
    rotateSigningKeyRequestSchema,
    {
      rotate: { summary: 'rotate, keeping the previous key published until its tokens expire', value: {} },
      dropPrevious: { summary: 'rotate and unpublish the previous keys at once (their tokens stop working)', value: { dropPrevious: true } },
    },
    { required: false, description: 'optional: an empty POST rotates and keeps the previous key' },
  )
  @ApiJsonResponse(200, OAuthSigningRpc.rotate.response, { description: 'the keys after the rotation', example: ex.rotatedSigningKeys })
  @ApiErrors(ErrorCode.concurrentChange)
  rotate(@Body() body: unknown) {
    // An empty POST is the common case: rotate, keep the previous key.
    return this.rpc.request(OAuthSigningRpc.rotate, rotateBody.transform(body ?? {}));
  }
}
