import { Controller, Get, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { of } from 'rxjs';
import { z } from 'zod';
import { CertgateError } from '@certgate/contracts';
import { QueryParams, QueryParamsInterceptor } from './query-params';

@Controller()
class Routes {
  @Get('with')
  @QueryParams(z.object({ limit: z.coerce.number().optional(), format: z.string().optional() }))
  withParams(): string {
    return 'ok';
  }

  @Get('without')
  withoutParams(): string {
    return 'ok';
  }
}

const interceptor = new QueryParamsInterceptor(new Reflector());
const next: CallHandler = { handle: () => of('handled') };

function run(handler: keyof Routes, query: Record<string, unknown>): CertgateError | 'handled' {
  const ctx = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => ({ query }) }),
  } as unknown as ExecutionContext;
  try {
    interceptor.intercept(ctx, next);
    return 'handled';
  } catch (err) {
    return err as CertgateError;
  }
}

describe('QueryParamsInterceptor: one rule for every admin route', () => {
  it('lets declared parameters through', () => {
    expect(run('withParams', { limit: '5', format: 'pem' })).toBe('handled');
    expect(run('withParams', {})).toBe('handled');
    expect(run('withoutParams', {})).toBe('handled');
  });

  it('an undeclared parameter → 400 unknown_parameter naming it', () => {
    expect(run('withParams', { limit: '5', bogus: '1' })).toMatchObject({ code: 'unknown_parameter', details: { parameter: 'bogus' } });
    const none = run('withoutParams', { format: 'der' });
    expect(none).toMatchObject({ code: 'unknown_parameter', details: { parameter: 'format', allowed: [] } });
    expect((none as CertgateError).httpStatus).toBe(400);
  });

  it('a list where one value is expected → 400 validation_failed naming the parameter', () => {
    expect(run('withParams', { 'limit[]': '1' })).toMatchObject({ code: 'validation_failed', details: { field: 'limit', parameter: 'limit[]' } });
    expect(run('withParams', { format: ['pem', 'der'] })).toMatchObject({ code: 'validation_failed', details: { field: 'format' } });
    expect(run('withParams', { format: { a: 'b' } })).toMatchObject({ code: 'validation_failed', details: { field: 'format' } });
  });
});
