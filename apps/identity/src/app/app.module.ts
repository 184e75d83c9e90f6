import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';

@Module({
  imports: [PlatformModule.forService('identity')],
})
export class IdentityAppModule {}
