import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiExtension,
  ApiOperation,
  ApiResponse,
  ApiTags,
  DocumentBuilder,
  SwaggerModule,
  type ExampleObject,
  type HeadersObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { z } from 'zod';
import { ErrorCode, HTTP_STATUS_OF, type ErrorCode as Code } from '@certgate/contracts';

/*
 * The OpenAPI 3.1 document of the admin API (served at /api/docs-json, /api/docs-yaml
 * and as Swagger UI at /api/docs). Every schema in it comes from the zod schema that
 * validates the request or describes the reply, as JSON Schema 2020-12 (the dialect of
 * OAS 3.1), so the document cannot drift from what the API checks and answers. The
 * e2e and CLI suites check every response they receive against it
 * (libs/testing/src/openapi/response-validator.ts).
 */

/** Name of the security scheme every operation needs. */
export const ADMIN_TOKEN_SCHEME = 'admin-token';
/** The web console's session cookie, which every operation takes instead of a bearer token (docs/operators.md). */
export const SESSION_COOKIE_SCHEME = 'session-cookie';

/**
 * JSON Schema 2020-12 of a zod schema. `input` for what a client sends (defaults are
 * optional), `output` for what the API answers (every field with a default is present,
 * and no field beyond those listed: `additionalProperties: false`).
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest as SchemaObject;
}

/** Named examples, shown by Swagger UI as a list to pick from; each must validate against its schema (openapi.spec.ts). */
export type Examples<T> = Record<string, { summary: string; description?: string; value: T }>;

/** A JSON request body from the contract's zod schema, with named examples; `required: false` for a body that may be left out. */
export function ApiBodyFrom<S extends z.ZodType>(schema: S, examples: Examples<z.input<S>>, opts: { required?: boolean; description?: string } = {}) {
  return ApiBody({
    schema: jsonSchemaOf(schema, 'input'),
    examples: examples as Record<string, ExampleObject>,
    required: opts.required ?? true,
    ...(opts.description && { description: opts.description }),
  });
}

interface JsonResponseOptions<T> {
  description: string;
  example: T;
  headers?: HeadersObject;
}

/** The success answer of an operation as JSON, its schema from zod (`output`), with an example. */
export function ApiJsonResponse<S extends z.ZodType>(status: 200 | 201, schema: S, opts: JsonResponseOptions<z.output<S>>) {
  return ApiResponse({
    status,
    description: opts.description,
    ...(opts.headers && { headers: opts.headers }),
    content: { 'application/json': { schema: jsonSchemaOf(schema, 'output'), example: opts.example } },
  });
}

/** A JSON answer whose schema is not a zod schema (the configuration's JSON Schema document). */
export function ApiJsonSchemaResponse(status: 200, schema: SchemaObject, opts: JsonResponseOptions<unknown>) {
  return ApiResponse({ status, description: opts.description, content: { 'application/json': { schema, example: opts.example } } });
}

/** 204 without a body. */
export const ApiNoContentResponse = (description: string) => ApiResponse({ status: 204, description });

/**
 * A success answer that is a file or text, by media type: PEM text (`schema` string,
 * with an example), or binary (`contentMediaType`, no example).
 */
export function ApiFileResponse(
  status: 200,
  description: string,
  media: Record<string, { text?: string; example?: string }>,
  opts: { headers?: HeadersObject } = {},
) {
  const content = Object.fromEntries(
    Object.entries(media).map(([type, m]) => [
      type,
      m.example !== undefined
        ? { schema: { type: 'string', ...(m.text && { description: m.text }) }, example: m.example }
        : { schema: binarySchema(type, m.text) },
    ]),
  );
  return ApiResponse({ status, description, ...(opts.headers && { headers: opts.headers }), content });
}

/** A binary body of a media type (OAS 3.1: `contentMediaType`, no `format: binary`). */
export const binarySchema = (mediaType: string, description?: string): SchemaObject =>
  ({ type: 'string', contentMediaType: mediaType, ...(description && { description }) }) as SchemaObject;

/** `Content-Disposition` of a download that is offered as a file. */
export const ATTACHMENT_HEADER: HeadersObject = {
  'Content-Disposition': { description: 'attachment; filename="<name>"', schema: { type: 'string' } },
};

/**
 * The error body `{error, message, details?}` (errors.md) with `error` one of `codes`,
 * from the same zod shape as the services' error body.
 */
export function errorBodySchemaOf(codes: readonly Code[]): z.ZodType {
  return z.object({
    error: z.enum(codes as [Code, ...Code[]]).describe('domain error code (docs/errors.md)'),
    message: z.string().describe('what went wrong, for people'),
    details: z.record(z.string(), z.unknown()).optional().describe('the facts behind it: `field` names the field at fault'),
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request cannot be taken as it is',
  401: 'No token, or a token refused: unknown, expired, revoked, of another tenant, or of a disabled operator',
  403: "The token's roles do not grant the operation's permission (docs/operators.md)",
  404: 'No such object',
  409: 'The request clashes with what is stored',
  413: 'The body is larger than 1 MiB (1048576 bytes)',
  415: 'The body is not JSON: only `application/json` (or `application/*+json`) in UTF-8 is accepted',
  500: 'Unexpected failure (logged; answered without detail)',
  502: 'A host certgate was asked to reach did not answer',
  503: 'A service certgate needs did not answer: retry',
};

/** The error responses for these codes, grouped by their HTTP status (`HTTP_STATUS_OF`). */
function errorResponses(codes: readonly Code[]): Record<string, ResponseObject> {
  const byStatus = new Map<number, Code[]>();
  for (const code of codes) {
    const status = HTTP_STATUS_OF[code];
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: `${STATUS_TEXT[status] ?? 'Error'}: ${list.map((c) => `\`${c}\``).join(', ')}`,
          content: { 'application/json': { schema: jsonSchemaOf(errorBodySchemaOf(list), 'output') } },
        },
      ]),
  );
}

/**
 * The domain error codes an operation answers, beyond those every operation of its
 * shape answers (added by {@link completeErrorResponses}): not found, conflicts, refused
 * certificates. Each becomes an error response of its status with `error` an enum.
 */
export function ApiErrors(...codes: Code[]) {
  return ApiExtension('x-certgate-errors', codes);
}

/** An operation the console answers itself, asking no other service: it never answers 503. */
export const ApiServedByConsole = () => ApiExtension('x-certgate-local', true);

/** Codes of a refused certificate chain or trusted-root bundle (`chainFailureCode`). */
export const CHAIN_CODES: Code[] = [
  ErrorCode.certificateInvalid,
  ErrorCode.certificateExpired,
  ErrorCode.certificateNotYetValid,
  ErrorCode.chainIncomplete,
  ErrorCode.untrustedRoot,
  ErrorCode.badSignature,
  ErrorCode.notACa,
  ErrorCode.pathTooLong,
  ErrorCode.wrongKeyUsage,
  ErrorCode.wrongEku,
  ErrorCode.selfSignedLeaf,
  ErrorCode.invalidAnchor,
  ErrorCode.weakKey,
  ErrorCode.leafIsCa,
  ErrorCode.nameConstraints,
  ErrorCode.profileViolation,
  ErrorCode.chainInvalid,
];

/** Codes of a single sender certificate that is refused (a key's certificate, a mapping). */
export const SENDER_CERTIFICATE_CODES: Code[] = [
  ErrorCode.certificateInvalid,
  ErrorCode.certificateIsChain,
  ErrorCode.certificateIsCa,
  ErrorCode.certificateExpired,
  ErrorCode.certificateNotYetValid,
  ErrorCode.certificateWrongUsage,
];

/**
 * The codes every operation of a shape answers: any route refuses a query parameter it
 * does not take, a request without an accepted token (401) or whose roles lack its
 * permission (403), and may fail unexpectedly; a
 * route that asks a service may find none (503); input in the path, query or body may
 * fail its schema; a body may not be JSON (or have a key twice), be missing, be too large
 * or be of another media type than JSON (415).
 */
function genericCodes(op: OperationObject, local: boolean, open: boolean, method: (typeof METHODS)[number]): Code[] {
  const params = (op.parameters ?? []) as ParameterObject[];
  const codes: Code[] = [...(open ? [] : [ErrorCode.unauthorized, ErrorCode.forbidden]), ErrorCode.unknownParameter, ErrorCode.internal];
  if (params.some((p) => p.in === 'path')) codes.push(ErrorCode.validationFailed, ErrorCode.badRequest);
  if (params.some((p) => p.in === 'query')) codes.push(ErrorCode.validationFailed);
  if (op.requestBody) {
    codes.push(ErrorCode.validationFailed, ErrorCode.invalidJson, ErrorCode.payloadTooLarge, ErrorCode.unsupportedMediaType);
    if ((op.requestBody as { required?: boolean }).required !== false) codes.push(ErrorCode.bodyMissing);
  }
  if (!local) codes.push(ErrorCode.serviceUnavailable, ErrorCode.timeout);
  // Every change is audited first: a trail that cannot be written refuses it (docs/operators.md#audit-trail).
  if (method !== 'get') codes.push(ErrorCode.auditUnavailable);
  return codes;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Turns each operation's `x-certgate-errors` and its shape into error responses, one per
 * status with `error` an enum of the codes it can have. Exported for the unit spec.
 */
export function completeErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = item[method] as (OperationObject & { 'x-certgate-errors'?: Code[]; 'x-certgate-local'?: boolean; 'x-certgate-public'?: boolean }) | undefined;
      if (!op) continue;
      const declared = op['x-certgate-errors'] ?? [];
      const local = op['x-certgate-local'] === true;
      // A sign-in route (`@Public()`) needs no credential: no security, and no 401/403 but those it declares.
      const open = op['x-certgate-public'] === true;
      delete op['x-certgate-errors'];
      delete op['x-certgate-local'];
      delete op['x-certgate-public'];
      if (open) op.security = [];
      const codes = [...new Set([...genericCodes(op, local, open, method), ...declared])];
      op.responses = { ...op.responses, ...errorResponses(codes) };
    }
  }
  return document;
}

/** Every admin route: its tag in the document, and the admin token or the web console's session cookie. */
export const AdminApi = (tag: string) => applyDecorators(ApiTags(tag), ApiBearerAuth(ADMIN_TOKEN_SCHEME), ApiCookieAuth(SESSION_COOKIE_SCHEME));
export const Summary = (summary: string, description?: string) => ApiOperation({ summary, ...(description && { description }) });

const DESCRIPTION = [
  'Operator REST API of certgate (docs/api.md). Errors are `{"error", "message", "details"?}` with `error` a domain code (docs/errors.md).',
  '',
  'Every route needs `Authorization: Bearer <CERTGATE_ADMIN_TOKEN>`: the admin token the console is started with. `npm start` makes one for',
  'the checkout, saves it in `.certgate/data/dev-secrets.json` (under `CERTGATE_DATA_DIR`) and prints it in its banner (`admin token ...`);',
  "in production it is the `CERTGATE_ADMIN_TOKEN` of the console (docs/configuration.md). An operator's API token works the same way.",
  '',
  'The web console signs in with `POST /api/v1/auth/session` (or single sign-on) and then sends the `certgate_session` cookie instead;',
  'a change made with the cookie needs the header `X-CSRF-Token` as well (docs/operators.md, "Web console sign-in").',
  '',
  'Requests are parsed strictly (docs/api.md, "Conventions"): a body must be `application/json` (or `application/*+json`) in UTF-8,',
  'else 415 `unsupported_media_type`; at most 1 MiB (1048576 bytes), else 413 `payload_too_large`; a key given twice in one object,',
  'or `__proto__`, is 400 `invalid_json` naming it and its path. A query parameter is given once, as one value (`?limit[]=1`, `?a[b]=c`',
  'are 400). A path outside this document is 404 `not_found` naming the method and path (and a path parameter left empty, as in',
  '`PUT /api/v1/flows/`); a method a path does not take is 405 `method_not_allowed` with `Allow`.',
].join('\n');

/** The document, from the routes' decorators; served by main.ts and read by the console's unit spec. */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('certgate console API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'The admin token (`CERTGATE_ADMIN_TOKEN`, at least 16 characters). `npm start` prints it and saves it in `.certgate/data/dev-secrets.json`.',
      },
      ADMIN_TOKEN_SCHEME,
    )
    .addCookieAuth(
      'certgate_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'The web console session (`POST /api/v1/auth/session` or single sign-on sets it). Writes need its CSRF token in `X-CSRF-Token` too.',
      },
      SESSION_COOKIE_SCHEME,
    )
    .build();
  return completeErrorResponses(SwaggerModule.createDocument(app, config));
}

/** Serves the document as JSON (`/api/docs-json`), YAML (`/api/docs-yaml`) and Swagger UI (`/api/docs`), without the token. */
export function serveOpenApi(app: INestApplication, version: string): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, version), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'certgate console API',
  });
}
