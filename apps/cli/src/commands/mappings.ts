import type { Command } from 'commander';
import type { CertificateMapping } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import { readPemFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { normalizeSha256, pemCertificates, sha256Of } from '../cli/pem';

const MAPPING_FIELDS: Column<CertificateMapping>[] = [
  { header: 'ID (SHA256)', value: (m) => m.id },
  { header: 'USER', value: (m) => m.user },
  { header: 'SUBJECT', value: (m) => m.certificate.subjectDN },
  { header: 'ISSUER', value: (m) => m.certificate.issuerDN },
  { header: 'NOT AFTER', value: (m) => m.certificate.notAfter },
  { header: 'CREATED', value: (m) => m.createdAt },
];

/** `certgate mappings ...` (classic mode): which user a client certificate stands for. */
export function registerMappings(program: Command, io: CliIo): void {
  const mappings = group(program, 'mappings', 'classic mode: certificate-to-user mappings', [
    'certgate mappings add --user john.doe@acme.com --cert-file john.pem',
    'certgate mappings list --user john.doe@acme.com',
  ]);

  leaf(mappings, 'list', 'list the mappings', ['certgate mappings list', 'certgate mappings list --user john.doe@acme.com'])
    .option('--user <name>', 'only the mappings of this user')
    .action(act(io, async (ctx, opts: { user?: string }) => ctx.list(await ctx.api.mappings.list(opts.user), MAPPING_FIELDS)));

  leaf(mappings, 'show <id>', "show a mapping (its id is the certificate's SHA-256 fingerprint)", ['certgate mappings show 5f0d4c0e...']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.mappings.get(normalizeSha256(ctx.args<[string]>()[0])), MAPPING_FIELDS)),
  );

  leaf(mappings, 'add', 'map a client certificate (one PEM leaf) to a user name', ['certgate mappings add --user john.doe@acme.com --cert-file john.pem'])
    .requiredOption('--user <name>', 'the user the certificate stands for')
    .requiredOption('--cert-file <file>', "PEM file with the user's certificate")
    .action(
      act(io, async (ctx, opts: { user: string; certFile: string }) => {
        ctx.item(await ctx.api.mappings.create({ user: opts.user, certificate: readPemFile(opts.certFile, 'certificate file') }), MAPPING_FIELDS);
      }),
    );

  leaf(mappings, 'delete [id]', 'delete a mapping, by id or by the certificate in a PEM file; the certificate stops authenticating at once', [
    'certgate mappings delete 5f0d4c0e...',
    'certgate mappings delete --cert-file john.pem',
  ])
    .option('--cert-file <file>', 'PEM file with the mapped certificate')
    .action(
      act(io, async (ctx, opts: { certFile?: string }) => {
        const [given] = ctx.args<[string | undefined]>();
        if ((given === undefined) === (opts.certFile === undefined)) ctx.usage('name the mapping by its id or pass --cert-file, not both');
        const ids = given !== undefined ? [normalizeSha256(given)] : pemCertificates(readPemFile(opts.certFile as string, 'certificate file')).map(sha256Of);
        for (const id of ids) {
          await ctx.api.mappings.delete(id);
          ctx.done(`deleted mapping ${id}`);
        }
      }),
    );
}
