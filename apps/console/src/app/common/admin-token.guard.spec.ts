import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { CertgateError, formatApiToken, type Operator, type StoredApiToken } from '@certgate/contracts';
import type { OperatorDirectory } from '../operators/operator-directory';
import { AdminTokenGuard } from './admin-token.guard';
import { Requires } from './requires.decorator';
import type { ConsoleEnv } from '../console-env';

const TOKEN = 'a-very-secret-admin-token';
const SECRET = 'x'.repeat(43);
const ID = '0123456789abcdef';
const HOUR = 3_600_000;
const tokens = new Map<string, StoredApiToken>();
const operators = new Map<string, Operator>();
const directory = {
  token: (id: string) => tokens.get(id),
  operator: (name: string) => operators.get(name),
  hasEnabledAdmin: () => [...operators.values()].some((o) => o.enabled && o.roles.includes('admin')),
  used: () => undefined,
} as unknown as OperatorDirectory;
const env = { CERTGATE_ADMIN_TOKEN: TOKEN, CERTGATE_TENANT: 'acme', CERTGATE_BOOTSTRAP_ADMIN: 'on' } as ConsoleEnv;
const guard = new AdminTokenGuard(env, new Reflector(), directory);
const apiToken = formatApiToken('acme', ID, SECRET);

function given(token: Partial<StoredApiToken> = {}, operator: Partial<Operator> = {}): void {
  tokens.set(ID, {
    id: ID,
    operator: 'mona',
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + HOUR).toISOString(),
    secretSha256: createHash('sha256').update(SECRET).digest('hex'),
    ...token,
  });
  operators.set('mona', { name: 'mona', roles: ['monitor'], enabled: true, createdAt: new Date().toISOString(), ...operator });
}

class Routes {
  @Requires('keystore:write')
  declared(): string {
    return 'declared';
  }

  undeclared(): string {
    return 'undeclared';
  }

  @Requires('keystore:read')
  readable(): string {
    return 'readable';
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
    ['a wrong token', 'Bearer wrong', /neither the admin token nor an API token/],
    ['the token with a suffix', `Bearer ${TOKEN}x`, /neither the admin token nor an API token/],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 10)}`, /neither the admin token nor an API token/],
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

  describe('operator API tokens', () => {
    beforeEach(() => {
      tokens.clear();
      operators.clear();
      given();
    });

    it('lets a monitor read what its role grants, and refuses a write naming the permission and the roles that grant it', () => {
      expect(guard.canActivate(ctx(`Bearer ${apiToken}`, 'readable'))).toBe(true);
      const err = failure(`Bearer ${apiToken}`);
      expect(err.httpStatus).toBe(403);
      expect(err.message).toBe('this operation needs the permission keystore:write, which the roles admin, security grant; this token has monitor');
    });

    it.each([
      ['a token of another tenant', () => formatApiToken('other', ID, SECRET), /is for tenant 'other'; this console serves tenant 'acme'/],
      ['an unknown token', () => formatApiToken('acme', 'fedcba9876543210', SECRET), /not known to this tenant/],
      ['a wrong secret', () => formatApiToken('acme', ID, 'y'.repeat(43)), /not known to this tenant/],
      ['a revoked token', () => (given({ revokedAt: '2026-12-07T00:00:00.000Z' }), apiToken), /was revoked at 2026-12-07/],
      ['an expired token', () => (given({ expiresAt: new Date(Date.now() - 1000).toISOString() }), apiToken), /expired at/],
      ['a disabled operator', () => (given({}, { enabled: false }), apiToken), /belongs to a disabled operator/],
    ])('refuses %s with 401 saying which', (_name, token, message) => {
      const err = failure(`Bearer ${token()}`, 'readable');
      expect(err.httpStatus).toBe(401);
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain(SECRET);
      expect(err.message).not.toContain('mona');
    });

    it('refuses the admin token when switched off and an enabled administrator exists, not before', () => {
      const off = new AdminTokenGuard({ ...env, CERTGATE_BOOTSTRAP_ADMIN: 'off' }, new Reflector(), directory);
      expect(off.canActivate(ctx(`Bearer ${TOKEN}`))).toBe(true);
      given({}, { roles: ['admin'] });
      expect(() => off.canActivate(ctx(`Bearer ${TOKEN}`))).toThrow(/admin token is disabled/);
    });
  });
});
