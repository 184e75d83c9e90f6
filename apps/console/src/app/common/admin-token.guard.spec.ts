import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CertgateError } from '@certgate/contracts';
import { AdminTokenGuard } from './admin-token.guard';
import { Requires } from './requires.decorator';
import type { ConsoleEnv } from '../console-env';

const TOKEN = 'a-very-secret-admin-token';
const guard = new AdminTokenGuard({ CERTGATE_ADMIN_TOKEN: TOKEN } as ConsoleEnv, new Reflector());

class Routes {
  @Requires('keystore:write')
  declared(): string {
    return 'declared';
  }

  undeclared(): string {
    return 'undeclared';
  }
}

const ctx = (authorization?: string, handler: keyof Routes = 'declared') =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ headers: authorization === undefined ? {} : { authorization } }) }),
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
  }) as unknown as ExecutionContext;

function failure(authorization?: string, handler: keyof Routes = 'declared'): CertgateError {
  try {
    guard.canActivate(ctx(authorization, handler));
  } catch (err) {
    return err as CertgateError;
  }
  throw new Error('guard let the request through');
}

describe('AdminTokenGuard', () => {
  it('lets the admin token through (scheme case-insensitive)', () => {
    expect(guard.canActivate(ctx(`Bearer ${TOKEN}`))).toBe(true);
    expect(guard.canActivate(ctx(`bearer ${TOKEN}`))).toBe(true);
  });

  it.each([
    ['no header', undefined, /missing bearer token/],
    ['basic auth', 'Basic YWRtaW46eA==', /missing bearer token/],
    ['a wrong token', 'Bearer wrong', /not the admin token/],
    ['the token with a suffix', `Bearer ${TOKEN}x`, /not the admin token/],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 10)}`, /not the admin token/],
  ])('refuses %s with 401 unauthorized', (_name, header, message) => {
    const err = failure(header);
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.httpStatus).toBe(401);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain(TOKEN);
  });

  it('refuses an operation that declares no permission, even to the admin token (deny by default)', () => {
    const err = failure(`Bearer ${TOKEN}`, 'undeclared');
    expect(err.httpStatus).toBe(403);
    expect(err.message).toMatch(/declares no permission/);
  });
});
