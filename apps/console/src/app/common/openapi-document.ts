import { Module, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CertgateClient, MESSAGING_OPTIONS, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { AlertsApiModule } from '../alerts/alerts-api.module';
import { AlertWatchService } from '../alerts/alert-watch.service';
import { AuditModule } from '../audit/audit.module';
import { AuditRecorder } from '../audit/audit-recorder';
import { AuditStream } from '../audit/audit-stream';
import { AUTH_API_MODULES } from '../auth/auth-modules';
import { ConfigApiModule } from '../config/config-api.module';
import { CONSOLE_CONTROLLERS } from '../controllers';
import { SystemHealthService } from '../health/system-health.service';
import { OperatorDirectory } from '../operators/operator-directory';
import { buildOpenApiDocument } from './openapi';

/** Every controller the console serves: its own module's and those of the alerts, config, audit and auth modules. */
export const ALL_API_CONTROLLERS: Type[] = [
  ...CONSOLE_CONTROLLERS,
  ...[AlertsApiModule, ConfigApiModule, AuditModule, ...AUTH_API_MODULES].flatMap(
    (m) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, m) as Type[] | undefined) ?? [],
  ),
];

/**
 * The OpenAPI document the console serves at /api/docs-json, built without NATS: the
 * controllers with stand-ins for what they inject (nothing is called while the document
 * is built). Used by tools/openapi-document.ts, which writes apps/console/openapi.json
 * and the web console's typed client from it.
 */
export async function offlineOpenApiDocument(version: string): Promise<OpenAPIObject> {
  @Module({
    controllers: ALL_API_CONTROLLERS,
    providers: [
      { provide: CertgateClient, useValue: {} },
      { provide: SERVICE_ENV, useValue: { CERTGATE_ADMIN_TOKEN: 'an-admin-token-of-the-document', INGRESS_PORT: 8443 } },
      { provide: NATS_CONNECTION, useValue: {} },
      { provide: MESSAGING_OPTIONS, useValue: { tenant: 'document' } },
      { provide: AlertWatchService, useValue: {} },
      { provide: SystemHealthService, useValue: {} },
      { provide: OperatorDirectory, useValue: {} },
      { provide: AuditStream, useValue: {} },
      { provide: AuditRecorder, useValue: {} },
    ],
  })
  class OfflineDocumentModule {}

  const app = await NestFactory.create(OfflineDocumentModule, { logger: false, abortOnError: false });
  try {
    app.setGlobalPrefix('api/v1');
    await app.init();
    return buildOpenApiDocument(app, version);
  } finally {
    await app.close();
  }
}
