import { Option, type Command } from 'commander';
import { CERTIFICATE_SOURCES, ENTRY_STATUSES, type InventoryCertificate } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

export const INVENTORY_COLUMNS: Column<InventoryCertificate>[] = [
  { header: 'STATUS', value: (c) => c.status + (c.muted ? ' (muted)' : '') },
  { header: 'DAYS LEFT', value: (c) => c.daysLeft },
  { header: 'NOT AFTER', value: (c) => c.notAfter },
  { header: 'SOURCE', value: (c) => c.source },
  { header: 'REF', value: (c) => c.ref },
  { header: 'SUBJECT CN', value: (c) => c.subjectCN ?? c.subjectDN },
  { header: 'ISSUER CN', value: (c) => c.issuerCN ?? c.issuerDN },
];

/** `certgate certificates`: the expiry inventory of every certificate certgate relies on. */
export function registerCertificates(program: Command, io: CliIo): void {
  const certificates = group(program, 'certificates', 'expiry inventory: every certificate certgate relies on, soonest expiry first', [
    'certgate certificates',
    'certgate certificates list --status expiring --source service-key',
  ]);
  leaf(
    certificates,
    'list',
    'list the certificates with status and days left (the default command of certificates)',
    ['certgate certificates list --status expired', 'certgate certificates list --sort=-expiry -o json'],
    { isDefault: true },
  )
    .addOption(new Option('--source <source>', 'only certificates of this source').choices(CERTIFICATE_SOURCES))
    .addOption(new Option('--status <status>', 'only certificates in this state (expiring: 30 days or less)').choices(ENTRY_STATUSES))
    .addOption(new Option('--sort <order>', 'expiry: soonest first; -expiry: latest first').choices(['expiry', '-expiry']))
    .action(
      act(io, async (ctx, opts: { source?: string; status?: string; sort?: string }) => {
        ctx.list(await ctx.api.certificates.list({ source: opts.source, status: opts.status, sort: opts.sort }), INVENTORY_COLUMNS);
      }),
    );
}
