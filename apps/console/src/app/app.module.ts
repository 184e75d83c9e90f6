import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { PlatformModule } from '@certgate/platform';
import { AlertsApiModule } from './alerts/alerts-api.module';
import { AUTH_API_MODULES } from './auth/auth-modules';
import { AuditModule } from './audit/audit.module';
import { ConfigApiModule } from './config/config-api.module';
import { OperatorsAuthModule } from './operators/operators-auth.module';
import { ApiErrorFilter } from './common/error.filter';
import { QueryParamsInterceptor } from './common/query-params';
import { consoleEnvSchema } from './console-env';
import { CONSOLE_CONTROLLERS } from './controllers';
import { SystemHealthService } from './health/system-health.service';

@Module({
  imports: [PlatformModule.forService('console', consoleEnvSchema), OperatorsAuthModule, AuditModule, AlertsApiModule, ConfigApiModule, ...AUTH_API_MODULES],
  controllers: CONSOLE_CONTROLLERS,
  providers: [SystemHealthService, { provide: APP_FILTER, useClass: ApiErrorFilter }, { provide: APP_INTERCEPTOR, useClass: QueryParamsInterceptor }],
})
export class ConsoleAppModule {}
