import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { ConsoleEnv } from '../console-env';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Every admin route needs `Authorization: Bearer <CERTGATE_ADMIN_TOKEN>`; compared in constant time. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(SERVICE_ENV) env: ConsoleEnv) {
    this.expected = digest(env.CERTGATE_ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new CertgateError(ErrorCode.unauthorized, 'missing bearer token: send Authorization: Bearer <admin token>');
    if (!timingSafeEqual(digest(match[1]), this.expected)) throw new CertgateError(ErrorCode.unauthorized, 'the bearer token is not the admin token');
    return true;
  }
}
