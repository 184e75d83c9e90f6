import type { Command, Option } from 'commander';

export interface OptionSpec {
  /** `--output`. */
  long?: string;
  /** `-o`. */
  short?: string;
  description: string;
  /** It takes a value (`--out <file>`), which is a file unless `choices` lists the values. */
  takesValue: boolean;
  choices?: string[];
}

export interface CommandNode {
  /** `['keystore', 'renew', 'start']`; `[]` for the program. */
  path: string[];
  description: string;
  subcommands: { name: string; description: string }[];
  /** Its own options; the program's options are valid everywhere and are listed on the root. */
  options: OptionSpec[];
  /** The fixed values of its positional arguments (`completion <shell>`: bash, zsh, fish). */
  argumentChoices: string[];
}

const HELP: OptionSpec = { long: '--help', short: '-h', description: 'display help for command', takesValue: false };

/** Every command of the tree, depth first, read from commander: what the completion scripts are generated from. */
export function commandTree(program: Command): CommandNode[] {
  const nodes: CommandNode[] = [];
  const visit = (cmd: Command, path: string[]) => {
    nodes.push({
      path,
      description: cmd.description(),
      subcommands: cmd.commands.map((c) => ({ name: c.name(), description: c.description() })),
      options: [...cmd.options.map(optionSpec), HELP],
      argumentChoices: cmd.registeredArguments.flatMap((a) => a.argChoices ?? []),
    });
    for (const sub of cmd.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return nodes;
}

function optionSpec(option: Option): OptionSpec {
  return {
    ...(option.long && { long: option.long }),
    ...(option.short && { short: option.short }),
    description: option.description,
    takesValue: option.required || option.optional,
    ...(option.argChoices && { choices: [...option.argChoices] }),
  };
}

/** `keystore/renew/start`, the key the scripts match the words typed so far against. */
export const pathKey = (path: string[]) => path.join('/');

/** The flags of an option (`-o`, `--output`). */
export const flagsOf = (o: OptionSpec) => [o.short, o.long].filter((f): f is string => f !== undefined);
