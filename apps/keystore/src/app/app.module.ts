import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';
import { keystoreEnvSchema } from './keystore-env';
import { KeystoreFeaturesModule } from './keystore-features.module';

@Module({
  imports: [PlatformModule.forService('keystore', keystoreEnvSchema), KeystoreFeaturesModule],
})
export class KeystoreAppModule {}
