import { Module } from '@nestjs/common';
import { LogsModule } from '../logs/logs.module';
import { ClientDirectory } from './client-directory';
import { JwksService } from './jwks';
import { OAuthEndpoints } from './oauth-endpoints';
import { TokenEndpoint } from './token-endpoint.service';

/** `POST /oauth/token` and `GET /oauth/jwks` (design §4). */
@Module({
  imports: [LogsModule],
  providers: [ClientDirectory, JwksService, TokenEndpoint, OAuthEndpoints],
  exports: [OAuthEndpoints],
})
export class OAuthModule {}
