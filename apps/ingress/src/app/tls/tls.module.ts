import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RootPolicyModule } from '../root-policy/root-policy.module';
import { TrustedRootsModule } from '../trusted-roots/trusted-roots.module';
import { ChainReview } from './chain-review.service';
import { OcspStapling } from './ocsp-stapling.service';
import { ProxiedIdentity } from './proxied-identity.service';
import { ServerChainHandler } from './server-chain.handler';
import { ServerIdentity } from './server-identity.service';
import { SessionTicketKeys } from './session-ticket-keys.service';
import { IssuerPool } from './issuer-pool.service';

@Module({
  imports: [TrustedRootsModule, RootPolicyModule, HostsModule, MetricsModule],
  controllers: [ServerChainHandler],
  providers: [ServerIdentity, ChainReview, ProxiedIdentity, OcspStapling, SessionTicketKeys, IssuerPool],
  exports: [ServerIdentity, ChainReview, ProxiedIdentity, OcspStapling, SessionTicketKeys],
})
export class TlsModule {}
