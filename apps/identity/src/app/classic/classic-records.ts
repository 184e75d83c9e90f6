import { ClassicKv, type CertificateMapping, type Group, type StoredUser } from '@certgate/contracts';
import type { IdentityRecords } from '../store/identity-records';

/** Everything classic mode keeps, read at once: users, the roles check and the user views need all three. */
export interface ClassicRecords {
  mappings: CertificateMapping[];
  users: StoredUser[];
  groups: Group[];
}

export async function readMappings(records: IdentityRecords): Promise<CertificateMapping[]> {
  return (await records.mappings.list(`${ClassicKv.prefixes.mapping}>`)).map((s) => s.value);
}

export async function readUsers(records: IdentityRecords): Promise<StoredUser[]> {
  return (await records.users.list(`${ClassicKv.prefixes.user}>`)).map((s) => s.value);
}

export async function readGroups(records: IdentityRecords): Promise<Group[]> {
  return (await records.groups.list(`${ClassicKv.prefixes.group}>`)).map((s) => s.value);
}

export async function readClassicRecords(records: IdentityRecords): Promise<ClassicRecords> {
  const [mappings, users, groups] = await Promise.all([readMappings(records), readUsers(records), readGroups(records)]);
  return { mappings, users, groups };
}

/** `'a', 'b'`: names as the error messages quote them. */
export const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

/** The names once each, in the order first given. */
export const unique = (names: readonly string[]) => [...new Set(names)];
