import { Global, Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { tenantConfigurationJsonSchema } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { ApiErrorFilter } from '../common/error.filter';
import { OperatorDirectory } from '../operators/operator-directory';
import { ConfigApiModule } from './config-api.module';

const TOKEN = 'config-schema-admin-token';

/** What PlatformModule provides the console: its env, for the admin token guard. */
@Global()
@Module({
  providers: [
    { provide: SERVICE_ENV, useValue: { CERTGATE_ADMIN_TOKEN: TOKEN } },
    { provide: OperatorDirectory, useValue: { token: () => undefined, operator: () => undefined, hasEnabledAdmin: () => false, used: () => undefined } },
  ],
  exports: [SERVICE_ENV, OperatorDirectory],
})
class ConsoleEnvStub {}

describe('GET /api/v1/config/schema', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConsoleEnvStub, ConfigApiModule],
      providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api/v1');
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api/v1`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the JSON Schema of the configuration file to the admin token', async () => {
    const res = await fetch(`${base}/config/schema`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const schema = (await res.json()) as Record<string, unknown>;
    expect(schema).toEqual(tenantConfigurationJsonSchema());
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'certgate tenant configuration',
      properties: { apiVersion: { const: 'certgate/v1' }, kind: { const: 'TenantConfiguration' } },
    });
  });

  it('like every admin route, not without the token', async () => {
    const res = await fetch(`${base}/config/schema`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });
});
