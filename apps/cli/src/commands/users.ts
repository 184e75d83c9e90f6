import type { Command } from 'commander';
import type { UserView } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const USER_FIELDS: Column<UserView>[] = [
  { header: 'NAME', value: (u) => u.name },
  { header: 'ROLES', value: (u) => u.roles },
  { header: 'GROUPS', value: (u) => u.groups },
  { header: 'EFFECTIVE ROLES', value: (u) => u.effectiveRoles },
  { header: 'MAPPINGS', value: (u) => u.mappings.length },
];
const USER_DETAIL: Column<UserView>[] = [...USER_FIELDS.slice(0, -1), { header: 'MAPPINGS', value: (u) => u.mappings }];

/** `certgate users ...` (classic mode): users and their direct roles. */
export function registerUsers(program: Command, io: CliIo): void {
  const users = group(program, 'users', 'classic mode: users, their direct roles, groups and mappings', [
    'certgate users set-roles john.doe@acme.com Orders.send',
    'certgate users show john.doe@acme.com',
  ]);

  leaf(users, 'list', 'list every user with a mapping, direct roles or a group', ['certgate users list']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.users.list(), USER_FIELDS)),
  );

  leaf(users, 'show <name>', 'show a user: direct roles, groups, effective roles, mappings', ['certgate users show john.doe@acme.com']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.users.get(ctx.args<[string]>()[0]), USER_DETAIL)),
  );

  leaf(users, 'create <name>', 'create a user ahead of time (a mapping, group or role assignment names users without it)', [
    'certgate users create john.doe@acme.com',
  ]).action(act(io, async (ctx) => ctx.item(await ctx.api.users.create(ctx.args<[string]>()[0]), USER_FIELDS)));

  leaf(users, 'set-roles <name> [roles...]', "replace the user's direct roles (none: remove them all); roles through groups stay", [
    'certgate users set-roles john.doe@acme.com Orders.send Returns.send',
    'certgate users set-roles john.doe@acme.com',
  ]).action(
    act(io, async (ctx) => {
      const [name, roles] = ctx.args<[string, string[]]>();
      ctx.item(await ctx.api.users.setRoles(name, roles ?? []), USER_FIELDS);
    }),
  );

  leaf(users, 'delete <name>', "delete a user's record (refused while a mapping or group names the user)", ['certgate users delete john.doe@acme.com']).action(
    act(io, async (ctx) => {
      const [name] = ctx.args<[string]>();
      await ctx.api.users.delete(name);
      ctx.done(`deleted user ${name}`);
    }),
  );
}
