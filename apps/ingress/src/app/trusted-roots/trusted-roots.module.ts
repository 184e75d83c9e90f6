import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { TrustedRootsHandler } from './trusted-roots.handler';
import { TrustedRootsService } from './trusted-roots.service';

@Module({
  imports: [MetricsModule],
  controllers: [TrustedRootsHandler],
  providers: [TrustedRootsService],
  exports: [TrustedRootsService],
})
export class TrustedRootsModule {}
