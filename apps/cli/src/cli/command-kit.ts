import { Command, InvalidArgumentError, Option } from 'commander';
import { ApiClient, type Download } from '../api/api-client';
import { CertgateApi } from '../api/certgate-api';
import { ExchangeLog } from '../api/exchange-log';
import { CliError, resolveConsoleTarget } from '../console/console-target';
import { readSecretFile, writeOutputFile } from './files';
import type { CliIo } from './io';
import { OUTPUT_FORMATS, renderData, renderItem, renderList, type Column, type OutputFormat } from './output';
import { promptHidden } from './prompt';
import { withSpinner } from './spinner';

/**
 * What a command's action works with: the API (resolved only when the action runs, so
 * `--help` and `completion` need no token), the output format, and the streams.
 */
export class Ctx {
  private client?: CertgateApi;

  constructor(
    readonly io: CliIo,
    readonly cmd: Command,
  ) {}

  get api(): CertgateApi {
    if (!this.client) {
      const globals = this.cmd.optsWithGlobals<{ url?: string; token?: string }>();
      const target = resolveConsoleTarget({ url: globals.url, token: globals.token }, this.io.env);
      this.client = new CertgateApi(new ApiClient(target, ExchangeLog.fromEnv(this.io.env)));
    }
    return this.client;
  }

  get format(): OutputFormat {
    return this.cmd.opts<{ output?: OutputFormat }>().output ?? 'table';
  }

  /** Positional arguments as commander parsed them (a variadic one as an array). */
  args<T extends unknown[]>(): T {
    return this.cmd.processedArgs as T;
  }

  /** A list: a table, or the API's JSON / YAML as it came. */
  list<T>(rows: T[], columns: Column<T>[]): void {
    this.print(this.format === 'table' ? renderList(rows, columns) : renderData(rows, this.format));
  }

  /** One object: `FIELD  value` lines, or the API's JSON / YAML. */
  item<T>(value: T, fields: Column<T>[]): void {
    this.print(this.format === 'table' ? renderItem(value, fields) : renderData(value, this.format));
  }

  /**
   * What an action that answers no JSON did (a delete: 204): a sentence for people;
   * for scripts the `data` given (a summary of a written file), else nothing.
   */
  done(message: string, data?: unknown): void {
    if (this.format === 'table') this.print(message);
    else if (data !== undefined) this.print(renderData(data, this.format));
  }

  /** A usage error found after parsing (two options that exclude each other): commander's message, exit code 2. */
  usage(message: string): never {
    this.cmd.error(`error: ${message}`, { exitCode: 2, code: 'certgate.usage' });
  }

  /** Writes a download and says what was written (json/yaml: a summary object, since the answer itself is the file). */
  save(file: Download, out: string, force?: boolean, mode?: number): void {
    const path = writeOutputFile(out, file.bytes, { force, mode });
    this.done(`wrote ${path} (${file.bytes.length} bytes, ${file.contentType})`, {
      file: path,
      bytes: file.bytes.length,
      contentType: file.contentType,
      ...(file.fileName && { fileName: file.fileName }),
    });
  }

  print(text: string): void {
    this.io.out.write(text + '\n');
  }

  /** A remark for people (shown once, where to find a file): stderr, so scripts reading stdout never see it. */
  note(text: string): void {
    this.io.err.write(text + '\n');
  }

  spin<T>(text: string, work: () => Promise<T>): Promise<T> {
    return withSpinner(this.io.err, text, work);
  }

  /** A password or secret: from `file` when given, else asked on the terminal without echo (twice when `confirm`). */
  async secret(file: string | undefined, fileOption: string, question: string, confirm = false): Promise<string> {
    if (file !== undefined) return readSecretFile(file, fileOption.replace(/^--/, '').replace(/-/g, ' '));
    const alternative = `${fileOption} FILE`;
    const first = await promptHidden(`${question}: `, this.io.in, this.io.err, alternative);
    if (confirm && (await promptHidden(`${question} (again): `, this.io.in, this.io.err, alternative)) !== first) {
      throw new CliError('the two entries differ');
    }
    return first;
  }
}

export type Action<O> = (ctx: Ctx, opts: O) => Promise<void>;

/** Wraps an action for commander: `(…args, opts, command)` → `(ctx, opts)`. */
export function act<O>(io: CliIo, action: Action<O>): (...all: unknown[]) => Promise<void> {
  return async (...all) => {
    const cmd = all[all.length - 1] as Command;
    await action(new Ctx(io, cmd), cmd.opts() as O);
  };
}

/** An area (`certgate roles ...`): a group of commands with an example in its help. */
export function group(parent: Command, name: string, description: string, examples: string[]): Command {
  return withExamples(parent.command(name).description(description), examples);
}

/**
 * A command that does something: `--output table|json|yaml` and examples in its help.
 * `nameAndArgs` as commander takes it (`create <name>`).
 */
export function leaf(parent: Command, nameAndArgs: string, description: string, examples: string[], opts: { isDefault?: boolean } = {}): Command {
  const cmd = parent.command(nameAndArgs, opts).description(description);
  cmd.addOption(outputOption());
  return withExamples(cmd, examples);
}

export function outputOption(): Option {
  return new Option('-o, --output <format>', 'table for people, json or yaml for scripts (json: the API answer as it is)')
    .choices(OUTPUT_FORMATS)
    .default('table');
}

function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText('after', `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** For repeatable options (`--role a --role b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A repeatable option with fixed values (`--source keystore --source flow`); its choices stay known to help and completion. */
export function repeatableChoice(flags: string, description: string, choices: readonly string[]): Option {
  const option = new Option(flags, description).choices(choices);
  const check = option.parseArg as (value: string, previous: unknown) => string;
  return option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), check(value, undefined)]);
}

/** An integer option within bounds, refused by commander (exit code 2) otherwise. */
export function intOption(min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}
