import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';
import { IdentityFeaturesModule } from './identity-features.module';

@Module({
  imports: [PlatformModule.forService('identity'), IdentityFeaturesModule],
})
export class IdentityAppModule {}
