import { deployedFlowSchema, FlowsKv, type Group, type ServiceInstance, type StoredUser } from '@certgate/contracts';

/** A deployed flow as stored: its value is any JSON, so a flow this version cannot fully parse is still looked at. */
export interface RawFlow {
  key: string;
  value: unknown;
}

export interface RoleUsage {
  instances: string[];
  flows: string[];
  /** Classic mode: users holding the role directly, and groups granting it. */
  users: string[];
  groups: string[];
}

/** Who may hold a role in classic mode (empty when it is not used). */
export interface ClassicHolders {
  users: readonly StoredUser[];
  groups: readonly Group[];
}

/** The role a flow's sender channel asks for, if any. */
function roleAskedFor(flow: RawFlow): string | undefined {
  const parsed = deployedFlowSchema.safeParse(flow.value);
  if (parsed.success) {
    const auth = parsed.data.definition.sender.authorization;
    return auth.type === 'role' ? auth.role : undefined;
  }
  // A flow this version cannot read may still depend on the role: look where the role would be, rather than miss it.
  const auth = (flow.value as { definition?: { sender?: { authorization?: { role?: unknown } } } } | undefined)?.definition?.sender?.authorization;
  return typeof auth?.role === 'string' ? auth.role : undefined;
}

function flowId(flow: RawFlow): string {
  const id = (flow.value as { definition?: { id?: unknown } } | undefined)?.definition?.id;
  return typeof id === 'string' ? id : flow.key.slice(FlowsKv.prefix.length);
}

/** Who depends on a role: instances, users and groups that hold it, and flows whose sender channel asks for it. */
export function roleUsage(
  role: string,
  instances: readonly ServiceInstance[],
  flows: readonly RawFlow[],
  classic: ClassicHolders = { users: [], groups: [] },
): RoleUsage {
  return {
    instances: instances.filter((i) => i.parameters.roles.includes(role)).map((i) => i.name),
    flows: flows.filter((f) => roleAskedFor(f) === role).map(flowId),
    users: classic.users.filter((u) => u.roles.includes(role)).map((u) => u.name),
    groups: classic.groups.filter((g) => g.roles.includes(role)).map((g) => g.name),
  };
}

export function roleInUse(usage: RoleUsage): boolean {
  return usage.instances.length + usage.flows.length + usage.users.length + usage.groups.length > 0;
}

export function describeRoleUsage(role: string, usage: RoleUsage): string {
  const parts: string[] = [];
  if (usage.instances.length) parts.push(`service instance(s) ${usage.instances.map((n) => `'${n}'`).join(', ')} hold it`);
  if (usage.users.length) parts.push(`user(s) ${usage.users.map((n) => `'${n}'`).join(', ')} hold it directly`);
  if (usage.groups.length) parts.push(`group(s) ${usage.groups.map((n) => `'${n}'`).join(', ')} grant it`);
  if (usage.flows.length) parts.push(`the sender channel of flow(s) ${usage.flows.map((n) => `'${n}'`).join(', ')} asks for it`);
  return `role '${role}' is in use and cannot be deleted: ${parts.join('; ')}. Remove it from them first`;
}
