import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { KeyVault } from '../vault/key-vault';
import { KeystoreStore } from './keystore-store';

@Module({
  providers: [KeystoreStore, { provide: KeyVault, inject: [SERVICE_ENV], useFactory: (env: KeystoreEnv) => new KeyVault(env.CERTGATE_MASTER_KEY) }],
  exports: [KeystoreStore, KeyVault],
})
export class StoreModule {}
