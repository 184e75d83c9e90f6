import type { Principal } from './types';

/**
 * Who a verified Bearer token stands for: its subject, holding the roles of its scope
 * that the client still holds now. A token never grants more than its client currently
 * may, so removing a role from an instance takes effect at once, as for certificates;
 * no client (its key deleted) means no principal.
 */
export function tokenPrincipal(subject: string, scope: ReadonlySet<string>, client: Principal | undefined): Principal | undefined {
  if (!client || client.name !== subject) return undefined;
  const roles = new Set<string>();
  for (const role of scope) if (client.roles.has(role)) roles.add(role);
  return { name: subject, kind: client.kind, roles, ...(client.grantType ? { grantType: client.grantType } : {}) };
}
