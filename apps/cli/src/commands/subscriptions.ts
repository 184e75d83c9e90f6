import type { Command } from 'commander';
import { CERTIFICATE_SOURCES, type AlertSubscriptionView, type CertificateSource } from '@certgate/contracts';
import { act, group, intOption, leaf, repeatableChoice } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';

const SUBSCRIPTION_COLUMNS: Column<AlertSubscriptionView>[] = [
  { header: 'ID', value: (s) => s.id },
  { header: 'URL', value: (s) => s.url },
  { header: 'SOURCES', value: (s) => s.sources ?? 'all' },
  { header: 'THRESHOLDS', value: (s) => s.thresholds ?? 'all' },
  { header: 'DELIVERED', value: (s) => s.deliveries.delivered },
  { header: 'FAILED', value: (s) => s.deliveries.failedAttempts },
  { header: 'PENDING', value: (s) => s.deliveries.pending ?? '?' },
  { header: 'LAST ERROR', value: (s) => s.deliveries.lastError ?? '' },
  { header: 'CREATED', value: (s) => s.createdAt },
];

/** `certgate subscriptions ...`: webhooks that receive expiry alerts, signed with a shared secret. */
export function registerSubscriptions(program: Command, io: CliIo): void {
  const subscriptions = group(program, 'subscriptions', 'webhook subscriptions to expiry alerts (HMAC-signed POSTs)', [
    'certgate subscriptions add --webhook-url https://ops.example/hooks/certgate --secret-file hook-secret.txt',
    'certgate subscriptions list',
  ]);

  leaf(subscriptions, 'list', 'list the subscriptions (never their secrets)', ['certgate subscriptions list']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.subscriptions.list(), SUBSCRIPTION_COLUMNS)),
  );

  leaf(subscriptions, 'add', 'subscribe a webhook: each alert raised from now on is POSTed as JSON with X-Certgate-Signature', [
    'certgate subscriptions add --webhook-url https://ops.example/hooks/certgate --secret-file hook-secret.txt --source keystore --threshold 7 --threshold 0',
  ])
    .requiredOption('--webhook-url <url>', 'the webhook to POST alerts to (http or https; --url is the console)')
    .option('--secret-file <file>', 'file whose first line is the HMAC secret, 16-256 characters (default: asked on the terminal)')
    .addOption(repeatableChoice('--source <source>', 'only alerts of this source (repeat for several; default all)', CERTIFICATE_SOURCES))
    .option('--threshold <days>', 'only alerts of this threshold in days, 0 = expired (repeat for several; default all)', (v: string, prev?: number[]) => [
      ...(prev ?? []),
      intOption(0, 3650)(v),
    ])
    .action(
      act(io, async (ctx, opts: { webhookUrl: string; secretFile?: string; source?: CertificateSource[]; threshold?: number[] }) => {
        const secret = await ctx.secret(opts.secretFile, '--secret-file', 'webhook secret', true);
        const body = { url: opts.webhookUrl, secret, ...(opts.source && { sources: opts.source }), ...(opts.threshold && { thresholds: opts.threshold }) };
        ctx.item(await ctx.api.subscriptions.create(body), SUBSCRIPTION_COLUMNS);
      }),
    );

  leaf(subscriptions, 'delete <id>', 'delete a subscription and its JetStream consumer', ['certgate subscriptions delete 01J...']).action(
    act(io, async (ctx) => {
      const [id] = ctx.args<[string]>();
      await ctx.api.subscriptions.delete(id);
      ctx.done(`deleted subscription ${id}`);
    }),
  );
}
