import { CertgateError, ErrorCode } from '@certgate/contracts';
import type { RolesService } from '../roles/roles.service';
import { quoted } from './classic-records';

/**
 * 400 `role_unknown` naming every role in `names` that does not exist (a user, group or
 * instance can only hold real roles): `details.field` is the first unknown one's place
 * in the list (`roles[1]`, below `field`), `details.role` that role, `details.roles` all of them.
 */
export async function requireKnownRoles(roles: RolesService, names: readonly string[], field = 'roles'): Promise<void> {
  const unknown = await roles.unknown(names);
  if (!unknown.length) return;
  const many = unknown.length > 1;
  throw new CertgateError(
    ErrorCode.roleUnknown,
    `${field}: unknown role${many ? 's' : ''} ${quoted(unknown)}: create ${many ? 'them' : 'it'} first (POST /roles)`,
    { field: `${field}[${names.indexOf(unknown[0])}]`, role: unknown[0], roles: unknown },
  );
}
