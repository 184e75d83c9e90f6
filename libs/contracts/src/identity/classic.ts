import { z } from 'zod';
import { certificateInfoSchema, emptySchema, pemSchema, roleNameSchema, voidSchema } from '../common';
import { rpcContract } from '../rpc';

/*
 * Classic mode (design §4, `CERTGATE_MODE=classic`): a certificate is mapped to a user
 * name, and the user holds roles directly or through groups. Identity keeps all of it
 * in its bucket under the `ClassicKv` layout, next to the `IdentityKv` keys, so the
 * runtime's identity watch sees it without a second bucket.
 */

/**
 * A user name is whatever the operator's user store calls the user (it need not exist
 * anywhere else): letters, digits, `_`, `-`, `@`, and dots between them (`john.doe@acme.com`).
 * Never a space, so it fits the access log's `<who>`.
 */
export const USER_NAME_PATTERN = /^[A-Za-z0-9_@-]+(?:\.[A-Za-z0-9_@-]+)*$/;
export const userNameSchema = z
  .string()
  .max(128, 'a user name is at most 128 characters')
  .regex(USER_NAME_PATTERN, "a user name is letters, digits, '_', '-', '@' and single dots between them (no spaces)");

/** Group names: as role names, dot-separated tokens of letters, digits, `_` and `-`. */
export const GROUP_NAME_PATTERN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
export const groupNameSchema = z
  .string()
  .max(64, 'a group name is at most 64 characters')
  .regex(GROUP_NAME_PATTERN, "a group name is letters, digits, '_', '-' and single dots between them");

/** A mapping's id is its certificate's SHA-256 fingerprint: one certificate, one mapping, one KV key. */
export const mappingIdSchema = z
  .string()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "a mapping id is the 64 hex digits of its certificate's SHA-256 fingerprint");

const roleList = z.array(roleNameSchema).max(256, 'at most 256 roles');
const userList = z.array(userNameSchema).max(10_000, 'at most 10000 users per group');

/** Value of `mapping.<sha256>`: which user a certificate stands for. */
export const certificateMappingSchema = z.object({
  id: mappingIdSchema,
  user: userNameSchema,
  certificate: certificateInfoSchema,
  createdAt: z.string(),
});
export type CertificateMapping = z.infer<typeof certificateMappingSchema>;

export const createCertificateMappingSchema = z.object({ user: userNameSchema, certificate: pemSchema }).strict();
export type CreateCertificateMapping = z.infer<typeof createCertificateMappingSchema>;

/** Value of `user.<name>`: a user's direct roles (written by POST /users or PUT /users/{user}/roles). */
export const storedUserSchema = z.object({
  name: userNameSchema,
  roles: roleList,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredUser = z.infer<typeof storedUserSchema>;

/** A user as the API shows it: gathered from its record, its mappings and the groups naming it. */
export const userViewSchema = z.object({
  name: userNameSchema,
  /** Assigned to the user directly. */
  roles: z.array(z.string()),
  groups: z.array(z.string()),
  /** Direct roles and those of its groups: what a request of this user holds. */
  effectiveRoles: z.array(z.string()),
  /** Ids of the certificate mappings naming the user. */
  mappings: z.array(z.string()),
});
export type UserView = z.infer<typeof userViewSchema>;

/** Value of `group.<name>`. */
export const groupSchema = z.object({
  name: groupNameSchema,
  roles: roleList,
  users: userList,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Group = z.infer<typeof groupSchema>;

export const createGroupSchema = z.object({ name: groupNameSchema, roles: roleList.default([]), users: userList.default([]) }).strict();
export type CreateGroup = z.input<typeof createGroupSchema>;

/** PUT /groups/{name}: replaces the group's roles and members. */
export const updateGroupSchema = z.object({ roles: roleList, users: userList }).strict();

export const userRolesSchema = z.object({ roles: roleList }).strict();

/**
 * `@` may not appear in a KV key, `=` may not appear in a user name: `@` is written
 * `=40` in the key (`user.john=40acme.com`), which stays readable and cannot collide.
 */
const userKeyToken = (name: string) => name.replace(/@/g, '=40');

/** Key layout of classic mode in the identity bucket (next to `IdentityKv`); the runtime's cache watches it. */
export const ClassicKv = {
  mapping: (fingerprint: string) => `mapping.${fingerprint}`,
  user: (name: string) => `user.${userKeyToken(name)}`,
  group: (name: string) => `group.${name}`,
  prefixes: { mapping: 'mapping.', user: 'user.', group: 'group.' },
} as const;

const userRef = z.object({ name: userNameSchema });
const groupRef = z.object({ name: groupNameSchema });
const mappingRef = z.object({ id: mappingIdSchema });

export const ClassicRpc = {
  listMappings: rpcContract(
    'identity.mappings.list.v1',
    z.object({ user: userNameSchema.optional() }).strict(),
    z.object({ mappings: z.array(certificateMappingSchema) }),
  ),
  createMapping: rpcContract('identity.mappings.create.v1', createCertificateMappingSchema, certificateMappingSchema),
  getMapping: rpcContract('identity.mappings.get.v1', mappingRef, certificateMappingSchema),
  deleteMapping: rpcContract('identity.mappings.delete.v1', mappingRef, voidSchema),

  listUsers: rpcContract('identity.users.list.v1', emptySchema, z.object({ users: z.array(userViewSchema) })),
  createUser: rpcContract('identity.users.create.v1', userRef.strict(), userViewSchema),
  getUser: rpcContract('identity.users.get.v1', userRef, userViewSchema),
  setUserRoles: rpcContract('identity.users.roles.set.v1', userRef.extend(userRolesSchema.shape).strict(), userViewSchema),
  deleteUser: rpcContract('identity.users.delete.v1', userRef, voidSchema),

  listGroups: rpcContract('identity.groups.list.v1', emptySchema, z.object({ groups: z.array(groupSchema) })),
  createGroup: rpcContract('identity.groups.create.v1', createGroupSchema, groupSchema),
  getGroup: rpcContract('identity.groups.get.v1', groupRef, groupSchema),
  updateGroup: rpcContract('identity.groups.update.v1', groupRef.extend(updateGroupSchema.shape).strict(), groupSchema),
  deleteGroup: rpcContract('identity.groups.delete.v1', groupRef, voidSchema),
} as const;
