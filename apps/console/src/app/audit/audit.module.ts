import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditRecorder } from './audit-recorder';
import { AuditStream } from './audit-stream';
import { ObjectDigests } from './object-digests';

/** The audit trail: every change through the admin API, hash-chained in the AUDIT stream, and the API that reads it. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditStream, AuditRecorder, ObjectDigests, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditRecorder],
})
export class AuditModule {}
