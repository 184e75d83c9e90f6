import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { AlertSubscriptionsModule } from './alert-subscriptions/alert-subscriptions.module';
import { ClientCaModule } from './client-ca/client-ca.module';
import { ConnectivityModule } from './connectivity/connectivity.module';
import { EntriesModule } from './entries/entries.module';
import { KeyMaterialModule } from './key-material/key-material.module';
import { KeyPairsModule } from './key-pairs/key-pairs.module';
import { Pkcs12Module } from './pkcs12/pkcs12.module';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { RenewalModule } from './renewal/renewal.module';
import { SystemKeyModule } from './system-key/system-key.module';
import { TokenSigningModule } from './token-signing/token-signing.module';
import { TrustedCertificatesModule } from './trusted-certificates/trusted-certificates.module';

/** Everything the keystore does, without the platform (so specs can start it against a tenant of their own). */
@Module({
  imports: [
    ProvisioningModule,
    EntriesModule,
    SystemKeyModule,
    ClientCaModule,
    TokenSigningModule,
    KeyMaterialModule,
    KeyPairsModule,
    RenewalModule,
    TrustedCertificatesModule,
    Pkcs12Module,
    ConnectivityModule,
    AlertSubscriptionsModule,
    AlertsModule,
  ],
})
export class KeystoreFeaturesModule {}
