import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CertgateError, ErrorCode, rolesGrant, rolesGranting, type OperatorRole, type Permission } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { ConsoleEnv } from '../console-env';
import { PERMISSION_METADATA } from './requires.decorator';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The roles of the admin token: the bootstrap administrator (docs/operators.md). */
const ADMIN_TOKEN_ROLES: readonly OperatorRole[] = ['admin'];

/**
 * Every admin route needs `Authorization: Bearer <CERTGATE_ADMIN_TOKEN>` (compared in
 * constant time), and a permission its principal's roles grant. A route that declares
 * no permission (`@Requires`) is refused whoever calls it: deny by default.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    @Inject(SERVICE_ENV) env: ConsoleEnv,
    private readonly reflector: Reflector,
  ) {
    this.expected = digest(env.CERTGATE_ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    this.authenticate(context);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_METADATA, [context.getHandler(), context.getClass()]);
    if (!permission) throw new CertgateError(ErrorCode.forbidden, 'this operation declares no permission, so nobody may call it (deny by default)');
    if (!rolesGrant(ADMIN_TOKEN_ROLES, permission))
      throw new CertgateError(ErrorCode.forbidden, `this operation needs ${permission}, which the roles ${rolesGranting(permission).join(', ')} grant`, {
        permission,
      });
    return true;
  }

  private authenticate(context: ExecutionContext): void {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new CertgateError(ErrorCode.unauthorized, 'missing bearer token: send Authorization: Bearer <admin token>');
    if (!timingSafeEqual(digest(match[1]), this.expected)) throw new CertgateError(ErrorCode.unauthorized, 'the bearer token is not the admin token');
  }
}
