import { Module } from '@nestjs/common';
import { IngressMetrics } from './ingress-metrics';

@Module({
  providers: [IngressMetrics],
  exports: [IngressMetrics],
})
export class MetricsModule {}
