import { applyDecorators, createParamDecorator, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import { CertgateError, ErrorCode, validationFailure } from '@certgate/contracts';
import { jsonSchemaOf } from './openapi';

const QUERY_SCHEMA = 'certgate:query-schema';

type QuerySchema = z.ZodObject<z.ZodRawShape, z.core.$ZodObjectConfig>;

/**
 * Declares the query parameters of an admin route: a zod object (each parameter a
 * scalar), shown in the OpenAPI document with `descriptions` and each parameter's
 * schema from zod. The global
 * {@link QueryParamsInterceptor} refuses every other parameter, on every route (a route
 * without this decorator takes none), and {@link ParsedQuery} hands the route the
 * parsed values. One mechanism, so no route can forget to refuse a typo such as `?limt=5`.
 */
export function QueryParams(schema: QuerySchema, descriptions: Record<string, string> = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(QUERY_SCHEMA, schema),
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({
        name,
        required: false,
        schema: jsonSchemaOf(field as z.ZodType, 'input'),
        ...(descriptions[name] ? { description: descriptions[name] } : {}),
      }),
    ),
  );
}

/** The query of a route with {@link QueryParams}, parsed by its schema: 400 `validation_failed` naming the parameter. */
export const ParsedQuery = createParamDecorator((_data: unknown, ctx: ExecutionContext): unknown => {
  const schema = new Reflector().get<QuerySchema | undefined>(QUERY_SCHEMA, ctx.getHandler());
  const query = ctx.switchToHttp().getRequest<Request>().query ?? {};
  if (!schema) return {};
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationFailure('invalid query', parsed.error.issues, { parameter: String(parsed.error.issues[0]?.path[0] ?? '') });
  return parsed.data;
});

/** The parameter names a route declares (none without {@link QueryParams}). */
export function declaredParameters(reflector: Reflector, handler: object): readonly string[] {
  const schema = reflector.get<QuerySchema | undefined>(QUERY_SCHEMA, handler as () => unknown);
  return schema ? Object.keys(schema.shape) : [];
}

/**
 * Whether a route takes parameters beyond those it declares: a `z.looseObject` schema,
 * for a redirect back from another party that may add its own (the single sign-on callback).
 */
function takesOtherParameters(reflector: Reflector, handler: object): boolean {
  const schema = reflector.get<QuerySchema | undefined>(QUERY_SCHEMA, handler as () => unknown);
  return schema?._zod.def.catchall?._zod.def.type === 'unknown';
}

/**
 * Refuses, before any handler runs (after the admin-token guard), a query parameter the
 * route does not declare (400 `unknown_parameter`, `details.parameter`) and one given as
 * an array or object — `?limit=1&limit=2`, `?limit[]=1`, `?a[b]=c` — where every
 * parameter is a single value (400 `validation_failed` naming it).
 */
@Injectable()
export class QueryParamsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const allowed = declaredParameters(this.reflector, ctx.getHandler());
    const open = takesOtherParameters(this.reflector, ctx.getHandler());
    const query = (ctx.switchToHttp().getRequest<Request>().query ?? {}) as Record<string, unknown>;
    for (const [parameter, value] of Object.entries(query)) {
      const name = parameter.replace(/\[.*$/s, '');
      if (open && !allowed.includes(name)) continue;
      if (!allowed.includes(name)) {
        const known = allowed.length ? `it takes ${allowed.map((a) => `'${a}'`).join(', ')}` : 'it takes none';
        throw new CertgateError(ErrorCode.unknownParameter, `unknown query parameter '${parameter}': this route does not take it (${known})`, {
          parameter,
          allowed,
        });
      }
      if (name !== parameter || typeof value !== 'string') {
        throw new CertgateError(ErrorCode.validationFailed, `invalid query: ${name}: give '${name}' once, as a single value (not a list)`, {
          field: name,
          parameter,
        });
      }
    }
    return next.handle();
  }
}

/**
 * Express middleware for paths outside Nest's routes that take no query parameter (the
 * OpenAPI document at /api/docs-json and /api/docs-yaml): any parameter is 400
 * `unknown_parameter`, as on a route without {@link QueryParams}.
 */
export function refuseQueryParameters(req: Request, _res: unknown, next: (err?: unknown) => void): void {
  const parameter = Object.keys((req.query ?? {}) as Record<string, unknown>)[0];
  if (parameter === undefined) return next();
  next(
    new CertgateError(ErrorCode.unknownParameter, `unknown query parameter '${parameter}': this path does not take it (it takes none)`, {
      parameter,
      allowed: [],
    }),
  );
}
