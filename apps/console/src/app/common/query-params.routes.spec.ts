import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CallHandler, type DynamicModule, type ExecutionContext, type Provider, type Type } from '@nestjs/common';
import { MODULE_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { of } from 'rxjs';
import { CertgateError } from '@certgate/contracts';
import { ALL_API_CONTROLLERS } from './openapi-document';
import { declaredParameters, QueryParamsInterceptor } from './query-params';

/** Every controller a module serves, through its imports (dynamic modules included). */
function controllersOf(module: Type | DynamicModule, seen = new Set<unknown>()): Type[] {
  const type = 'module' in module ? module.module : module;
  if (seen.has(module)) return [];
  seen.add(module);
  const meta = (key: string) => (Reflect.getMetadata(key, type) as unknown[] | undefined) ?? [];
  const dynamic = 'module' in module ? module : undefined;
  const imports = [...meta(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])] as (Type | DynamicModule)[];
  return [
    ...(meta(MODULE_METADATA.CONTROLLERS) as Type[]),
    ...((dynamic?.controllers ?? []) as Type[]),
    ...imports.filter((m) => m && (typeof m === 'function' || 'module' in m)).flatMap((m) => controllersOf(m, seen)),
  ];
}

/** The HTTP route handlers of a controller (a NATS controller has none). */
const routesOf = (controller: Type) =>
  Object.getOwnPropertyNames(controller.prototype)
    .filter((name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, controller.prototype[name]) !== undefined)
    .map((name) => ({ route: `${controller.name}.${name}`, controller, handler: controller.prototype[name] as () => unknown }));

/** Every route handler of the console. */
const handlers = ALL_API_CONTROLLERS.flatMap(routesOf);

const reflector = new Reflector();
const interceptor = new QueryParamsInterceptor(reflector);
const next: CallHandler = { handle: () => of('handled') };

function run(controller: Type, handler: () => unknown, query: Record<string, unknown>): CertgateError | 'handled' {
  const ctx = {
    getType: () => 'http',
    getClass: () => controller,
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => ({ query }) }),
  } as unknown as ExecutionContext;
  try {
    interceptor.intercept(ctx, next);
    return 'handled';
  } catch (err) {
    if (!(err instanceof CertgateError)) throw err;
    return err;
  }
}

describe('every query parameter of every console route goes through QueryParamsInterceptor', () => {
  it('walks every controller the console module serves, and the interceptor is global', async () => {
    // The module reads its configuration when it is loaded: a made-up one (nothing is started).
    process.env.CERTGATE_ADMIN_TOKEN ??= 'an-admin-token-of-the-spec';
    const { ConsoleAppModule } = await import('../app.module');
    expect(handlers.length).toBeGreaterThan(80);
    expect(new Set(controllersOf(ConsoleAppModule).filter((c) => routesOf(c).length > 0))).toEqual(new Set(ALL_API_CONTROLLERS));
    const providers = (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, ConsoleAppModule) ?? []) as Provider[];
    expect(providers).toContainEqual({ provide: APP_INTERCEPTOR, useClass: QueryParamsInterceptor });
  });

  it('no route reads the query around it: no @Query(), and no source reads `.query` but query-params.ts', () => {
    const withQuery = handlers.filter(({ controller, handler }) => {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, unknown>;
      return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
    });
    expect(withQuery.map((h) => h.route)).toEqual([]);
    const appDir = join(__dirname, '..');
    const sources = (readdirSync(appDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(f));
    const readers = sources.filter((f) => /\.query\b/.test(readFileSync(join(appDir, f), 'utf8'))).map((f) => f.split('\\').join('/'));
    expect(readers).toEqual(['common/query-params.ts']);
  });

  it.each(handlers.map((h) => [h.route, h] as const))(
    '%s refuses lists and objects for each parameter, and any other parameter',
    (_route, { controller, handler }) => {
      const declared = declaredParameters(reflector, handler);
      for (const p of declared) {
        for (const query of [{ [`${p}[]`]: '1' }, { [p]: ['1', '2'] }, { [p]: { b: 'c' } }, { [`${p}[b]`]: 'c' }]) {
          expect({ query, answer: run(controller, handler, query) }).toEqual({
            query,
            answer: expect.objectContaining({ code: 'validation_failed', details: expect.objectContaining({ field: p }) }),
          });
        }
      }
      // The single sign-on callback takes the parameters the identity provider adds (z.looseObject): only its own are checked.
      const open = `${controller.name}.${handler.name}` === 'OidcController.callback';
      for (const query of [{ 'a[b]': 'c' }, { bogus: '1' }, ...(declared.includes('limit') ? [] : [{ 'limit[]': '1' }])]) {
        const answer = run(controller, handler, query);
        if (open) expect(answer).toBe('handled');
        else expect({ query, answer }).toEqual({ query, answer: expect.objectContaining({ code: 'unknown_parameter' }) });
      }
    },
  );
});
