import type { Command } from 'commander';
import { OPERATOR_ROLES, type ApiTokenView, type Operator, type OperatorRole } from '@certgate/contracts';
import { act, group, intOption, leaf, repeatableChoice } from '../cli/command-kit';
import { assertWritable, PRIVATE_FILE_MODE, writeOutputFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const OPERATOR_FIELDS: Column<Operator>[] = [
  { header: 'NAME', value: (o) => o.name },
  { header: 'ROLES', value: (o) => o.roles },
  { header: 'ENABLED', value: (o) => o.enabled },
  { header: 'CREATED', value: (o) => o.createdAt },
];

const TOKEN_FIELDS: Column<ApiTokenView>[] = [
  { header: 'ID', value: (t) => t.id },
  { header: 'OPERATOR', value: (t) => t.operator },
  { header: 'DESCRIPTION', value: (t) => t.description ?? '' },
  { header: 'EXPIRES', value: (t) => t.expiresAt },
  { header: 'LAST USED', value: (t) => t.lastUsedAt ?? 'never' },
  { header: 'REVOKED', value: (t) => t.revokedAt ?? '' },
];

const roleOption = () => repeatableChoice('--role <role>', 'an operator role (repeat for several): what it may do, docs/operators.md', OPERATOR_ROLES);

/** `certgate operators ...` and `certgate tokens ...`: who may use the admin plane, and with which token. */
export function registerOperators(program: Command, io: CliIo): void {
  const operators = group(program, 'operators', 'operators of the admin plane and their roles (admin, security, developer, monitor, auditor)', [
    'certgate operators create mona --role monitor',
    'certgate operators list',
  ]);

  leaf(operators, 'list', 'list the operators with their roles', ['certgate operators list']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.operators.list(), OPERATOR_FIELDS)),
  );

  leaf(operators, 'show <name>', 'show one operator', ['certgate operators show mona']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.operators.get(ctx.args<[string]>()[0]), OPERATOR_FIELDS)),
  );

  leaf(operators, 'create <name>', 'create an operator with one or more roles', [
    'certgate operators create dev --role developer',
    'certgate operators create sec --role security --role monitor',
  ])
    .addOption(roleOption().makeOptionMandatory())
    .option('--disabled', 'create it disabled (its tokens refused until enabled)')
    .action(
      act(io, async (ctx, opts: { role: OperatorRole[]; disabled?: boolean }) => {
        const [name] = ctx.args<[string]>();
        ctx.item(await ctx.api.operators.create({ name, roles: opts.role, enabled: !opts.disabled }), OPERATOR_FIELDS);
      }),
    );

  leaf(operators, 'update <name>', "change an operator's roles, or enable or disable it (in force on every console replica at once)", [
    'certgate operators update dev --role developer --role monitor',
    'certgate operators update dev --disable',
  ])
    .addOption(roleOption())
    .option('--enable', 'accept its tokens again')
    .option('--disable', 'refuse its tokens until enabled')
    .action(
      act(io, async (ctx, opts: { role?: OperatorRole[]; enable?: boolean; disable?: boolean }) => {
        const [name] = ctx.args<[string]>();
        if (opts.enable && opts.disable) ctx.usage('--enable and --disable exclude each other');
        if (!opts.role && !opts.enable && !opts.disable) ctx.usage('nothing to change: give --role, --enable or --disable');
        const body = { ...(opts.role && { roles: opts.role }), ...((opts.enable || opts.disable) && { enabled: Boolean(opts.enable) }) };
        ctx.item(await ctx.api.operators.update(name, body), OPERATOR_FIELDS);
      }),
    );

  leaf(operators, 'delete <name>', 'delete an operator; its tokens are revoked first', ['certgate operators delete dev']).action(
    act(io, async (ctx) => {
      const [name] = ctx.args<[string]>();
      await ctx.api.operators.delete(name);
      ctx.done(`deleted operator ${name} (its tokens are revoked)`);
    }),
  );

  const tokens = group(program, 'tokens', "operators' API tokens: shown once, stored as hashes, revocable at once", [
    'certgate tokens create mona --description dashboard --token-out mona.token',
    'certgate tokens revoke 4f1c2a9b7d3e8a60',
  ]);

  leaf(tokens, 'list <operator>', "list an operator's tokens (never the tokens themselves)", ['certgate tokens list mona']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.operators.tokens(ctx.args<[string]>()[0]), TOKEN_FIELDS)),
  );

  leaf(tokens, 'create <operator>', 'make an API token for an operator; it is shown only now', [
    'certgate tokens create mona --expires-in-days 30 --token-out mona.token',
    'certgate tokens create ci --description pipeline -o json',
  ])
    .option('--description <text>', 'what the token is for')
    .option('--expires-in-days <days>', 'lifetime in days (default 90)', intOption(1, 366))
    .option('--token-out <file>', 'write the token to this file (mode 600) instead of printing it')
    .option('--force', 'overwrite --token-out')
    .action(
      act(io, async (ctx, opts: { description?: string; expiresInDays?: number; tokenOut?: string; force?: boolean }) => {
        const [operator] = ctx.args<[string]>();
        if (opts.tokenOut) assertWritable(opts.tokenOut, opts.force);
        const created = await ctx.api.operators.createToken(operator, {
          ...(opts.description && { description: opts.description }),
          ...(opts.expiresInDays && { expiresInDays: opts.expiresInDays }),
        });
        const { token, ...view } = created;
        if (opts.tokenOut) writeOutputFile(opts.tokenOut, `${token}\n`, { force: opts.force, mode: PRIVATE_FILE_MODE });
        if (ctx.format !== 'table') return ctx.item(opts.tokenOut ? view : created, []);
        ctx.item(view, [...TOKEN_FIELDS, opts.tokenOut ? { header: 'WRITTEN', value: () => opts.tokenOut } : { header: 'TOKEN', value: () => token }]);
        ctx.note('the token is shown only now: use it as CERTGATE_ADMIN_TOKEN or --token');
      }),
    );

  leaf(tokens, 'revoke <id>', 'revoke a token: every console replica refuses it within a second', ['certgate tokens revoke 4f1c2a9b7d3e8a60']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.operators.revokeToken(ctx.args<[string]>()[0]), TOKEN_FIELDS)),
  );

  leaf(program, 'whoami', 'who the token belongs to: operator, roles and the permissions they grant', ['certgate whoami']).action(
    act(io, async (ctx) => {
      const me = await ctx.api.operators.me();
      ctx.item(me, [
        { header: 'KIND', value: (m) => m.kind },
        { header: 'OPERATOR', value: (m) => m.operator ?? '(admin token)' },
        { header: 'ROLES', value: (m) => m.roles },
        { header: 'PERMISSIONS', value: (m) => m.permissions },
      ]);
    }),
  );
}
