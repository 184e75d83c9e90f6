import { Module } from '@nestjs/common';
import { TrustedRootsModule } from '../trusted-roots/trusted-roots.module';
import { HostSettingsService } from './host-settings.service';
import { HostsHandler } from './hosts.handler';

/** Custom domains: trusted roots and client-certificate mode per ingress host name (SNI). */
@Module({
  imports: [TrustedRootsModule],
  controllers: [HostsHandler],
  providers: [HostSettingsService],
  exports: [HostSettingsService],
})
export class HostsModule {}
