import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../keystore-env';
import { KeyVault } from '../vault/key-vault';
import { AlertStateRecords } from './alert-state-records';
import { KeystoreRecords } from './keystore-records';

@Module({
  providers: [
    KeystoreRecords,
    AlertStateRecords,
    { provide: KeyVault, inject: [SERVICE_ENV], useFactory: (env: KeystoreEnv) => new KeyVault(env.CERTGATE_MASTER_KEY) },
  ],
  exports: [KeystoreRecords, AlertStateRecords, KeyVault],
})
export class StoreModule {}
