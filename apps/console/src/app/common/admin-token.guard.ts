import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CertgateError, ErrorCode, parseApiToken, rolesGrant, rolesGranting, type OperatorRole, type Permission } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { ConsoleEnv } from '../console-env';
import { OperatorDirectory } from '../operators/operator-directory';
import { PERMISSION_METADATA } from './requires.decorator';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Who made a request: the bootstrap admin token, or an operator's API token. */
export type Principal =
  { kind: 'admin-token'; roles: readonly OperatorRole[] } | { kind: 'operator'; operator: string; tokenId: string; roles: readonly OperatorRole[] };

/** The request's principal, set by the guard (for the audit trail and `GET /me`). */
export const principalOf = (req: Request): Principal | undefined => (req as Request & { principal?: Principal }).principal;

/**
 * Every admin route needs a bearer token — the bootstrap `CERTGATE_ADMIN_TOKEN` or an
 * operator's API token — and a permission its roles grant. A route that declares no
 * permission (`@Requires`) is refused whoever calls it: deny by default. Messages say
 * why a token is refused without saying whether an operator name exists.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
    private readonly reflector: Reflector,
    private readonly directory: OperatorDirectory,
  ) {
    this.expected = digest(env.CERTGATE_ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const principal = this.authenticate(req.headers.authorization);
    (req as Request & { principal?: Principal }).principal = principal;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_METADATA, [context.getHandler(), context.getClass()]);
    if (!permission) throw new CertgateError(ErrorCode.forbidden, 'this operation declares no permission, so nobody may call it (deny by default)');
    if (!rolesGrant(principal.roles, permission)) {
      const granting = rolesGranting(permission);
      const grant = granting.length > 1 ? `the roles ${granting.join(', ')} grant` : `the role ${granting[0]} grants`;
      throw new CertgateError(
        ErrorCode.forbidden,
        `this operation needs the permission ${permission}, which ${grant}; this token has ${principal.roles.join(', ')}`,
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
    const presented = match[1];
    const parsed = parseApiToken(presented);
    if (!parsed) return this.adminToken(presented);
    if (parsed.tenant !== this.env.CERTGATE_TENANT)
      throw new CertgateError(
        ErrorCode.unauthorized,
        `the API token is for tenant '${parsed.tenant}'; this console serves tenant '${this.env.CERTGATE_TENANT}'`,
      );
    const token = this.directory.token(parsed.id);
    // Compared even when unknown, so an unknown id takes as long as a wrong secret.
    const matches = timingSafeEqual(digest(parsed.secret), Buffer.from(token?.secretSha256 ?? '0'.repeat(64), 'hex'));
    if (!token || !matches) throw new CertgateError(ErrorCode.unauthorized, 'the API token is not known to this tenant');
    if (token.revokedAt) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} was revoked at ${token.revokedAt}`);
    if (Date.parse(token.expiresAt) <= Date.now()) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} expired at ${token.expiresAt}`);
    const operator = this.directory.operator(token.operator);
    if (!operator) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} belongs to an operator that no longer exists`);
    if (!operator.enabled) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} belongs to a disabled operator`);
    this.directory.used(token.id);
    return { kind: 'operator', operator: operator.name, tokenId: token.id, roles: operator.roles };
  }

  private adminToken(presented: string): Principal {
    if (!timingSafeEqual(digest(presented), this.expected))
      throw new CertgateError(ErrorCode.unauthorized, 'the bearer token is neither the admin token nor an API token');
    if (this.env.CERTGATE_BOOTSTRAP_ADMIN === 'off' && this.directory.hasEnabledAdmin())
      throw new CertgateError(ErrorCode.unauthorized, 'the admin token is disabled (CERTGATE_BOOTSTRAP_ADMIN=off): use an API token of an administrator');
    return { kind: 'admin-token', roles: ['admin'] };
  }
}
