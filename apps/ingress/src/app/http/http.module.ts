import { Module } from '@nestjs/common';
import { HostsModule } from '../hosts/hosts.module';
import { InvokeModule } from '../invoke/invoke.module';
import { LogsModule } from '../logs/logs.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OAuthModule } from '../oauth/oauth.module';
import { TlsModule } from '../tls/tls.module';
import { TrustedRootsModule } from '../trusted-roots/trusted-roots.module';
import { IngressServer } from './ingress-server';
import { RequestRouter } from './request-router';

@Module({
  imports: [TlsModule, TrustedRootsModule, HostsModule, InvokeModule, LogsModule, MetricsModule, OAuthModule],
  providers: [RequestRouter, IngressServer],
})
export class HttpModule {}
