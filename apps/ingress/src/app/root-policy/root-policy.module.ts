import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { TrustedRootsModule } from '../trusted-roots/trusted-roots.module';
import { CrlStore } from './crl-store.service';
import { OcspClient } from './ocsp-client.service';
import { RevocationHandler } from './revocation.handler';
import { RootPolicyCheck } from './root-policy-check.service';

/** Each trusted root's own demands on the chains below it: EKU and revocation (CRLs). */
@Module({
  imports: [TrustedRootsModule, MetricsModule],
  controllers: [RevocationHandler],
  providers: [CrlStore, OcspClient, RootPolicyCheck],
  exports: [RootPolicyCheck],
})
export class RootPolicyModule {}
