import type { Command } from 'commander';
import { Option } from 'commander';
import type { CrlStatus } from '@certgate/contracts';
import type { RootPolicyInput, TrustedRoot } from '../api/certgate-api';
import { act, group, leaf } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { readPemFile } from '../cli/files';
import { CliError } from '../console/console-target';
import { normalizeSha256, pemCertificates, sha256Of } from '../cli/pem';

const ROOT_COLUMNS: Column<TrustedRoot>[] = [
  { header: 'SHA256', value: (r) => r.sha256 ?? r.fingerprint },
  { header: 'SOURCE', value: (r) => r.source },
  { header: 'NOT AFTER', value: (r) => r.notAfter },
  { header: 'EKU', value: (r) => r.policy?.eku ?? '' },
  { header: 'REVOCATION', value: (r) => (r.policy?.revocation ? `crl, ${r.policy.revocation.onUnavailable}` : 'off') },
  { header: 'SUBJECT', value: (r) => r.subjectDN },
];

const POLICY_FIELDS: Column<TrustedRoot>[] = [
  { header: 'SHA256', value: (r) => r.fingerprint },
  { header: 'SUBJECT', value: (r) => r.subjectDN },
  { header: 'EKU', value: (r) => r.policy.eku },
  { header: 'REVOCATION', value: (r) => (r.policy.revocation ? `on, ${r.policy.revocation.onUnavailable}` : 'off') },
  { header: 'CRL URLS', value: (r) => r.policy.revocation?.crlUrls.join(' ') ?? '' },
  { header: 'DISTRIBUTION POINTS', value: (r) => (r.policy.revocation ? String(r.policy.revocation.distributionPoints) : '') },
  { header: 'OCSP', value: (r) => (r.policy.revocation ? String(r.policy.revocation.ocsp) : '') },
];

const CRL_COLUMNS: Column<CrlStatus>[] = [
  { header: 'SOURCE', value: (c) => c.source },
  { header: 'ORIGIN', value: (c) => c.origin },
  { header: 'ISSUER', value: (c) => c.issuerDN ?? '' },
  { header: 'NEXT UPDATE', value: (c) => c.nextUpdate ?? '' },
  { header: 'REVOKED', value: (c) => (c.revoked === undefined ? '' : String(c.revoked)) },
  { header: 'ERROR', value: (c) => c.error ?? '' },
];

interface PolicyOptions {
  eku?: 'require-clientAuth' | 'allow-missing-eku';
  crlUrl?: string[];
  distributionPoints?: boolean;
  ocsp?: boolean;
  onUnavailable?: 'fail-closed' | 'fail-open';
  revocation?: boolean;
}

/** The root's policy with the options given applied: what is not named stays as it is. */
function changedPolicy(current: TrustedRoot['policy'], opts: PolicyOptions): RootPolicyInput {
  const wantsRevocation = opts.crlUrl !== undefined || opts.distributionPoints !== undefined || opts.ocsp !== undefined || opts.onUnavailable !== undefined;
  const revocation =
    opts.revocation === false
      ? null
      : wantsRevocation || opts.revocation === true || current.revocation
        ? {
            crlUrls: opts.crlUrl ?? current.revocation?.crlUrls ?? [],
            distributionPoints: opts.distributionPoints ?? current.revocation?.distributionPoints ?? true,
            ocsp: opts.ocsp ?? current.revocation?.ocsp ?? false,
            onUnavailable: opts.onUnavailable ?? current.revocation?.onUnavailable ?? 'fail-closed',
          }
        : null;
  return { eku: opts.eku ?? current.eku, revocation };
}

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

  leaf(trust, 'policy <sha256>', "show or change a root's own policy: EKU, and revocation checking by CRL (options not given stay as they are)", [
    'certgate trust policy 5f0d4c0e27b1e3a8c9f2d6b7a1e0c3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0',
    'certgate trust policy 5f0d… --crl-url http://pki.partner.example/issuing.crl --on-unavailable fail-closed',
    'certgate trust policy 5f0d… --eku allow-missing-eku',
    'certgate trust policy 5f0d… --no-revocation',
  ])
    .addOption(
      new Option('--eku <policy>', 'require-clientAuth: a sender certificate must list clientAuth; allow-missing-eku: one without EKU is admitted').choices([
        'require-clientAuth',
        'allow-missing-eku',
      ]),
    )
    .option('--crl-url <url...>', 'CRLs to fetch (http/https), of this root or of CAs below it; turns revocation checking on')
    .option('--distribution-points', "also fetch the CRL distribution points the chain's certificates name (the default)")
    .option('--no-distribution-points', 'only the configured URLs (and INGRESS_CRL_FILES)')
    .option('--ocsp', 'where no current CRL speaks for a certificate, ask the OCSP responder it names')
    .option('--no-ocsp', 'CRLs only (the default)')
    .addOption(
      new Option('--on-unavailable <mode>', 'no current CRL: refuse (fail-closed) or admit with a warning (fail-open)').choices(['fail-closed', 'fail-open']),
    )
    .option('--revocation', 'turn revocation checking on (by distribution points alone, unless --crl-url)')
    .option('--no-revocation', 'turn revocation checking off')
    .action(
      act(io, async (ctx, opts: PolicyOptions) => {
        const [given] = ctx.args<[string]>();
        const sha256 = normalizeSha256(given);
        const root = (await ctx.api.trust.list()).find((r) => r.fingerprint === sha256);
        if (!root) throw new CliError(`no trusted root has the SHA-256 fingerprint ${sha256}; see certgate trust list`);
        const changes = ['eku', 'crlUrl', 'distributionPoints', 'ocsp', 'onUnavailable', 'revocation'].some(
          (k) => opts[k as keyof PolicyOptions] !== undefined,
        );
        ctx.item(changes ? await ctx.api.trust.setPolicy(sha256, changedPolicy(root.policy, opts)) : root, POLICY_FIELDS);
      }),
    );

  leaf(trust, 'crls', 'the CRLs an ingress replica holds: source, issuer, next update, revoked count, last error', ['certgate trust crls']).action(
    act(io, async (ctx) => ctx.list(await ctx.api.trust.crls(), CRL_COLUMNS)),
  );

  leaf(trust, 'refresh', 'fetch every CRL again now, on every ingress replica (a revocation is in force once it answers)', ['certgate trust refresh']).action(
    act(io, async (ctx) => ctx.list(await ctx.spin('fetching CRLs', () => ctx.api.trust.refreshCrls()), CRL_COLUMNS)),
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
