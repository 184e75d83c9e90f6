import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { RootPoliciesService } from './root-policies.service';
import { TrustedRootsHandler } from './trusted-roots.handler';
import { TrustedRootsService } from './trusted-roots.service';

@Module({
  imports: [MetricsModule],
  controllers: [TrustedRootsHandler],
  providers: [TrustedRootsService, RootPoliciesService],
  exports: [TrustedRootsService, RootPoliciesService],
})
export class TrustedRootsModule {}
