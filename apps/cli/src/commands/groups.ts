import type { Command } from 'commander';
import type { Group } from '@certgate/contracts';
import { act, collect, group, leaf, type Ctx } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const GROUP_FIELDS: Column<Group>[] = [
  { header: 'NAME', value: (g) => g.name },
  { header: 'ROLES', value: (g) => g.roles },
  { header: 'USERS', value: (g) => g.users },
  { header: 'UPDATED', value: (g) => g.updatedAt },
];

/** `certgate groups ...` (classic mode): groups give their roles to every user they list. */
export function registerGroups(program: Command, io: CliIo): void {
  const groups = group(program, 'groups', 'classic mode: groups of users that hold roles together', [
    'certgate groups create buyers --role Orders.send --user john.doe@acme.com',
    'certgate groups add-users buyers jane@acme.com',
  ]);

  leaf(groups, 'list', 'list the groups', ['certgate groups list']).action(act(io, async (ctx) => ctx.list(await ctx.api.groups.list(), GROUP_FIELDS)));

  leaf(groups, 'show <name>', 'show a group', ['certgate groups show buyers']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.groups.get(ctx.args<[string]>()[0]), GROUP_FIELDS)),
  );

  leaf(groups, 'create <name>', 'create a group', ['certgate groups create buyers --role Orders.send --user john.doe@acme.com --user jane@acme.com'])
    .option('--role <role>', 'a role of the group (repeat for several)', collect)
    .option('--user <name>', 'a member (repeat for several)', collect)
    .action(
      act(io, async (ctx, opts: { role?: string[]; user?: string[] }) => {
        const [name] = ctx.args<[string]>();
        ctx.item(await ctx.api.groups.create({ name, roles: opts.role ?? [], users: opts.user ?? [] }), GROUP_FIELDS);
      }),
    );

  leaf(groups, 'update <name>', "replace a group's roles and members (what is not given stays as it is)", [
    'certgate groups update buyers --role Orders.send --role Returns.send',
    'certgate groups update buyers --clear-users',
  ])
    .option('--role <role>', 'the roles from now on (repeat for several)', collect)
    .option('--clear-roles', 'no roles from now on')
    .option('--user <name>', 'the members from now on (repeat for several)', collect)
    .option('--clear-users', 'no members from now on')
    .action(
      act(io, async (ctx, opts: { role?: string[]; clearRoles?: boolean; user?: string[]; clearUsers?: boolean }) => {
        if (opts.role && opts.clearRoles) ctx.usage('--role and --clear-roles exclude each other');
        if (opts.user && opts.clearUsers) ctx.usage('--user and --clear-users exclude each other');
        await change(ctx, (g) => ({ roles: opts.clearRoles ? [] : (opts.role ?? g.roles), users: opts.clearUsers ? [] : (opts.user ?? g.users) }));
      }),
    );

  leaf(groups, 'add-users <name> <users...>', 'add members to a group', ['certgate groups add-users buyers jane@acme.com bob@acme.com']).action(
    act(io, async (ctx) => {
      const [, users] = ctx.args<[string, string[]]>();
      await change(ctx, (g) => ({ roles: g.roles, users: [...new Set([...g.users, ...users])] }));
    }),
  );

  leaf(groups, 'remove-users <name> <users...>', 'remove members from a group (they lose its roles at once)', [
    'certgate groups remove-users buyers bob@acme.com',
  ]).action(
    act(io, async (ctx) => {
      const [, users] = ctx.args<[string, string[]]>();
      await change(ctx, (g) => ({ roles: g.roles, users: g.users.filter((u) => !users.includes(u)) }));
    }),
  );

  leaf(groups, 'delete <name>', 'delete a group: its members lose its roles at once; the users stay', ['certgate groups delete buyers']).action(
    act(io, async (ctx) => {
      const [name] = ctx.args<[string]>();
      await ctx.api.groups.delete(name);
      ctx.done(`deleted group ${name}`);
    }),
  );
}

/** PUT replaces roles and users together: read the group, change it, write it. */
async function change(ctx: Ctx, next: (g: Group) => { roles: string[]; users: string[] }): Promise<void> {
  const [name] = ctx.args<[string]>();
  const current = await ctx.api.groups.get(name);
  ctx.item(await ctx.api.groups.update(name, next(current)), GROUP_FIELDS);
}
