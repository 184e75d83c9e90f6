import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { PlatformModule } from '@certgate/platform';
import { AlertsApiModule } from './alerts/alerts-api.module';
import { ConfigApiModule } from './config/config-api.module';
import { CertificateUserMappingsController } from './classic/certificate-user-mappings.controller';
import { GroupsController } from './classic/groups.controller';
import { UsersController } from './classic/users.controller';
import { ApiErrorFilter } from './common/error.filter';
import { QueryParamsInterceptor } from './common/query-params';
import { consoleEnvSchema } from './console-env';
import { FlowsController } from './flows/flows.controller';
import { HealthController } from './health/health.controller';
import { RolesController } from './identity/roles.controller';
import { ServiceInstancesController } from './identity/service-instances.controller';
import { IngressController } from './ingress/ingress.controller';
import { ConnectivityController } from './connectivity/connectivity.controller';
import { KeystoreEntriesController } from './keystore/entries.controller';
import { KeystoreImportsController } from './keystore/imports.controller';
import { KeyPairsController } from './keystore/key-pairs.controller';
import { LogsController } from './logs/logs.controller';
import { SigningKeysController } from './oauth/signing-keys.controller';
import { SystemHealthService } from './health/system-health.service';

@Module({
  imports: [PlatformModule.forService('console', consoleEnvSchema), AlertsApiModule, ConfigApiModule],
  controllers: [
    HealthController,
    RolesController,
    ServiceInstancesController,
    CertificateUserMappingsController,
    UsersController,
    GroupsController,
    FlowsController,
    KeystoreEntriesController,
    KeyPairsController,
    KeystoreImportsController,
    ConnectivityController,
    IngressController,
    LogsController,
    SigningKeysController,
  ],
  providers: [SystemHealthService, { provide: APP_FILTER, useClass: ApiErrorFilter }, { provide: APP_INTERCEPTOR, useClass: QueryParamsInterceptor }],
})
export class ConsoleAppModule {}
