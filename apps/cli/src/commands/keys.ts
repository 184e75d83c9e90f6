import { Option, type Command } from 'commander';
import { SERVICE_KEY_TYPES, type CreateServiceKey, type ServiceKeyType } from '@certgate/contracts';
import type { CreatedKey, KeyView } from '../api/certgate-api';
import { act, group, intOption, leaf, type Ctx } from '../cli/command-kit';
import { assertWritable, PRIVATE_FILE_MODE, readPemFile, writeOutputFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

export const KEY_COLUMNS: Column<KeyView>[] = [
  { header: 'NAME', value: (k) => k.name },
  { header: 'TYPE', value: (k) => k.type },
  { header: 'CLIENT ID', value: (k) => k.clientid },
  { header: 'SUBJECT', value: (k) => k.certificate?.subjectDN },
  { header: 'NOT AFTER', value: (k) => k.certificate?.notAfter },
];

const KEY_FIELDS: Column<KeyView>[] = [
  { header: 'INSTANCE', value: (k) => k.instance },
  { header: 'NAME', value: (k) => k.name },
  { header: 'TYPE', value: (k) => k.type },
  { header: 'CLIENT ID', value: (k) => k.clientid },
  { header: 'URL', value: (k) => k.url },
  { header: 'TOKEN URL', value: (k) => k.tokenurl },
  { header: 'SUBJECT', value: (k) => k.certificate?.subjectDN },
  { header: 'ISSUER', value: (k) => k.certificate?.issuerDN },
  { header: 'SERIAL', value: (k) => k.certificate?.serialNumber },
  { header: 'NOT BEFORE', value: (k) => k.certificate?.notBefore },
  { header: 'NOT AFTER', value: (k) => k.certificate?.notAfter },
  { header: 'SHA256', value: (k) => k.certificate?.fingerprint },
  { header: 'CREATED', value: (k) => k.createdAt },
];

interface AddOptions {
  type: ServiceKeyType;
  certFile?: string;
  validityDays?: number;
  keyType?: 'EC' | 'RSA';
  keyOut?: string;
  certOut?: string;
  force?: boolean;
}

/** `certgate keys ...`: the credentials of a service instance (a certificate or a client secret each). */
export function registerKeys(program: Command, io: CliIo): void {
  const keys = group(program, 'keys', "service keys: an instance's credentials, one certificate or client secret each", [
    'certgate keys add sender-a k1 --type external-certificate --cert-file sender-a.pem',
    'certgate keys list sender-a',
  ]);

  leaf(keys, 'list <instance>', 'list the keys of an instance', ['certgate keys list sender-a']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.keys.list(ctx.args<[string]>()[0]), KEY_COLUMNS)),
  );

  leaf(keys, 'show <instance> <key>', 'show a key (never its secret or private key)', ['certgate keys show sender-a k1']).action(
    act(io, async (ctx) => {
      const [instance, key] = ctx.args<[string, string]>();
      ctx.item(await ctx.api.keys.get(instance, key), KEY_FIELDS);
    }),
  );

  leaf(keys, 'add <instance> <key>', 'add a key: a certificate of the sender (external-certificate), a generated certificate and key, or a client secret', [
    'certgate keys add sender-a k1 --type external-certificate --cert-file sender-a.pem',
    'certgate keys add sender-a k2 --type certificate --key-type EC --validity-days 365 --key-out k2.key --cert-out k2.pem',
    'certgate keys add portal s1 --type client-secret',
  ])
    .addOption(new Option('--type <type>', 'the kind of key').choices(SERVICE_KEY_TYPES).makeOptionMandatory())
    .option('--cert-file <file>', "external-certificate: PEM file with the sender's certificate (one leaf)")
    .option('--validity-days <days>', 'certificate: validity of the generated certificate (default 365)', intOption(1, 3650))
    .addOption(new Option('--key-type <type>', 'certificate: key algorithm (EC P-256 or RSA 2048; default EC)').choices(['EC', 'RSA']))
    .option('--key-out <file>', 'certificate: where to write the generated private key (PKCS#8 PEM, mode 600)')
    .option('--cert-out <file>', 'certificate: where to write the generated certificate (PEM)')
    .option('--force', 'overwrite --key-out / --cert-out files that exist')
    .action(act(io, (ctx, opts: AddOptions) => addKey(ctx, opts)));

  leaf(keys, 'delete <instance> <key>', 'delete a key: its certificate or secret stops working at once', ['certgate keys delete sender-a k1']).action(
    act(io, async (ctx) => {
      const [instance, key] = ctx.args<[string, string]>();
      await ctx.api.keys.delete(instance, key);
      ctx.done(`deleted key ${key} of service instance ${instance}`);
    }),
  );
}

async function addKey(ctx: Ctx, opts: AddOptions): Promise<void> {
  const [instance, name] = ctx.args<[string, string]>();
  const misplaced = (flag: string, set: unknown, allowed: ServiceKeyType) => {
    if (set !== undefined && opts.type !== allowed) ctx.usage(`${flag} is for --type ${allowed}`);
  };
  misplaced('--cert-file', opts.certFile, 'external-certificate');
  for (const [flag, set] of [
    ['--validity-days', opts.validityDays],
    ['--key-type', opts.keyType],
    ['--key-out', opts.keyOut],
    ['--cert-out', opts.certOut],
  ] as const) {
    misplaced(flag, set, 'certificate');
  }

  let body: CreateServiceKey;
  if (opts.type === 'external-certificate') {
    if (!opts.certFile) ctx.usage('--type external-certificate needs --cert-file <file>');
    body = { name, type: 'external-certificate', certificate: readPemFile(opts.certFile, 'certificate file') };
  } else if (opts.type === 'certificate') {
    // The private key comes once: know where it goes before asking for it.
    if (ctx.format === 'table' && (!opts.keyOut || !opts.certOut)) {
      ctx.usage('--type certificate needs --key-out <file> and --cert-out <file> (the private key is shown only once; or -o json to get it in the answer)');
    }
    for (const file of [opts.keyOut, opts.certOut]) if (file) assertWritable(file, opts.force);
    body = { name, type: 'certificate', ...(opts.validityDays && { validityDays: opts.validityDays }), ...(opts.keyType && { keyType: opts.keyType }) };
  } else {
    body = { name, type: 'client-secret' };
  }

  const created: CreatedKey = await ctx.spin(opts.type === 'certificate' ? 'generating a key pair and its certificate' : 'creating the key', () =>
    ctx.api.keys.create(instance, body),
  );
  const written: string[] = [];
  if (created.key && opts.keyOut) written.push(writeOutputFile(opts.keyOut, created.key, { force: opts.force, mode: PRIVATE_FILE_MODE }));
  if (created.certificate && opts.certOut) written.push(writeOutputFile(opts.certOut, created.certificate.pem, { force: opts.force }));

  if (ctx.format !== 'table') return ctx.item(created, []);
  const { key: _key, clientsecret, ...view } = created;
  ctx.item(view, [
    ...KEY_FIELDS,
    ...(clientsecret ? [{ header: 'CLIENT SECRET', value: () => clientsecret }] : []),
    ...(written.length ? [{ header: 'WRITTEN', value: () => written }] : []),
  ]);
  if (clientsecret) ctx.note('the client secret is shown only now: store it where the sender keeps its credentials');
}
