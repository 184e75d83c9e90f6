import { Option, type Command } from 'commander';
import { GRANT_TYPES, type GrantType, type ServiceInstance } from '@certgate/contracts';
import type { InstanceWithKeys } from '../api/certgate-api';
import { act, collect, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import { renderList, type Column } from '../cli/output';
import { KEY_COLUMNS } from './keys';

const INSTANCE_FIELDS: Column<ServiceInstance>[] = [
  { header: 'NAME', value: (i) => i.name },
  { header: 'GRANT TYPE', value: (i) => i.parameters['grant-types'] },
  { header: 'ROLES', value: (i) => i.parameters.roles },
  { header: 'REDIRECT URIS', value: (i) => i.parameters['redirect-uris'] },
  { header: 'CREATED', value: (i) => i.createdAt },
];

interface ParameterOptions {
  role?: string[];
  grantType?: GrantType;
  redirectUri?: string[];
}

const grantTypeOption = () => new Option('--grant-type <type>', 'how its senders authenticate').choices(GRANT_TYPES);

/** `certgate instances ...`: service instances, the senders' identities with their roles. */
export function registerInstances(program: Command, io: CliIo): void {
  const instances = group(program, 'instances', 'service instances: a sender, its roles and grant type (its credentials are keys)', [
    'certgate instances create sender-a --role Orders.send',
    'certgate instances show sender-a',
  ]);

  leaf(instances, 'list', 'list the service instances', ['certgate instances list']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.instances.list(), INSTANCE_FIELDS)),
  );

  leaf(instances, 'show <name>', 'show an instance with its keys', ['certgate instances show sender-a']).action(
    act(io, async (ctx) => {
      const instance: InstanceWithKeys = await ctx.api.instances.get(ctx.args<[string]>()[0]);
      ctx.item(instance, INSTANCE_FIELDS);
      if (ctx.format === 'table') ctx.print(`\nkeys:\n${renderList(instance.keys ?? [], KEY_COLUMNS).replace(/^/gm, '  ')}`);
    }),
  );

  leaf(instances, 'create <name>', 'create a service instance', [
    'certgate instances create sender-a --role Orders.send --role Invoices.send',
    'certgate instances create portal --grant-type client_credentials --role Orders.send --redirect-uri https://portal.example/cb',
  ])
    .option('--role <role>', 'a role the instance holds (repeat for several)', collect)
    .addOption(grantTypeOption().default('client_x509'))
    .option('--redirect-uri <uri>', 'an OAuth redirect URI (repeat for several)', collect)
    .action(
      act(io, async (ctx, opts: ParameterOptions) => {
        const [name] = ctx.args<[string]>();
        const parameters = { roles: opts.role ?? [], 'grant-types': [opts.grantType ?? 'client_x509'], 'redirect-uris': opts.redirectUri ?? [] };
        ctx.item(await ctx.api.instances.create({ name, parameters }), INSTANCE_FIELDS);
      }),
    );

  leaf(instances, 'update <name>', "replace an instance's roles and redirect URIs (what is not given stays as it is); the grant type cannot change", [
    'certgate instances update sender-a --role Orders.send --role Returns.send',
    'certgate instances update sender-a --clear-roles',
  ])
    .option('--role <role>', 'the roles from now on (repeat for several)', collect)
    .option('--clear-roles', 'no roles from now on')
    .option('--redirect-uri <uri>', 'the redirect URIs from now on (repeat for several)', collect)
    .option('--clear-redirect-uris', 'no redirect URIs from now on')
    .addOption(grantTypeOption())
    .action(
      act(io, async (ctx, opts: ParameterOptions & { clearRoles?: boolean; clearRedirectUris?: boolean }) => {
        const [name] = ctx.args<[string]>();
        if (opts.clearRoles && opts.role) ctx.usage('--role and --clear-roles exclude each other');
        if (opts.clearRedirectUris && opts.redirectUri) ctx.usage('--redirect-uri and --clear-redirect-uris exclude each other');
        // PUT replaces the parameters: start from the current ones.
        const current = (await ctx.api.instances.get(name)).parameters;
        const parameters = {
          roles: opts.clearRoles ? [] : (opts.role ?? current.roles),
          'grant-types': opts.grantType ? [opts.grantType] : current['grant-types'],
          'redirect-uris': opts.clearRedirectUris ? [] : (opts.redirectUri ?? current['redirect-uris']),
        };
        ctx.item(await ctx.api.instances.update(name, parameters), INSTANCE_FIELDS);
      }),
    );

  leaf(instances, 'delete <name>', 'delete an instance and all its keys (their credentials stop working at once)', [
    'certgate instances delete sender-a',
  ]).action(
    act(io, async (ctx) => {
      const [name] = ctx.args<[string]>();
      await ctx.api.instances.delete(name);
      ctx.done(`deleted service instance ${name} and its keys`);
    }),
  );
}
