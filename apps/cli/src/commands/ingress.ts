import type { Command } from 'commander';
import { act, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';

/** `certgate ingress server-chain`: what sender administrators need to trust the ingress. */
export function registerIngress(program: Command, io: CliIo): void {
  const ingress = group(program, 'ingress', "the ingress' TLS server side (its client roots: certgate trust)", [
    'certgate ingress server-chain --out ingress-chain.pem',
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
}
