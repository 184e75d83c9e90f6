import type { UserView } from '@certgate/contracts';
import type { ClassicRecords } from '../classic-records';

function push(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * Every user classic mode knows of (design §4: a user name need not exist anywhere
 * else): those with a record of direct roles, those a mapping names and those a group
 * lists, each with what it holds. Sorted by name.
 */
export function userViews({ mappings, users, groups }: ClassicRecords): UserView[] {
  const direct = new Map(users.map((u) => [u.name, u.roles]));
  const mappingIds = new Map<string, string[]>();
  for (const m of mappings) push(mappingIds, m.user, m.id);
  const groupsOf = new Map<string, string[]>();
  const groupRoles = new Map(groups.map((g) => [g.name, g.roles]));
  for (const g of groups) for (const user of new Set(g.users)) push(groupsOf, user, g.name);

  const names = new Set<string>([...direct.keys(), ...mappingIds.keys(), ...groupsOf.keys()]);
  return [...names].sort().map((name) => {
    const roles = direct.get(name) ?? [];
    const memberOf = (groupsOf.get(name) ?? []).sort();
    return {
      name,
      roles: [...roles],
      groups: memberOf,
      effectiveRoles: [...new Set([...roles, ...memberOf.flatMap((g) => groupRoles.get(g) ?? [])])].sort(),
      mappings: mappingIds.get(name) ?? [],
    };
  });
}

/** One user's view, or undefined when no record, mapping or group names it. */
export function userView(records: ClassicRecords, name: string): UserView | undefined {
  return userViews({
    mappings: records.mappings.filter((m) => m.user === name),
    users: records.users.filter((u) => u.name === name),
    groups: records.groups.filter((g) => g.users.includes(name)),
  }).find((u) => u.name === name); // the groups bring their other members along
}
