import type { Command } from 'commander';
import YAML from 'yaml';
import { errorMessage, type DeployedFlow } from '@certgate/contracts';
import { act, group, leaf } from '../cli/command-kit';
import { readInputFile } from '../cli/files';
import type { CliIo } from '../cli/io';
import type { Column } from '../cli/output';
import { CliError } from '../console/console-target';

const FLOW_FIELDS: Column<DeployedFlow>[] = [
  { header: 'ID', value: (f) => f.definition.id },
  { header: 'ADDRESS', value: (f) => f.definition.sender.address },
  { header: 'AUTHORIZATION', value: (f) => authorization(f) },
  { header: 'STEPS', value: (f) => f.definition.steps.map((s) => s.type) },
  { header: 'RECEIVER', value: (f) => f.definition.receiver?.url },
  { header: 'DEPLOYED', value: (f) => f.deployedAt },
  { header: 'REVISION', value: (f) => f.revision },
];

function authorization(f: DeployedFlow): string {
  const a = f.definition.sender.authorization;
  return a.type === 'role' ? `role ${a.role}` : `client-certificate (${a.certificates.length})`;
}

/** `certgate flows ...`: deploy flow definitions written as JSON or YAML files. */
export function registerFlows(program: Command, io: CliIo): void {
  const flows = group(program, 'flows', 'integration flows: what a sender may call at an address, and what happens then', [
    'certgate flows deploy -f orders.yaml',
    'certgate flows list',
  ]);

  leaf(flows, 'list', 'list the deployed flows', ['certgate flows list']).action(act(io, async (ctx) => ctx.list(await ctx.api.flows.list(), FLOW_FIELDS)));

  leaf(flows, 'show <id>', 'show a deployed flow (-o yaml gives a file to edit and deploy again)', [
    'certgate flows show orders',
    'certgate flows show orders -o yaml',
  ]).action(act(io, async (ctx) => ctx.item(await ctx.api.flows.get(ctx.args<[string]>()[0]), FLOW_FIELDS)));

  leaf(flows, 'deploy', 'deploy or redeploy a flow from a definition file (JSON or YAML; its id names the flow); in force within a second', [
    'certgate flows deploy -f orders.yaml',
    'certgate flows deploy --file orders.json',
  ])
    .requiredOption('-f, --file <file>', 'the flow definition (JSON or YAML)')
    .action(
      act(io, async (ctx, opts: { file: string }) => {
        const definition = readDefinition(opts.file);
        ctx.item(await ctx.api.flows.deploy(definition.id, definition), FLOW_FIELDS);
      }),
    );

  leaf(flows, 'undeploy <id>', 'undeploy a flow: its address answers 404 from then on', ['certgate flows undeploy orders']).action(
    act(io, async (ctx) => {
      const [id] = ctx.args<[string]>();
      await ctx.api.flows.undeploy(id);
      ctx.done(`undeployed flow ${id}`);
    }),
  );
}

/**
 * A definition file: YAML (JSON is YAML too, but a .json file is read as JSON for its
 * messages). `flows show -o yaml|json` prints a deployed flow, whose `definition` is taken.
 */
export function readDefinition(file: string): Record<string, unknown> & { id: string } {
  const text = readInputFile(file, 'flow file').toString('utf8');
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${errorMessage(err).split('\n')[0]}`);
  }
  const record = parsed as Record<string, unknown> | null;
  const definition =
    record && typeof record === 'object' && !Array.isArray(record) && 'definition' in record && 'deployedAt' in record ? record.definition : record;
  if (!definition || typeof definition !== 'object' || Array.isArray(definition))
    throw new CliError(`${file} holds no flow definition (an object with id, sender, steps)`);
  const id = (definition as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '') throw new CliError(`${file}: the flow definition has no id`);
  return definition as Record<string, unknown> & { id: string };
}
