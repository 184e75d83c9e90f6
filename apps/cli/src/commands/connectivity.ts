import { InvalidArgumentError, type Command } from 'commander';
import type { ConnectivityResult } from '@certgate/contracts';
import type { ConnectivityBody } from '../api/certgate-api';
import { act, group, intOption, leaf } from '../cli/command-kit';
import { assertWritable } from '../cli/files';
import type { CliIo } from '../cli/io';
import { renderList, type Column } from '../cli/output';

const RESULT_FIELDS: Column<ConnectivityResult>[] = [
  { header: 'HOST', value: (r) => `${r.host}:${r.port}` },
  { header: 'SERVER NAME', value: (r) => r.serverName },
  { header: 'PROTOCOL', value: (r) => r.protocol },
  { header: 'CIPHER', value: (r) => r.cipher.standardName ?? r.cipher.name },
  { header: 'VALIDATION', value: (r) => validation(r) },
  { header: 'CLIENT CERT REQUESTED', value: (r) => (r.clientAuthentication.requested === null ? 'unknown (TLS 1.3 only)' : r.clientAuthentication.requested) },
  { header: 'ACCEPTED ISSUERS', value: (r) => r.clientAuthentication.acceptedIssuers },
  {
    header: 'PRESENTED',
    value: (r) => r.clientAuthentication.presented && `${r.clientAuthentication.presented.alias} (${r.clientAuthentication.presented.subjectDN})`,
  },
  { header: 'NOTE', value: (r) => r.clientAuthentication.note },
  { header: 'DURATION MS', value: (r) => r.durationMs },
];

function validation(r: ConnectivityResult): string {
  const v = r.validation;
  if (!v.performed) return 'not performed (--no-validate)';
  if (v.valid) return 'valid: chain trusted, host name matches';
  return `INVALID: chain ${v.chainTrusted ? 'trusted' : 'not trusted'}, host name ${v.hostnameMatches ? 'matches' : 'does not match'}${v.reason ? `; ${v.reason}` : ''}${v.message ? `: ${v.message}` : ''}`;
}

/** `host:port`, `[::1]:443`. */
export function parseHostPort(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port < 1 || port > 65535) throw new InvalidArgumentError('expected HOST:PORT, e.g. erp.example:443 or [::1]:8443');
  return { host: m[1] ?? m[2], port };
}

/** `certgate connectivity tls ...`: a TLS handshake from the keystore to a receiver, as a flow would make it. */
export function registerConnectivity(program: Command, io: CliIo): void {
  const connectivity = group(program, 'connectivity', 'test connections to receivers from where certgate runs', [
    'certgate connectivity tls erp.example:443 --key-alias to-erp',
  ]);
  leaf(
    connectivity,
    'tls <host:port>',
    "TLS handshake: protocol, cipher, the server's chain, whether it asks for a client certificate, validation against the keystore",
    [
      'certgate connectivity tls erp.example:443 --key-alias to-erp',
      'certgate connectivity tls 10.0.0.5:8443 --no-validate --server-name erp.internal',
      'certgate connectivity tls erp.example:443 --download erp-chain.zip',
    ],
  )
    .option('--key-alias <alias>', 'present the certificate of this key pair')
    .option('--no-validate', "do not validate the server's chain and host name")
    .option('--server-name <name>', 'SNI and the name checked against the certificate (default: the host)')
    .option('--timeout-ms <ms>', 'handshake timeout (default 5000)', intOption(100, 30_000))
    .option('--download <file>', "write the server's chain as numbered .cer files in a zip instead")
    .option('--force', 'overwrite the --download file if it exists')
    .action(
      act(io, async (ctx, opts: { keyAlias?: string; validate: boolean; serverName?: string; timeoutMs?: number; download?: string; force?: boolean }) => {
        const [target] = ctx.args<[string]>();
        const { host, port } = parseHostPort(target);
        const body: ConnectivityBody = {
          host,
          port,
          validateServerCertificate: opts.validate,
          ...(opts.keyAlias && { keyAlias: opts.keyAlias }),
          ...(opts.serverName && { serverName: opts.serverName }),
          ...(opts.timeoutMs && { timeoutMs: opts.timeoutMs }),
        };
        if (opts.download) {
          const out = opts.download;
          assertWritable(out, opts.force);
          return ctx.save(await ctx.spin(`connecting to ${host}:${port}`, () => ctx.api.connectivity.chainZip(body)), out, opts.force);
        }
        const result = await ctx.spin(`connecting to ${host}:${port}`, () => ctx.api.connectivity.tls(body));
        ctx.item(result, RESULT_FIELDS);
        if (ctx.format === 'table') {
          const chain = renderList(result.peerChain, [
            { header: '#', value: (c) => result.peerChain.indexOf(c) },
            { header: 'SUBJECT', value: (c) => c.subjectDN },
            { header: 'ISSUER', value: (c) => c.issuerDN },
            { header: 'NOT AFTER', value: (c) => c.notAfter },
            { header: 'SHA256', value: (c) => c.fingerprint },
          ]);
          ctx.print(`\npeer chain:\n${chain.replace(/^/gm, '  ')}`);
        }
      }),
    );
}
