import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { AlertSubscriptionsModule } from './alert-subscriptions/alert-subscriptions.module';
import { ClientCaModule } from './client-ca/client-ca.module';
import { EntriesModule } from './entries/entries.module';
import { KeyMaterialModule } from './key-material/key-material.module';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { SystemKeyModule } from './system-key/system-key.module';
import { TokenSigningModule } from './token-signing/token-signing.module';

/** Everything the keystore does, without the platform (so specs can start it against a tenant of their own). */
@Module({
  imports: [ProvisioningModule, EntriesModule, SystemKeyModule, ClientCaModule, TokenSigningModule, KeyMaterialModule, AlertSubscriptionsModule, AlertsModule],
})
export class KeystoreFeaturesModule {}
