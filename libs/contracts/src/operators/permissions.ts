/**
 * Operator roles and what each may do: the one table of the admin plane's authorization
 * (docs/operators.md shows it). Every console operation names the permission it needs;
 * an operation that names none is refused (deny by default).
 */
export const OPERATOR_ROLES = ['admin', 'security', 'developer', 'monitor', 'auditor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/**
 * `<area>:read` sees an area, `<area>:write` changes it. `secrets:export` hands out
 * private key material after creation (a PKCS#12 export); generated secrets are shown
 * once by the write that makes them.
 */
export const PERMISSIONS = [
  'health:read',
  'trusted-roots:read',
  'trusted-roots:write',
  'roles:read',
  'roles:write',
  'service-instances:read',
  'service-instances:write',
  'flows:read',
  'flows:write',
  'classic:read',
  'classic:write',
  'keystore:read',
  'keystore:write',
  'secrets:export',
  'certificates:read',
  'alerts:read',
  'alerts:write',
  'connectivity:test',
  'logs:read',
  'oauth:read',
  'oauth:write',
  'config:read',
  'operators:read',
  'operators:write',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const reads = PERMISSIONS.filter((p) => p.endsWith(':read') && p !== 'operators:read' && p !== 'audit:read');
const monitorReads: Permission[] = ['health:read', 'certificates:read', 'alerts:read', 'logs:read', 'keystore:read', 'trusted-roots:read'];

export const ROLE_PERMISSIONS: Record<OperatorRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  security: [
    ...reads,
    'trusted-roots:write',
    'roles:write',
    'service-instances:write',
    'classic:write',
    'keystore:write',
    'secrets:export',
    'alerts:write',
    'connectivity:test',
    'oauth:write',
  ],
  developer: [...reads, 'flows:write', 'connectivity:test'],
  monitor: monitorReads,
  auditor: ['health:read', 'audit:read'],
};

/** Whether any of `roles` grants `permission`. */
export function rolesGrant(roles: readonly OperatorRole[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/** The roles that grant `permission`, for the 403 that names them. */
export function rolesGranting(permission: Permission): OperatorRole[] {
  return OPERATOR_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}
