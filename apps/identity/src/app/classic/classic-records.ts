import { certificateMappingSchema, ClassicKv, groupSchema, storedUserSchema, type CertificateMapping, type Group, type StoredUser } from '@certgate/contracts';
import type { IdentityStore } from '../store/identity-store';

/** Everything classic mode keeps, read at once: users, the roles check and the user views need all three. */
export interface ClassicRecords {
  mappings: CertificateMapping[];
  users: StoredUser[];
  groups: Group[];
}

export async function readMappings(store: IdentityStore): Promise<CertificateMapping[]> {
  return (await store.list(`${ClassicKv.prefixes.mapping}>`, certificateMappingSchema)).map((s) => s.value);
}

export async function readUsers(store: IdentityStore): Promise<StoredUser[]> {
  return (await store.list(`${ClassicKv.prefixes.user}>`, storedUserSchema)).map((s) => s.value);
}

export async function readGroups(store: IdentityStore): Promise<Group[]> {
  return (await store.list(`${ClassicKv.prefixes.group}>`, groupSchema)).map((s) => s.value);
}

export async function readClassicRecords(store: IdentityStore): Promise<ClassicRecords> {
  const [mappings, users, groups] = await Promise.all([readMappings(store), readUsers(store), readGroups(store)]);
  return { mappings, users, groups };
}

/** `'a', 'b'`: names as the error messages quote them. */
export const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

/** The names once each, in the order first given. */
export const unique = (names: readonly string[]) => [...new Set(names)];
