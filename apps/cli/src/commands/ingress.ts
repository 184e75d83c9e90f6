import type { Command } from 'commander';
import { Option } from 'commander';
import type { HostView, ServerIdentityView } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import { readInputFile, readPemFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { normalizeSha256 } from '../cli/pem';

const IDENTITY_FIELDS: Column<ServerIdentityView>[] = [
  { header: 'SOURCE', value: (v) => v.source },
  { header: 'SUBJECT', value: (v) => v.subjectDN },
  { header: 'ISSUER', value: (v) => v.issuerDN },
  { header: 'NOT AFTER', value: (v) => v.notAfter },
  { header: 'SHA256', value: (v) => v.fingerprint },
  { header: 'CHAIN', value: (v) => `${v.chainLength} certificates` },
];

const HOST_COLUMNS: Column<HostView>[] = [
  { header: 'HOST NAME', value: (h) => h.hostName },
  { header: 'CLIENT CERT', value: (h) => h.clientCert ?? '(INGRESS_CLIENT_CERT)' },
  { header: 'ROOTS', value: (h) => (h.roots ? h.roots.map((r) => r.slice(0, 16)).join(' ') || '(none)' : '(every trusted root)') },
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

  leaf(ingress, 'hosts', 'host names (SNI) with settings of their own: trusted roots and client-certificate mode (custom domains)', [
    'certgate ingress hosts',
  ]).action(act(io, async (ctx) => ctx.list(await ctx.api.ingress.hosts(), HOST_COLUMNS)));

  leaf(ingress, 'set-host <hostName>', "set one host name's settings (replacing them): which trusted roots count there, whether a certificate is required", [
    'certgate ingress set-host partners.acme.example --root 5f0d4c0e27b1e3a8c9f2d6b7a1e0c3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0 --client-cert required',
    "certgate ingress set-host '*.acme.example' --client-cert required",
  ])
    .addOption(
      new Option('--client-cert <mode>', 'required: no verified certificate, no connection; optional: go on without identity').choices([
        'optional',
        'required',
      ]),
    )
    .option('--root <sha256...>', 'a trusted root (SHA-256 fingerprint, as in certgate trust list) that counts for this host name; omitted: every one')
    .action(
      act(io, async (ctx, opts: { clientCert?: 'optional' | 'required'; root?: string[] }) => {
        const [hostName] = ctx.args<[string]>();
        const settings = { ...(opts.clientCert && { clientCert: opts.clientCert }), ...(opts.root && { roots: opts.root.map(normalizeSha256) }) };
        ctx.list([await ctx.api.ingress.setHost(hostName, settings)], HOST_COLUMNS);
      }),
    );

  leaf(ingress, 'remove-host <hostName>', 'drop the settings of a host name: every trusted root and INGRESS_CLIENT_CERT again', [
    'certgate ingress remove-host partners.acme.example',
  ]).action(
    act(io, async (ctx) => {
      const [hostName] = ctx.args<[string]>();
      await ctx.api.ingress.removeHost(hostName);
      ctx.done(`removed the settings of ${hostName}`);
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
