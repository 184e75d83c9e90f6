import type { Command } from 'commander';
import type { SigningKeys, SigningKeyView } from '@certgate/contracts';
import { act, group, leaf, type Ctx } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const SIGNING_KEY_COLUMNS: Column<SigningKeyView>[] = [
  { header: 'KID', value: (k) => k.kid },
  { header: 'STATUS', value: (k) => k.status },
  { header: 'ALG', value: (k) => k.alg },
  { header: 'CREATED', value: (k) => k.createdAt },
  { header: 'SUPERSEDED', value: (k) => k.supersededAt },
  { header: 'PUBLISHED UNTIL', value: (k) => k.publishedUntil },
];

/** The answer is an object (`{active, keys}`): a table of the keys for people, the object for scripts. */
function show(ctx: Ctx, keys: SigningKeys): void {
  if (ctx.format === 'table') ctx.list(keys.keys, SIGNING_KEY_COLUMNS);
  else ctx.item(keys, []);
}

/** `certgate oauth signing-keys ...`: the keys that sign OAuth access tokens. */
export function registerOauth(program: Command, io: CliIo): void {
  const oauth = group(program, 'oauth', 'OAuth token endpoint administration', ['certgate oauth signing-keys list']);
  const signingKeys = group(oauth, 'signing-keys', 'the keys that sign access tokens (public keys only)', [
    'certgate oauth signing-keys list',
    'certgate oauth signing-keys rotate',
  ]);
  leaf(signingKeys, 'list', 'the active signing key and the previous ones still published', ['certgate oauth signing-keys list -o json']).action(
    act(io, async (ctx) => show(ctx, await ctx.api.oauth.signingKeys())),
  );
  leaf(signingKeys, 'rotate', 'a new key signs from now on; the previous one verifies its tokens until they expire', [
    'certgate oauth signing-keys rotate',
    'certgate oauth signing-keys rotate --drop-previous',
  ])
    .option('--drop-previous', 'unpublish the previous keys at once: the tokens they signed stop working')
    .action(act(io, async (ctx, opts: { dropPrevious?: boolean }) => show(ctx, await ctx.api.oauth.rotate(opts.dropPrevious))));
}
