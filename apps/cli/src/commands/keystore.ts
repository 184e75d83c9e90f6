import { Option, type Command } from 'commander';
import type { KeystoreEntryView } from '@certgate/contracts';
import type { KeySpecBody } from '../api/certgate-api';
import { act, group, intOption, leaf, type Ctx } from '../cli/command-kit';
import { assertWritable, PRIVATE_FILE_MODE, readInputFile, readPemFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const ENTRY_COLUMNS: Column<KeystoreEntryView>[] = [
  { header: 'ALIAS', value: (e) => e.alias },
  { header: 'KIND', value: (e) => e.kind },
  { header: 'OWNER', value: (e) => e.owner },
  { header: 'STATUS', value: (e) => e.status },
  { header: 'NOT AFTER', value: (e) => e.notAfter },
  { header: 'CHAIN', value: (e) => e.chainLength },
  { header: 'PENDING', value: (e) => (e.pending ? 'renewal' : '') },
  { header: 'SUBJECT', value: (e) => e.subjectDN },
];

const ENTRY_FIELDS: Column<KeystoreEntryView>[] = [
  { header: 'ALIAS', value: (e) => e.alias },
  { header: 'KIND', value: (e) => e.kind },
  { header: 'OWNER', value: (e) => e.owner },
  { header: 'STATUS', value: (e) => e.status },
  { header: 'KEY', value: (e) => e.keyAlgorithm },
  { header: 'SUBJECT', value: (e) => e.subjectDN },
  { header: 'ISSUER', value: (e) => e.issuerDN },
  { header: 'SERIAL', value: (e) => e.serialNumber },
  { header: 'NOT BEFORE', value: (e) => e.notBefore },
  { header: 'NOT AFTER', value: (e) => e.notAfter },
  { header: 'SHA256', value: (e) => e.fingerprint },
  { header: 'CHAIN LENGTH', value: (e) => (e.chainLength === 1 && e.subjectDN === e.issuerDN ? '1 (self-signed: import the CA chain)' : e.chainLength) },
  {
    header: 'PENDING',
    value: (e) => e.pending && `${e.pending.keyAlgorithm} ${e.pending.subjectDN} (issuer ${e.pending.issuerDN}, until ${e.pending.notAfter})`,
  },
  { header: 'CREATED', value: (e) => e.createdAt },
  { header: 'UPDATED', value: (e) => e.updatedAt },
];

interface KeySpecOptions {
  keyType: 'EC' | 'RSA';
  curve?: 'P-256' | 'P-384';
  keySize?: string;
}
interface FileOut {
  out?: string;
  force?: boolean;
}

/** `certgate keystore ...`: the tenant's key pairs (outbound client certificates) and trusted certificates. */
export function registerKeystore(program: Command, io: CliIo): void {
  const keystore = group(program, 'keystore', 'key pairs for calls to receivers, and the certificates they are trusted with', [
    'certgate keystore create-key-pair to-erp --subject "CN=acme-tenant, O=Acme"',
    'certgate keystore csr to-erp --out to-erp.csr',
    'certgate keystore import-chain to-erp --chain-file to-erp-chain.pem',
  ]);

  leaf(keystore, 'list', 'list the entries (never a private key)', ['certgate keystore list']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.keystore.list(), ENTRY_COLUMNS)),
  );

  leaf(keystore, 'show <alias>', 'show an entry', ['certgate keystore show to-erp']).action(
    act(io, async (ctx) => ctx.item(await ctx.api.keystore.get(ctx.args<[string]>()[0]), ENTRY_FIELDS)),
  );

  keySpecOptions(
    leaf(keystore, 'create-key-pair <alias>', 'generate a key pair; its certificate is self-signed until the CA chain is imported', [
      'certgate keystore create-key-pair to-erp --subject "CN=acme-tenant, O=Acme" --key-type EC --curve P-384',
      'certgate keystore create-key-pair to-bank --subject "CN=acme, O=Acme" --key-type RSA --key-size 3072 --validity-days 730',
    ]).requiredOption('--subject <dn>', 'subject DN of the certificate, e.g. "CN=acme-tenant, O=Acme"'),
  )
    .option('--validity-days <days>', 'validity of the self-signed certificate (default 365)', intOption(1, 3650))
    .action(
      act(io, async (ctx, opts: KeySpecOptions & { subject: string; validityDays?: number }) => {
        const [alias] = ctx.args<[string]>();
        const body = { alias, subjectDN: opts.subject, ...keySpec(ctx, opts), ...(opts.validityDays && { validityDays: opts.validityDays }) };
        ctx.item(await ctx.spin(`generating ${describe(body)} key pair ${alias}`, () => ctx.api.keystore.generateKeyPair(body)), ENTRY_FIELDS);
      }),
    );

  csrCommand(keystore, io, false);
  chainCommand(keystore, io, false);

  leaf(keystore, 'download <alias>', "write an entry's certificate or chain to a file: PEM, or DER (.cer; a chain as PKCS#7 .p7b)", [
    'certgate keystore download to-erp --part chain --format pem --out to-erp-chain.pem',
    'certgate keystore download to-erp --part certificate --format der --out to-erp.cer',
  ])
    .addOption(new Option('--part <part>', 'the leaf certificate or the whole chain').choices(['certificate', 'chain']).default('certificate'))
    .addOption(new Option('--format <format>', 'PEM text or DER bytes').choices(['pem', 'der']).default('pem'))
    .requiredOption('--out <file>', 'where to write it')
    .option('--force', 'overwrite the file if it exists')
    .action(
      act(io, async (ctx, opts: { part: 'certificate' | 'chain'; format: 'pem' | 'der'; out: string; force?: boolean }) => {
        assertWritable(opts.out, opts.force);
        const [alias] = ctx.args<[string]>();
        ctx.save(await ctx.api.keystore.download(alias, opts.part, opts.format), opts.out, opts.force);
      }),
    );

  leaf(keystore, 'export-p12 <alias>', 'export a key pair with its chain as a PKCS#12 file (AES-256, PBKDF2)', [
    'certgate keystore export-p12 to-erp --out to-erp.p12 --password-file p12-password.txt',
    'certgate keystore export-p12 to-erp --out to-erp.p12   # asks for the password',
  ])
    .requiredOption('--out <file>', 'where to write the .p12 file (mode 600)')
    .option('--password-file <file>', 'file whose first line is the password (default: asked on the terminal)')
    .option('--force', 'overwrite the file if it exists')
    .action(
      act(io, async (ctx, opts: { out: string; passwordFile?: string; force?: boolean }) => {
        assertWritable(opts.out, opts.force);
        const [alias] = ctx.args<[string]>();
        const password = await ctx.secret(opts.passwordFile, '--password-file', `password for ${opts.out}`, true);
        const file = await ctx.spin(`exporting ${alias} as PKCS#12`, () => ctx.api.keystore.exportPkcs12(alias, password));
        ctx.save(file, opts.out, opts.force, PRIVATE_FILE_MODE);
      }),
    );

  leaf(keystore, 'import-p12 <alias>', 'import a key pair with its chain from a PKCS#12 file', [
    'certgate keystore import-p12 partner --p12-file partner.p12 --password-file p12-password.txt',
  ])
    .requiredOption('--p12-file <file>', 'the .p12 / .pfx file')
    .option('--password-file <file>', 'file whose first line is the password (default: asked on the terminal)')
    .action(
      act(io, async (ctx, opts: { p12File: string; passwordFile?: string }) => {
        const [alias] = ctx.args<[string]>();
        const bytes = readInputFile(opts.p12File, 'PKCS#12 file');
        const password = await ctx.secret(opts.passwordFile, '--password-file', `password of ${opts.p12File}`);
        ctx.item(await ctx.spin(`importing ${opts.p12File}`, () => ctx.api.keystore.importPkcs12(alias, password, bytes)), ENTRY_FIELDS);
      }),
    );

  leaf(keystore, 'add-certificate <alias>', 'add a trusted certificate (e.g. the root CA of a receiver)', [
    'certgate keystore add-certificate erp-root --cert-file erp-root.pem',
  ])
    .requiredOption('--cert-file <file>', 'PEM file with the certificate')
    .action(
      act(io, async (ctx, opts: { certFile: string }) => {
        const [alias] = ctx.args<[string]>();
        ctx.item(await ctx.api.keystore.addCertificate(alias, readPemFile(opts.certFile, 'certificate file')), ENTRY_FIELDS);
      }),
    );

  leaf(keystore, 'rename <alias> <new-alias>', 'rename an entry (not the system key pair or the client CA)', [
    'certgate keystore rename to-erp to-erp-2025',
  ]).action(
    act(io, async (ctx) => {
      const [alias, newAlias] = ctx.args<[string, string]>();
      ctx.item(await ctx.api.keystore.rename(alias, newAlias), ENTRY_FIELDS);
    }),
  );

  leaf(keystore, 'delete <alias>', 'delete an entry (the system key pair only with --force: that turns client-certificate authentication off)', [
    'certgate keystore delete erp-root',
  ])
    .option('--force', 'also delete the system key pair')
    .action(
      act(io, async (ctx, opts: { force?: boolean }) => {
        const [alias] = ctx.args<[string]>();
        await ctx.api.keystore.delete(alias, opts.force);
        ctx.done(`deleted keystore entry ${alias}`);
      }),
    );

  const renew = group(keystore, 'renew', 'renew a key pair: a pending pair beside the current one, which keeps serving until activated', [
    'certgate keystore renew start to-erp',
    'certgate keystore renew csr to-erp --out to-erp-renewal.csr',
    'certgate keystore renew import-chain to-erp --chain-file to-erp-new-chain.pem',
    'certgate keystore renew activate to-erp',
  ]);
  keySpecOptions(
    leaf(renew, 'start <alias>', 'start a renewal: generate the pending key pair (subject and validity default to the current ones)', [
      'certgate keystore renew start to-erp',
      'certgate keystore renew start to-erp --key-type RSA --key-size 4096 --subject "CN=acme-tenant, O=Acme"',
    ]).option('--subject <dn>', 'subject DN of the new certificate (default: the current one)'),
  )
    .option('--validity-days <days>', 'validity of the new self-signed certificate (default: the current one)', intOption(1, 3650))
    .action(
      act(io, async (ctx, opts: KeySpecOptions & { subject?: string; validityDays?: number }) => {
        const [alias] = ctx.args<[string]>();
        const body = { ...keySpec(ctx, opts), ...(opts.subject && { subjectDN: opts.subject }), ...(opts.validityDays && { validityDays: opts.validityDays }) };
        ctx.item(await ctx.spin(`generating the ${describe(body)} key pair of the renewal`, () => ctx.api.keystore.startRenewal(alias, body)), ENTRY_FIELDS);
      }),
    );
  csrCommand(renew, io, true);
  chainCommand(renew, io, true);
  leaf(renew, 'activate <alias>', 'activate the renewal: the pending key pair replaces the current one under the same alias', [
    'certgate keystore renew activate to-erp',
  ]).action(act(io, async (ctx) => ctx.item(await ctx.api.keystore.activateRenewal(ctx.args<[string]>()[0]), ENTRY_FIELDS)));
  leaf(renew, 'cancel <alias>', 'drop the pending key pair', ['certgate keystore renew cancel to-erp']).action(
    act(io, async (ctx) => {
      const [alias] = ctx.args<[string]>();
      await ctx.api.keystore.cancelRenewal(alias);
      ctx.done(`cancelled the renewal of ${alias}`);
    }),
  );
}

function keySpecOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--key-type <type>', 'key algorithm').choices(['EC', 'RSA']).default('EC'))
    .addOption(new Option('--curve <curve>', 'EC curve (default P-256)').choices(['P-256', 'P-384']))
    .addOption(new Option('--key-size <bits>', 'RSA key size (default 2048)').choices(['2048', '3072', '4096']));
}

function keySpec(ctx: Ctx, opts: KeySpecOptions): KeySpecBody {
  if (opts.keyType === 'EC') {
    if (opts.keySize) ctx.usage('--key-size is for --key-type RSA');
    return { keyType: 'EC', ...(opts.curve && { curve: opts.curve }) };
  }
  if (opts.curve) ctx.usage('--curve is for --key-type EC');
  return { keyType: 'RSA', ...(opts.keySize && { keySize: Number(opts.keySize) as 2048 | 3072 | 4096 }) };
}

function describe(spec: KeySpecBody): string {
  return spec.keyType === 'EC' ? `EC ${spec.curve ?? 'P-256'}` : `RSA ${spec.keySize ?? 2048}`;
}

function csrCommand(parent: Command, io: CliIo, renewal: boolean): void {
  const where = renewal ? 'the pending key pair of a renewal' : 'a key pair';
  const prefix = renewal ? 'certgate keystore renew' : 'certgate keystore';
  leaf(parent, 'csr <alias>', `the PKCS#10 certificate signing request of ${where}, for the CA to sign (PEM; to stdout without --out)`, [
    `${prefix} csr to-erp --out to-erp${renewal ? '-renewal' : ''}.csr`,
  ])
    .option('--out <file>', 'where to write the CSR')
    .option('--force', 'overwrite the file if it exists')
    .action(
      act(io, async (ctx, opts: FileOut) => {
        const csr = await ctx.api.keystore.csr(ctx.args<[string]>()[0], renewal);
        if (opts.out) ctx.save(csr, opts.out, opts.force);
        else ctx.io.out.write(csr.bytes);
      }),
    );
}

function chainCommand(parent: Command, io: CliIo, renewal: boolean): void {
  const prefix = renewal ? 'certgate keystore renew' : 'certgate keystore';
  leaf(
    parent,
    'import-chain <alias>',
    `import the chain the CA signed for ${renewal ? 'the pending key pair' : 'a key pair'}, leaf first (it must match the private key and verify)`,
    [`${prefix} import-chain to-erp --chain-file to-erp-chain.pem`],
  )
    .requiredOption('--chain-file <file>', 'PEM file: the signed certificate, then its CA certificates')
    .action(
      act(io, async (ctx, opts: { chainFile: string }) => {
        ctx.item(await ctx.api.keystore.importChain(ctx.args<[string]>()[0], readPemFile(opts.chainFile, 'chain file'), renewal), ENTRY_FIELDS);
      }),
    );
}
