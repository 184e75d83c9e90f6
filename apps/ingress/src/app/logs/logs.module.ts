import { Module } from '@nestjs/common';
import { RequestLog } from './request-log.service';

@Module({
  providers: [RequestLog],
  exports: [RequestLog],
})
export class LogsModule {}
