import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';

@Module({
  imports: [PlatformModule.forService('keystore')],
})
export class KeystoreAppModule {}
