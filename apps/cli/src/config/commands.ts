import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { errorMessage } from '@certgate/contracts';
import { ApiError } from '../api/api-error';
import { act, type Ctx } from '../cli/command-kit';
import type { CliIo } from '../cli/io';
import { CliError } from '../console/console-target';
import { applyPlan, type ApplyReport } from './apply';
import { formatOf, parseConfiguration, renderConfiguration, type ConfigFormat } from './config-file';
import { normaliseSpec } from './normalise';
import { planChanges, refusals, type Change, type Plan } from './plan';
import { changeTitle, fieldLine, planJson, renderPlan, summaryLine } from './printer';
import { readTenant } from './tenant-snapshot';
import { checkFile, checkReferences, checkSecrets } from './validate';

/** Exit codes of export, diff and apply (docs/configuration-file.md). */
export const EXIT = { ok: 0, failed: 1, usage: 2, changes: 3, refused: 4 } as const;

/** Ends the command with an exit code once its output is written (main returns a CommanderError's code without printing more). */
class ConfigExit extends CommanderError {
  constructor(exitCode: number, message: string) {
    super(exitCode, 'certgate.config.exit', message);
  }
}

type PlanFormat = 'text' | 'json';
const planFormatOption = () => new Option('-o, --output <format>', 'text for people, json for scripts').choices(['text', 'json']).default('text');

/**
 * `certgate export`, `certgate diff` and `certgate apply`: the tenant's configuration as
 * one declarative file (issue 16), read and changed through the console REST API.
 */
export function registerConfigCommands(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('write the tenant configuration as a file: what diff and apply read (never a private key, secret or generated field)')
    .option('-o, --output <file>', 'file to write (default: standard output); a .json name writes JSON')
    .addOption(new Option('--format <format>', 'yaml or json (default: from the file name, else yaml)').choices(['yaml', 'json']))
    .addHelpText('after', '\nExamples:\n  $ certgate export -o tenant.yaml\n  $ certgate export --format json > tenant.json\n')
    .action(
      act<{ output?: string; format?: ConfigFormat }>(io, async (ctx, opts) => {
        const tenant = await readTenant(ctx.api);
        const text = renderConfiguration(tenant.config, formatOf(opts.output, opts.format));
        if (!opts.output || opts.output === '-') {
          io.out.write(text);
          return;
        }
        writeAtomically(opts.output, text);
        ctx.note(`wrote ${resolve(opts.output)}`);
      }),
    );

  program
    .command('diff')
    .description('show what apply would change in the tenant to make it match the file, object by object (changes nothing)')
    .requiredOption('-f, --file <file>', 'the configuration file (YAML or JSON)')
    .option('--prune', 'show the removal of what the tenant has and the file does not list (as apply --prune would do)')
    .option('--exit-code', `exit ${EXIT.changes} when there are changes (as git diff --exit-code)`)
    .addOption(planFormatOption())
    .addHelpText('after', '\nExamples:\n  $ certgate diff -f tenant.yaml\n  $ certgate diff -f tenant.yaml --prune --output json\n')
    .action(
      act<{ file: string; prune?: boolean; exitCode?: boolean; output: PlanFormat }>(io, async (ctx, opts) => {
        const { plan } = await prepare(ctx, opts.file, opts.prune ?? false);
        printPlan(ctx, plan, opts.output);
        if (opts.exitCode && plan.changes.length) throw new ConfigExit(EXIT.changes, 'the tenant differs from the file');
      }),
    );

  program
    .command('apply')
    .description('make the tenant match the file: checks the whole file first, then creates and updates in dependency order')
    .requiredOption('-f, --file <file>', 'the configuration file (YAML or JSON)')
    .option('--prune', 'also remove what the tenant has and the file does not list (for the lists the file has)')
    .option('--dry-run', 'print the plan and change nothing')
    .addOption(planFormatOption())
    .addHelpText('after', '\nExamples:\n  $ certgate apply -f tenant.yaml --dry-run\n  $ certgate apply -f tenant.yaml --prune\n')
    .action(
      act<{ file: string; prune?: boolean; dryRun?: boolean; output: PlanFormat }>(io, async (ctx, opts) => {
        const { plan } = await prepare(ctx, opts.file, opts.prune ?? false, true);
        if (opts.dryRun || plan.changes.length === 0) {
          printPlan(ctx, plan, opts.output);
          if (opts.dryRun && opts.output === 'text') ctx.note('dry run: nothing was changed');
          return;
        }
        const report = await applyPlan(ctx.api, plan, io.env, (change) => {
          if (opts.output === 'text') for (const line of appliedLines(change)) ctx.print(line);
        });
        if (opts.output === 'json') ctx.print(JSON.stringify(reportJson(plan, report), null, 2));
        else printReport(ctx, plan, report);
        if (report.failed) throw new ConfigExit(EXIT.failed, 'apply stopped at a refused request');
      }),
    );
}

/**
 * Reads the file and the tenant, plans, and checks everything before anything is
 * changed. A file with problems ends the command with exit code 4, naming every problem.
 */
async function prepare(ctx: Ctx, file: string, prune: boolean, applying = false): Promise<{ plan: Plan }> {
  const parsed = parseConfiguration(readConfigFile(file));
  if (!parsed.ok) refuse(ctx, file, parsed.problems);
  const spec = parsed.config.spec;
  const tenant = await readTenant(ctx.api);
  const fileProblems = checkFile(spec);
  const normalised = normaliseSpec(spec);
  const problems = [...fileProblems, ...checkReferences(normalised, tenant, { prune })];
  // A plan over unreadable certificates would match nothing: plan only a file whose certificates read.
  const plan = fileProblems.length ? undefined : planChanges(normalised, tenant, { prune });
  if (plan) problems.push(...refusals(plan), ...(applying ? checkSecrets(plan, ctx.io.env) : []));
  if (problems.length || !plan) refuse(ctx, file, problems);
  return { plan };
}

function readConfigFile(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the configuration file ${file}: ${errorMessage(err)}`);
  }
}

function refuse(ctx: Ctx, file: string, problems: string[]): never {
  ctx.io.err.write(
    `certgate: ${file} is refused, nothing was changed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}\n`).join('')}`,
  );
  throw new ConfigExit(EXIT.refused, 'the configuration file is refused');
}

function printPlan(ctx: Ctx, plan: Plan, format: PlanFormat): void {
  if (format === 'json') ctx.print(JSON.stringify(planJson(plan), null, 2));
  else for (const line of renderPlan(plan)) ctx.print(line);
}

function appliedLines(change: Change): string[] {
  return [changeTitle(change), ...change.fields.map((f) => `    ${fieldLine(f)}`)];
}

function printReport(ctx: Ctx, plan: Plan, report: ApplyReport): void {
  if (!report.failed) {
    ctx.print(
      summaryLine(plan)
        .replace(/^Plan: /, 'Applied: ')
        .replace(/ to (create|update|replace|delete)/g, (_m, verb: string) => ` ${pastOf(verb)}`),
    );
    return;
  }
  ctx.print(`failed: ${changeTitle(report.failed.change)}`);
  ctx.print(`    ${failureText(report.failed.error)}`);
  ctx.print(`Applied ${report.applied.length} of ${plan.changes.length} changes (listed above); not applied:`);
  for (const change of [report.failed.change, ...report.notApplied]) ctx.print(`  ${changeTitle(change)}`);
}

const pastOf = (verb: string) => ({ create: 'created', update: 'updated', replace: 'replaced', delete: 'deleted' })[verb] ?? verb;

function failureText(error: unknown): string {
  return error instanceof ApiError || error instanceof CliError ? error.message : errorMessage(error);
}

function reportJson(plan: Plan, report: ApplyReport): unknown {
  const ref = (c: Change) => ({ action: c.action, kind: c.kind, key: c.key });
  return {
    ...(planJson(plan) as object),
    applied: report.applied.map(ref),
    ...(report.failed && {
      failed: {
        ...ref(report.failed.change),
        error:
          report.failed.error instanceof ApiError
            ? { status: report.failed.error.status, code: report.failed.error.code, message: report.failed.error.serverMessage }
            : { message: failureText(report.failed.error) },
      },
      notApplied: report.notApplied.map(ref),
    }),
  };
}

/** Writes next to the target and renames, so an interrupted export never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const full = resolve(file);
  const temp = `${full}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o644 });
    renameSync(temp, full);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${errorMessage(err)}`);
  }
}
