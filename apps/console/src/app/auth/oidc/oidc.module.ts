import { Module } from '@nestjs/common';
import { OidcController } from './oidc.controller';

/** Web console single sign-on with an OpenID Connect provider (on when CERTGATE_OIDC_ISSUER is set). */
@Module({ controllers: [OidcController] })
export class OidcModule {}
