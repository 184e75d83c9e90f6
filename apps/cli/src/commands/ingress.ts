import type { Command } from 'commander';
import type { ServerIdentityView } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import { readInputFile, readPemFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const IDENTITY_FIELDS: Column<ServerIdentityView>[] = [
  { header: 'SOURCE', value: (v) => v.source },
  { header: 'SUBJECT', value: (v) => v.subjectDN },
  { header: 'ISSUER', value: (v) => v.issuerDN },
  { header: 'NOT AFTER', value: (v) => v.notAfter },
  { header: 'SHA256', value: (v) => v.fingerprint },
  { header: 'CHAIN', value: (v) => `${v.chainLength} certificates` },
];

/** `certgate ingress ...`: the ingress' own TLS server side (its client roots: certgate trust). */
export function registerIngress(program: Command, io: CliIo): void {
  const ingress = group(program, 'ingress', "the ingress' TLS server side (its client roots: certgate trust)", [
    'certgate ingress server-chain --out ingress-chain.pem',
    'certgate ingress replace-server-chain --chain-file ingress-chain.pem --key-file ingress.key',
  ]);
  leaf(ingress, 'server-chain', "the ingress' server chain as PEM, root last (to stdout without --out)", [
    'certgate ingress server-chain',
    'certgate ingress server-chain --out ingress-chain.pem',
  ])
    .option('--out <file>', 'where to write it')
    .option('--force', 'overwrite the file if it exists')
    .action(
      act(io, async (ctx, opts: { out?: string; force?: boolean }) => {
        const chain = await ctx.api.ingress.serverChain();
        if (opts.out) ctx.save(chain, opts.out, opts.force);
        else ctx.io.out.write(chain.bytes);
      }),
    );

  leaf(ingress, 'replace-server-chain', 'replace the server key and chain on every ingress replica, without a restart (open connections keep theirs)', [
    'certgate ingress replace-server-chain --chain-file ingress-chain.pem --key-file ingress.key',
    'certgate ingress replace-server-chain --chain-file ingress-chain.pem --key-file ingress.key.enc --passphrase-file key.pass',
  ])
    .requiredOption('--chain-file <file>', 'PEM: the server certificate first, then its intermediates')
    .requiredOption('--key-file <file>', 'its private key, PEM (plain or encrypted)')
    .option('--passphrase-file <file>', 'the passphrase of an encrypted key (asked for when the key is encrypted and this is not given)')
    .action(
      act(io, async (ctx, opts: { chainFile: string; keyFile: string; passphraseFile?: string }) => {
        const privateKey = readInputFile(opts.keyFile, 'key file').toString('utf8');
        const encrypted = privateKey.includes('ENCRYPTED');
        const passphrase =
          encrypted || opts.passphraseFile ? await ctx.secret(opts.passphraseFile, '--passphrase-file', `passphrase of ${opts.keyFile}`) : undefined;
        const view = await ctx.api.ingress.replaceServerChain({
          certificates: readPemFile(opts.chainFile, 'chain file'),
          privateKey,
          ...(passphrase !== undefined && { passphrase }),
        });
        ctx.item(view, IDENTITY_FIELDS);
      }),
    );

  leaf(ingress, 'reset-server-chain', 'drop the key and chain set with replace-server-chain: INGRESS_SERVER_KEY/_CHAIN (or the dev certificate) again', [
    'certgate ingress reset-server-chain',
  ]).action(
    act(io, async (ctx) => {
      await ctx.api.ingress.resetServerChain();
      ctx.done('the configured server certificate is in force again');
    }),
  );
}
