import { Module } from '@nestjs/common';
import { LogsModule } from '../logs/logs.module';
import { MetricsModule } from '../metrics/metrics.module';
import { InvokeService } from './invoke.service';

@Module({
  imports: [LogsModule, MetricsModule],
  providers: [InvokeService],
  exports: [InvokeService],
})
export class InvokeModule {}
