import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ErrorCode, HTTP_STATUS_OF } from '@certgate/contracts';
import { CertgateClient, MESSAGING_OPTIONS, NATS_CONNECTION } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { AlertWatchService } from '../alerts/alert-watch.service';
import { SystemHealthService } from '../health/system-health.service';
import { AuditRecorder } from '../audit/audit-recorder';
import { AuditStream } from '../audit/audit-stream';
import { OperatorDirectory } from '../operators/operator-directory';
import { buildOpenApiDocument, completeErrorResponses } from './openapi';
import { ALL_API_CONTROLLERS } from './openapi-document';

/** Every controller the console serves, without the modules that connect to NATS. */
const CONTROLLERS: Type[] = ALL_API_CONTROLLERS;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];
interface Op {
  method: Method;
  path: string;
  op: OperationObject;
}

/** The routes Nest serves, with the status it answers on success (@HttpCode, else 201 for POST and 200 otherwise). */
function servedRoutes(): { method: Method; path: string; status: number }[] {
  return CONTROLLERS.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => controller.prototype[name] as object)
      .filter((handler) => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => {
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase() as Method;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler));
        const path = ['/api/v1', base, sub]
          .filter((p) => p && p !== '/')
          .join('/')
          .replace(/\/+/g, '/')
          .replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'post' ? 201 : 200);
        return { method, path, status };
      });
  });
}

const operations = (doc: OpenAPIObject): Op[] =>
  Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as OperationObject })));

/** 2xx, and 302 for the single sign-on redirects. */
const success = (op: OperationObject) => Object.keys(op.responses).filter((s) => /^2\d\d$|^302$/.test(s));
/** The sign-in routes (`@Public()`): no security, and no 401/403 but those they declare. */
const isPublic = (op: OperationObject) => op.security?.length === 0;

describe('the OpenAPI document of the admin API', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: CONTROLLERS,
      providers: [
        { provide: CertgateClient, useValue: {} },
        { provide: SERVICE_ENV, useValue: { CERTGATE_ADMIN_TOKEN: 'an-admin-token-of-the-spec', INGRESS_PORT: 8443 } },
        { provide: NATS_CONNECTION, useValue: {} },
        { provide: MESSAGING_OPTIONS, useValue: { tenant: 'spec' } },
        { provide: AlertWatchService, useValue: {} },
        { provide: SystemHealthService, useValue: {} },
        { provide: OperatorDirectory, useValue: {} },
        { provide: AuditStream, useValue: {} },
        { provide: AuditRecorder, useValue: {} },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api/v1');
    await app.init();
    doc = buildOpenApiDocument(app, '0.0.0-spec');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is OpenAPI 3.1 and describes the admin token as the Bearer token it is', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components?.securitySchemes?.['admin-token']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      description: expect.stringContaining('CERTGATE_ADMIN_TOKEN'),
    });
    expect(doc.info.description).toContain('dev-secrets.json');
    // How requests are parsed, and what a path or method outside the document gets (no operation has those answers).
    expect(doc.info.description).toMatch(/415 `unsupported_media_type`.*413 `payload_too_large`.*`invalid_json`.*404 `not_found`.*405 `method_not_allowed`/s);
    expect(doc.components?.securitySchemes?.['session-cookie']).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'certgate_session' });
    const publicOps = operations(doc).filter(({ op }) => isPublic(op));
    expect(publicOps.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
      'get /api/v1/auth/config',
      'get /api/v1/auth/oidc/callback',
      'get /api/v1/auth/oidc/login',
      'post /api/v1/auth/session',
    ]);
    expect((doc.paths['/api/v1/auth/session'].delete as OperationObject).security).toEqual([{ 'session-cookie': [] }]);
    for (const { method, path, op } of operations(doc).filter((o) => !isPublic(o.op) && o.path !== '/api/v1/auth/session'))
      expect({ method, path, security: op.security }).toEqual({ method, path, security: [{ 'admin-token': [] }, { 'session-cookie': [] }] });
  });

  it('has an operation for every route Nest serves, with the success status the route really answers', () => {
    const routes = servedRoutes();
    expect(operations(doc)).toHaveLength(routes.length);
    for (const route of routes) {
      const op = doc.paths[route.path]?.[route.method] as OperationObject | undefined;
      expect({ route, documented: op ? success(op) : 'missing' }).toEqual({
        route,
        // POST /ingress/trusted-roots answers 201 when it added a root, 200 when all were there already.
        documented: route.path === '/api/v1/ingress/trusted-roots' && route.method === 'post' ? ['200', '201'] : [String(route.status)],
      });
    }
  });

  it('gives every success answer its content (none for 204) and every JSON one a schema and an example', () => {
    for (const { method, path, op } of operations(doc)) {
      for (const status of success(op)) {
        const res = op.responses[status] as ResponseObject;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        if (status === '204' || status === '302') {
          expect({ where, content: res.content }).toEqual({ where, content: undefined });
          continue;
        }
        expect({ where, types: Object.keys(res.content ?? {}).length > 0 }).toEqual({ where, types: true });
        for (const [type, media] of Object.entries(res.content ?? {})) {
          expect({ where, type, schema: media.schema !== undefined }).toEqual({ where, type, schema: true });
          if (type === 'application/json') expect({ where, example: media.example !== undefined }).toEqual({ where, example: true });
        }
      }
      if (op.requestBody) {
        const body = (op.requestBody as { content: Record<string, { examples?: Record<string, unknown> }> }).content['application/json'];
        expect({ method, path, examples: Object.keys(body?.examples ?? {}).length > 0 }).toEqual({ method, path, examples: true });
      }
    }
  });

  it('lists for each operation its error statuses, `error` an enum of the codes of that status', () => {
    for (const { method, path, op } of operations(doc)) {
      const statuses = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect(statuses).toEqual(expect.arrayContaining(isPublic(op) ? ['400', '500'] : ['400', '401', '500']));
      for (const status of statuses) {
        const schema = (op.responses[status] as ResponseObject).content?.['application/json']?.schema as {
          required: string[];
          properties: { error: { enum: string[] }; message: unknown; details: unknown };
        };
        expect(schema.required).toEqual(['error', 'message']);
        for (const code of schema.properties.error.enum)
          expect(`${method} ${path} ${code} → ${HTTP_STATUS_OF[code as ErrorCode]}`).toBe(`${method} ${path} ${code} → ${status}`);
      }
      const codes = (status: string) =>
        ((op.responses[status] as ResponseObject).content?.['application/json']?.schema as { properties: { error: { enum: string[] } } }).properties.error.enum;
      if (!isPublic(op)) expect(codes('401')).toEqual(['unauthorized']);
      if (isPublic(op)) expect(op.responses['403']).toBeUndefined();
      expect(codes('400')).toContain('unknown_parameter');
      if (op.requestBody) expect(codes('400')).toEqual(expect.arrayContaining(['validation_failed', 'invalid_json']));
      if (op.requestBody) expect(op.responses['413']).toBeDefined();
      // A body of another media type than JSON is refused before any route runs.
      if (op.requestBody) expect({ method, path, codes: codes('415') }).toEqual({ method, path, codes: ['unsupported_media_type'] });
      else expect({ method, path, status: op.responses['415'] }).toEqual({ method, path, status: undefined });
    }
    const createKey = doc.paths['/api/v1/service-instances/{name}/keys'].post as OperationObject;
    const keyCodes = (status: string) =>
      ((createKey.responses[status] as ResponseObject).content?.['application/json']?.schema as { properties: { error: { enum: string[] } } }).properties.error
        .enum;
    expect(keyCodes('404')).toEqual(['instance_not_found']);
    expect(keyCodes('409')).toEqual(expect.arrayContaining(['key_exists', 'certificate_in_use']));
    expect(keyCodes('400')).toEqual(expect.arrayContaining(['grant_type_invalid', 'certificate_is_ca', 'body_missing']));
    // A change whose audit record cannot be written is refused (fail closed); a read is not audited.
    expect(keyCodes('503')).toEqual(['service_unavailable', 'timeout', 'audit_unavailable']);
    const listKeys = doc.paths['/api/v1/service-instances/{name}/keys'].get as OperationObject;
    expect(
      ((listKeys.responses['503'] as ResponseObject).content?.['application/json']?.schema as { properties: { error: { enum: string[] } } }).properties.error
        .enum,
    ).toEqual(['service_unavailable', 'timeout']);
    // Served by the console alone: it never waits for another service.
    expect((doc.paths['/api/v1/config/schema'].get as OperationObject).responses['503']).toBeUndefined();
  });

  it('has examples that validate against their own schemas (JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    let checked = 0;
    const check = (where: string, schema: object, value: unknown) => {
      const validate = ajv.compile(schema);
      const ok = validate(value);
      expect({ where, errors: ok ? [] : validate.errors }).toEqual({ where, errors: [] });
      checked += 1;
    };
    for (const { method, path, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const body = (op.requestBody as { content?: Record<string, { schema: object; examples?: Record<string, { value: unknown }> }> } | undefined)?.content?.[
        'application/json'
      ];
      for (const [name, example] of Object.entries(body?.examples ?? {})) check(`${where} body example '${name}'`, body?.schema ?? {}, example.value);
      for (const [status, res] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries((res as ResponseObject).content ?? {})) {
          if (media.example !== undefined && media.schema) check(`${where} ${status} ${type} example`, media.schema, media.example);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('names the key types of POST .../keys as examples of their own, so Swagger UI sends a valid body for each', () => {
    const body = (doc.paths['/api/v1/service-instances/{name}/keys'].post as OperationObject).requestBody as {
      content: Record<string, { examples: Record<string, { value: { type: string } }> }>;
    };
    const examples = body.content['application/json'].examples;
    expect(Object.keys(examples)).toEqual(['external-certificate', 'certificate', 'client-secret']);
    for (const [name, example] of Object.entries(examples)) expect(example.value.type).toBe(name);
  });

  it('describes the log routes: records with seq, the X-Next-Cursor header, query parameters from their zod schemas', () => {
    const access = doc.paths['/api/v1/logs/access'].get as OperationObject;
    const ok = access.responses['200'] as ResponseObject;
    expect(ok.headers?.['X-Next-Cursor']).toBeDefined();
    const schema = ok.content?.['application/json']?.schema as { type: string; items: { required: string[] } };
    expect(schema.type).toBe('array');
    expect(schema.items.required).toContain('seq');
    expect(access.parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 1000 }) }),
    );
  });

  it('turns declared codes into error responses grouped by status', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x/{id}': { get: { responses: { 200: { description: 'ok' } }, parameters: [{ name: 'id', in: 'path' }], 'x-certgate-errors': ['role_not_found'] } },
      },
    } as unknown as OpenAPIObject;
    const op = completeErrorResponses(document).paths['/x/{id}'].get as OperationObject & Record<string, unknown>;
    expect(Object.keys(op.responses)).toEqual(['200', '400', '401', '403', '404', '500', '503']);
    expect(op['x-certgate-errors']).toBeUndefined();
  });
});
