import type { Command } from 'commander';
import type { TrustedRoot } from '../api/certgate-api';
import { act, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { readPemFile } from '../cli/files';
import { normalizeSha256, pemCertificates, sha256Of } from '../cli/pem';

const ROOT_COLUMNS: Column<TrustedRoot>[] = [
  { header: 'SHA256', value: (r) => r.sha256 ?? r.fingerprint },
  { header: 'SOURCE', value: (r) => r.source },
  { header: 'NOT AFTER', value: (r) => r.notAfter },
  { header: 'SUBJECT', value: (r) => r.subjectDN },
];

/** `certgate trust ...`: the client roots the ingress trusts (senders' CAs). */
export function registerTrust(program: Command, io: CliIo): void {
  const trust = group(program, 'trust', 'client root CAs the ingress trusts for sender certificates', [
    'certgate trust list',
    'certgate trust add --cert-file partner-root.pem',
  ]);

  leaf(trust, 'list', 'list the trusted roots: from INGRESS_CLIENT_ROOTS (env), added here (api), the tenant client CA', ['certgate trust list']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.trust.list(), ROOT_COLUMNS)),
  );

  leaf(trust, 'add', 'trust one or more roots (a PEM bundle of self-signed CA certificates); roots already trusted stay', [
    'certgate trust add --cert-file partner-root.pem',
  ])
    .requiredOption('--cert-file <file>', 'PEM file with one or more root CA certificates')
    .action(
      act(io, async (ctx, opts: { certFile: string }) => {
        ctx.list(await ctx.api.trust.add(readPemFile(opts.certFile, 'certificate file')), ROOT_COLUMNS);
      }),
    );

  leaf(trust, 'replace', 'replace every root added through the API by the roots of a PEM bundle (env and client-CA roots stay)', [
    'certgate trust replace --cert-file all-partner-roots.pem',
  ])
    .requiredOption('--cert-file <file>', 'PEM file with the root CA certificates to trust')
    .action(
      act(io, async (ctx, opts: { certFile: string }) => {
        ctx.list(await ctx.api.trust.replace(readPemFile(opts.certFile, 'certificate file')), ROOT_COLUMNS);
      }),
    );

  leaf(trust, 'remove [sha256]', 'stop trusting a root added through the API, by SHA-256 fingerprint or by the certificates of a PEM file', [
    'certgate trust remove 5f0d4c0e27b1e3a8c9f2d6b7a1e0c3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0',
    'certgate trust remove --cert-file partner-root.pem',
  ])
    .option('--cert-file <file>', 'PEM file: remove every root certificate in it')
    .action(
      act(io, async (ctx, opts: { certFile?: string }) => {
        const [given] = ctx.args<[string | undefined]>();
        if ((given === undefined) === (opts.certFile === undefined)) ctx.usage('name the root by its SHA-256 fingerprint or pass --cert-file, not both');
        const fingerprints =
          given !== undefined ? [normalizeSha256(given)] : pemCertificates(readPemFile(opts.certFile as string, 'certificate file')).map(sha256Of);
        for (const sha256 of fingerprints) {
          await ctx.api.trust.remove(sha256);
          ctx.done(`removed trusted root ${sha256}`);
        }
      }),
    );
}
