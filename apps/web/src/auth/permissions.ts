import type { paths } from '../api/schema';

/** `GET /api/v1/me`: who is signed in, the roles and the permissions they grant. */
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type Permission = Me['permissions'][number];
export type OperatorRole = Me['roles'][number];

/**
 * The roles that grant each permission: the console's table
 * (libs/contracts/src/operators/permissions.ts, docs/operators.md). The web console imports
 * nothing of libs/ (eslint.config.mjs), so this is a copy, for the hint that says who may do
 * what the signed-in operator may not; permissions.test.ts keeps it equal to the
 * `x-certgate-permission` of every operation in the OpenAPI document. What the operator may
 * do never comes from here: `can()` reads the permissions `GET /me` lists.
 */
export const GRANTED_BY: Record<Permission, readonly OperatorRole[]> = {
  'health:read': ['admin', 'security', 'developer', 'monitor', 'auditor'],
  'trusted-roots:read': ['admin', 'security', 'developer', 'monitor'],
  'trusted-roots:write': ['admin', 'security'],
  'roles:read': ['admin', 'security', 'developer'],
  'roles:write': ['admin', 'security'],
  'service-instances:read': ['admin', 'security', 'developer'],
  'service-instances:write': ['admin', 'security'],
  'flows:read': ['admin', 'security', 'developer'],
  'flows:write': ['admin', 'developer'],
  'classic:read': ['admin', 'security', 'developer'],
  'classic:write': ['admin', 'security'],
  'keystore:read': ['admin', 'security', 'developer', 'monitor'],
  'keystore:write': ['admin', 'security'],
  'secrets:export': ['admin', 'security'],
  'certificates:read': ['admin', 'security', 'developer', 'monitor'],
  'alerts:read': ['admin', 'security', 'developer', 'monitor'],
  'alerts:write': ['admin', 'security'],
  'connectivity:test': ['admin', 'security', 'developer'],
  'logs:read': ['admin', 'security', 'developer', 'monitor'],
  'oauth:read': ['admin', 'security', 'developer'],
  'oauth:write': ['admin', 'security'],
  'config:read': ['admin', 'security', 'developer'],
  'operators:read': ['admin'],
  'operators:write': ['admin'],
  'audit:read': ['admin', 'auditor'],
};

/** Every role an operator may hold, in the console's order. */
export const OPERATOR_ROLES: readonly OperatorRole[] = ['admin', 'security', 'developer', 'monitor', 'auditor'];

/** What each role is for (docs/operators.md), next to its checkbox. */
export const ROLE_PURPOSE: Record<OperatorRole, string> = {
  admin: 'everything, operators included',
  security: 'trusted roots, keystore, service instances and keys, mappings, subscriptions; reads all',
  developer: 'flows and connectivity tests; reads everything except secrets',
  monitor: 'read-only: health, certificate inventory, keystore list, trusted roots, alerts, logs',
  auditor: 'the audit log',
};

/** "needs the permission roles:write (roles admin, security)": why an action is not offered. */
export function needs(permission: Permission): string {
  const roles = GRANTED_BY[permission];
  return `needs the permission ${permission} (${roles.length === 1 ? 'role' : 'roles'} ${roles.join(', ')})`;
}
