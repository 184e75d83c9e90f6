import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PlatformModule } from '@certgate/platform';
import { ApiErrorFilter } from './common/error.filter';
import { consoleEnvSchema } from './console-env';
import { HealthController } from './health/health.controller';
import { SystemHealthService } from './health/system-health.service';

@Module({
  imports: [PlatformModule.forService('console', consoleEnvSchema)],
  controllers: [HealthController],
  providers: [SystemHealthService, { provide: APP_FILTER, useClass: ApiErrorFilter }],
})
export class ConsoleAppModule {}
