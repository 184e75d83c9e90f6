import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { CertgateError, ErrorCode, rolesGrant, rolesGranting, type OperatorRole, type Permission } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { PUBLIC_METADATA, SESSION_ONLY_METADATA } from '../auth/public.decorator';
import { SessionAuthentication } from '../auth/session-authentication';
import { sessionCookieOf } from '../auth/session-cookie';
import { TokenAuthentication } from '../auth/token-authentication';
import type { ConsoleEnv } from '../console-env';
import { OperatorDirectory } from '../operators/operator-directory';
import { PERMISSION_METADATA } from './requires.decorator';

/** Who made a request: the bootstrap admin token, an operator's API token, or a web console session (cookie). */
export type Principal =
  | { kind: 'admin-token'; roles: readonly OperatorRole[] }
  | { kind: 'operator'; operator: string; tokenId: string; roles: readonly OperatorRole[] }
  | { kind: 'session'; sessionId: string; via: 'oidc' | 'token'; operator?: string; tokenId?: string; roles: readonly OperatorRole[]; expiresAt: string };

/** The request's principal, set by the guard (for the audit trail and `GET /me`). */
export const principalOf = (req: Request): Principal | undefined => (req as Request & { principal?: Principal }).principal;

/**
 * Every admin route needs a bearer token — the bootstrap `CERTGATE_ADMIN_TOKEN` or an
 * operator's API token — or the web console's session cookie (with its CSRF token on a
 * write), and a permission its roles grant. A route that declares no permission
 * (`@Requires`) is refused whoever calls it: deny by default; only the sign-in routes
 * are `@Public()`. Messages say why a credential is refused without saying whether an
 * operator name exists.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly tokens: TokenAuthentication;
  private readonly sessions: SessionAuthentication;

  constructor(
    @Inject(SERVICE_ENV) env: ConsoleEnv,
    private readonly reflector: Reflector,
    directory: OperatorDirectory,
  ) {
    this.tokens = new TokenAuthentication(env, directory);
    this.sessions = new SessionAuthentication(directory, this.tokens);
  }

  /** Synchronous but for a session cookie this replica has not seen yet (one KV read). */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_METADATA, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    // An Authorization header wins: a browser never adds one by itself, so it needs no CSRF token.
    const cookie = req.headers.authorization === undefined ? sessionCookieOf(req) : undefined;
    const principal = cookie
      ? this.sessions.authenticate(req, context.switchToHttp().getResponse<Response>(), cookie)
      : this.authenticate(req.headers.authorization);
    return principal instanceof Promise ? principal.then((p) => this.authorize(context, req, p)) : this.authorize(context, req, principal);
  }

  private authorize(context: ExecutionContext, req: Request, principal: Principal): boolean {
    (req as Request & { principal?: Principal }).principal = principal;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY_METADATA, targets)) {
      if (principal.kind !== 'session')
        throw new CertgateError(ErrorCode.forbidden, 'this operation ends a web console session: call it with the session cookie, not a bearer token');
      return true;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_METADATA, targets);
    if (!permission) throw new CertgateError(ErrorCode.forbidden, 'this operation declares no permission, so nobody may call it (deny by default)');
    if (!rolesGrant(principal.roles, permission)) {
      const granting = rolesGranting(permission);
      const grant = granting.length > 1 ? `the roles ${granting.join(', ')} grant` : `the role ${granting[0]} grants`;
      throw new CertgateError(
        ErrorCode.forbidden,
        `this operation needs the permission ${permission}, which ${grant}; this ${principal.kind === 'session' ? 'session' : 'token'} has ${principal.roles.join(', ')}`,
        {
          permission,
          roles: granting,
        },
      );
    }
    return true;
  }

  private authenticate(header: string | undefined): Principal {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new CertgateError(ErrorCode.unauthorized, 'missing bearer token: send Authorization: Bearer <admin token or API token>');
    return this.tokens.principal(match[1]);
  }
}
