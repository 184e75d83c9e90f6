import { Command } from 'commander';
import type { CliIo } from './cli/io';
import { registerAlerts } from './commands/alerts';
import { registerCertificates } from './commands/certificates';
import { registerCompletion } from './commands/completion';
import { registerConfigCommands } from './config';
import { registerConnectivity } from './commands/connectivity';
import { registerFlows } from './commands/flows';
import { registerGroups } from './commands/groups';
import { registerHealth } from './commands/health';
import { registerIngress } from './commands/ingress';
import { registerInstances } from './commands/instances';
import { registerKeys } from './commands/keys';
import { registerKeystore } from './commands/keystore';
import { registerLogs } from './commands/logs';
import { registerMappings } from './commands/mappings';
import { registerOauth } from './commands/oauth';
import { registerOperators } from './commands/operators';
import { registerAudit } from './commands/audit';
import { VERSION } from './version';
import { registerRoles } from './commands/roles';
import { registerSubscriptions } from './commands/subscriptions';
import { registerTrust } from './commands/trust';
import { registerUsers } from './commands/users';
import { DEFAULT_CONSOLE_URL } from './console/console-target';

export type { CliIo } from './cli/io';

/**
 * `certgate`: the command line over the console REST API (design §1), `certgate <area>
 * <verb>` as Vault's. One module per area in commands/, each command a thin layer over
 * the typed API client (api/), printing a table, JSON or YAML.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('certgate')
    .description('certgate command line: every operator task over the console REST API')
    .version(VERSION)
    .option('--url <url>', `console API base URL (env CERTGATE_CONSOLE_URL; default ${DEFAULT_CONSOLE_URL})`)
    .option('--token <token>', 'admin token (env CERTGATE_ADMIN_TOKEN; default: the one npm start saved in .certgate/data/dev-secrets.json)')
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(add --help for usage and examples)')
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ certgate health',
        '  $ certgate roles create Orders.send',
        '  $ certgate --url https://console.example/api/v1 instances list -o json',
        '  $ certgate <command> --help',
        '',
        'Output: -o table (default), json (the API answer as it is) or yaml. Exit codes: 0 done,',
        '1 refused by the console or not reachable (`error <code>: <message>` on stderr), 2 usage error.',
        '',
      ].join('\n'),
    );

  registerHealth(program, io);
  registerTrust(program, io);
  registerRoles(program, io);
  registerInstances(program, io);
  registerKeys(program, io);
  registerFlows(program, io);
  registerMappings(program, io);
  registerUsers(program, io);
  registerGroups(program, io);
  registerKeystore(program, io);
  registerCertificates(program, io);
  registerAlerts(program, io);
  registerSubscriptions(program, io);
  registerOperators(program, io);
  registerAudit(program, io);
  registerConnectivity(program, io);
  registerLogs(program, io);
  registerOauth(program, io);
  registerIngress(program, io);
  registerConfigCommands(program, io);
  registerCompletion(program, io);
  return program;
}
