import type { Command } from 'commander';
import type { Role } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const ROLE_FIELDS: Column<Role>[] = [
  { header: 'NAME', value: (r) => r.name },
  { header: 'DESCRIPTION', value: (r) => r.description },
  { header: 'PREDEFINED', value: (r) => r.predefined },
  { header: 'CREATED', value: (r) => r.createdAt },
];

/** `certgate roles ...`: the roles flows ask for and instances, users and groups hold. */
export function registerRoles(program: Command, io: CliIo): void {
  const roles = group(program, 'roles', 'user roles (what a flow asks of a sender)', ['certgate roles create Orders.send', 'certgate roles list']);

  leaf(roles, 'list', 'list the roles (the predefined ESBMessaging.send and custom ones)', ['certgate roles list', 'certgate roles list -o json']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.roles.list(), ROLE_FIELDS)),
  );

  leaf(roles, 'show <name>', 'show one role', ['certgate roles show Orders.send']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.roles.get(ctx.args<[string]>()[0]), ROLE_FIELDS)),
  );

  leaf(roles, 'create <name>', 'create a custom role', ['certgate roles create Orders.send --description "may send orders"'])
    .option('--description <text>', 'what the role allows')
    .action(
      act(io, async (ctx, opts: { description?: string }) => {
        const [name] = ctx.args<[string]>();
        ctx.item(await ctx.api.roles.create({ name, ...(opts.description !== undefined && { description: opts.description }) }), ROLE_FIELDS);
      }),
    );

  leaf(roles, 'delete <name>', 'delete a custom role (refused while an instance, user, group or flow uses it)', ['certgate roles delete Orders.send']).action(
    act(io, async (ctx) => {
      const [name] = ctx.args<[string]>();
      await ctx.api.roles.delete(name);
      ctx.done(`deleted role ${name}`);
    }),
  );

  leaf(roles, 'json <name>', 'the role as instance parameters ({"roles":["<name>"]}), ready to paste', ['certgate roles json Orders.send']).action(
    act(io, async (ctx) => {
      const params = await ctx.api.roles.json(ctx.args<[string]>()[0]);
      // The point of this route is the JSON: table output prints it too.
      if (ctx.format === 'table') ctx.print(JSON.stringify(params));
      else ctx.item(params, []);
    }),
  );
}
