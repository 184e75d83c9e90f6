import { flagsOf, pathKey, type CommandNode, type OptionSpec } from './completion-tree';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/*
 * All three scripts work the same way: walk the words typed so far, and each word that
 * names a subcommand of the command reached so far descends into it (options and their
 * values are skipped, as they never name a command). Then offer the values of the
 * option just typed, or the subcommands and options of the command reached. The
 * program's options (--url, --token) are valid at every level, as commander parses them.
 */

export function completionScript(shell: Shell, name: string, tree: CommandNode[]): string {
  if (shell === 'bash') return bashScript(name, tree);
  if (shell === 'zsh') return zshScript(name, tree);
  return fishScript(name, tree);
}

/** Every `parent/child` step of the tree, as `<parent key>/<child>` (the root's key is empty). */
function steps(tree: CommandNode[]): string[] {
  return tree.flatMap((n) => n.subcommands.map((s) => `${pathKey(n.path)}/${s.name}`));
}

function globalOptions(tree: CommandNode[]): OptionSpec[] {
  return (tree.find((n) => n.path.length === 0)?.options ?? []).filter((o) => o.long !== '--help');
}

function optionsAt(node: CommandNode, tree: CommandNode[]): OptionSpec[] {
  return node.path.length === 0 ? node.options : [...node.options, ...globalOptions(tree)];
}

/** Options that take a file or free text: complete file names after them. */
function valueFlags(tree: CommandNode[]): string[] {
  return [...new Set(tree.flatMap((n) => n.options.filter((o) => o.takesValue && !o.choices).flatMap(flagsOf)))].sort();
}

function choiceArms(tree: CommandNode[]): { patterns: string[]; choices: string[] }[] {
  const arms: { patterns: string[]; choices: string[] }[] = [];
  for (const node of tree) {
    for (const option of optionsAt(node, tree)) {
      if (option.choices) arms.push({ patterns: flagsOf(option).map((f) => `${pathKey(node.path)}:${f}`), choices: option.choices });
    }
  }
  return arms;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const fn = (name: string) => `_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

function bashScript(name: string, tree: CommandNode[]): string {
  const f = fn(name);
  const lines = [
    `# ${name} completion for bash. Load it with:`,
    `#   source <(${name} completion bash)`,
    `# or save it as /etc/bash_completion.d/${name} (or ~/.local/share/bash-completion/completions/${name}).`,
    `${f}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" w i',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    w="${COMP_WORDS[i]}"',
    '    case "$cmd/$w" in',
    `      ${steps(tree).map(sh).join('|')}) cmd="\${cmd:+$cmd/}$w" ;;`,
    '    esac',
    '  done',
    '  case "$cmd:$prev" in',
    ...choiceArms(tree).map((a) => `    ${a.patterns.map(sh).join('|')}) COMPREPLY=($(compgen -W ${sh(a.choices.join(' '))} -- "$cur")); return ;;`),
    '  esac',
    '  case "$prev" in',
    `    ${valueFlags(tree).map(sh).join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`,
    '  esac',
    '  local words=""',
    '  case "$cmd" in',
    ...tree.map(
      (n) =>
        `    ${sh(pathKey(n.path))}) words=${sh([...n.subcommands.map((s) => s.name), ...n.argumentChoices, ...optionsAt(n, tree).flatMap(flagsOf)].join(' '))} ;;`,
    ),
    '  esac',
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    '}',
    `complete -o default -F ${f} ${name}`,
  ];
  return lines.join('\n') + '\n';
}

function zshScript(name: string, tree: CommandNode[]): string {
  const f = fn(name);
  // `_describe` items are `name:description`; a colon in the name would need escaping (none has one).
  const item = (n: string, d: string) => sh(`${n}:${d.replace(/\n/g, ' ')}`);
  const lines = [
    `#compdef ${name}`,
    `# ${name} completion for zsh. Load it with:`,
    `#   source <(${name} completion zsh)`,
    `# or save it as _${name} in a directory of $fpath (before compinit runs).`,
    `${f}() {`,
    // `path` is zsh's array tied to PATH: the command path is `cmd`.
    '  local cmd="" w i',
    '  for ((i = 2; i < CURRENT; i++)); do',
    '    w=${words[i]}',
    '    case "$cmd/$w" in',
    `      ${steps(tree).map(sh).join('|')}) cmd="\${cmd:+$cmd/}$w" ;;`,
    '    esac',
    '  done',
    '  local prev=${words[CURRENT-1]}',
    '  case "$cmd:$prev" in',
    ...choiceArms(tree).map((a) => `    ${a.patterns.map(sh).join('|')}) compadd -- ${a.choices.map(sh).join(' ')}; return ;;`),
    '  esac',
    '  case "$prev" in',
    `    ${valueFlags(tree).map(sh).join('|')}) _files; return ;;`,
    '  esac',
    '  local -a subcommands options',
    '  case "$cmd" in',
    ...tree.map(
      (n) =>
        `    ${sh(pathKey(n.path))}) subcommands=(${[...n.subcommands.map((s) => item(s.name, s.description)), ...n.argumentChoices.map((c) => item(c, c))].join(' ')}); options=(${optionsAt(
          n,
          tree,
        )
          .flatMap((o) => flagsOf(o).map((flag) => item(flag, o.description)))
          .join(' ')}) ;;`,
    ),
    '  esac',
    '  if [[ ${words[CURRENT]} == -* ]]; then',
    "    _describe -t options 'option' options",
    '  elif (( ${#subcommands} )); then',
    "    _describe -t commands 'command' subcommands",
    '  else',
    '    _files',
    '  fi',
    '}',
    `if [[ "\${funcstack[1]}" == "${f}" ]]; then`,
    `  ${f} "$@"`,
    'else',
    `  compdef ${f} ${name}`,
    'fi',
  ];
  return lines.join('\n') + '\n';
}

function fishScript(name: string, tree: CommandNode[]): string {
  const f = `__${name.replace(/[^A-Za-z0-9_]/g, '_')}_at`;
  const fish = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, ' ')}'`;
  const at = (node: CommandNode) => fish(`${f} ${shellWord(pathKey(node.path))}`);
  const lines = [
    `# ${name} completion for fish. Load it with:`,
    `#   ${name} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${name}.fish.`,
    `set -g ${f}_steps ${steps(tree).map(fish).join(' ')}`,
    `function ${f} --description 'whether the words typed so far reach the ${name} command given (a/b/c; "" for ${name} itself)'`,
    '    set -l cmd ""',
    '    for w in (commandline -opc)[2..-1]',
    `        if contains -- "$cmd/$w" $${f}_steps`,
    '            if test -z "$cmd"',
    '                set cmd $w',
    '            else',
    '                set cmd "$cmd/$w"',
    '            end',
    '        end',
    '    end',
    '    test "$cmd" = "$argv[1]"',
    'end',
    `complete -c ${name} -f`,
  ];
  for (const node of tree) {
    for (const sub of node.subcommands) lines.push(`complete -c ${name} -n ${at(node)} -a ${fish(sub.name)} -d ${fish(sub.description)}`);
    if (node.argumentChoices.length) lines.push(`complete -c ${name} -n ${at(node)} -a ${fish(node.argumentChoices.join(' '))}`);
    // The program's options are offered everywhere (no condition).
    for (const o of node.options) {
      if (node.path.length > 0 || o.long !== '--help') lines.push(fishOption(name, node.path.length === 0 ? undefined : at(node), o, fish));
    }
  }
  lines.push(fishOption(name, undefined, { long: '--help', short: '-h', description: 'display help for command', takesValue: false }, fish));
  return [...new Set(lines)].join('\n') + '\n';
}

function fishOption(name: string, condition: string | undefined, o: OptionSpec, fish: (s: string) => string): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n ${condition}`);
  if (o.short) parts.push(`-s ${o.short.slice(1)}`);
  if (o.long) parts.push(`-l ${o.long.slice(2)}`);
  if (o.choices) parts.push(`-x -a ${fish(o.choices.join(' '))}`);
  else if (o.takesValue) parts.push('-r -F');
  parts.push(`-d ${fish(o.description)}`);
  return parts.join(' ');
}

/** A command path as an argument inside fish's single quotes: the empty path as "". */
function shellWord(s: string): string {
  return s === '' ? '""' : `"${s}"`;
}
