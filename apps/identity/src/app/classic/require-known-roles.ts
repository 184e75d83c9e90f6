import { CertgateError, ErrorCode } from '@certgate/contracts';
import type { RolesService } from '../roles/roles.service';
import { quoted } from './classic-records';

/** 400 naming every role in `names` that does not exist: a user or group can only hold real roles. */
export async function requireKnownRoles(roles: RolesService, names: readonly string[]): Promise<void> {
  const unknown = await roles.unknown(names);
  if (!unknown.length) return;
  const many = unknown.length > 1;
  throw new CertgateError(
    ErrorCode.badRequest,
    `roles: unknown role${many ? 's' : ''} ${quoted(unknown)}: create ${many ? 'them' : 'it'} first (POST /roles)`,
    { roles: unknown },
  );
}
