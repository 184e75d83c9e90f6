import { Argument, type Command } from 'commander';
import type { CliIo } from '../cli/io';
import { completionScript, SHELLS, type Shell } from '../completion/completion-scripts';
import { commandTree } from '../completion/completion-tree';

/** `certgate completion bash|zsh|fish`: a completion script generated from this very command tree. */
export function registerCompletion(program: Command, io: CliIo): void {
  program
    .command('completion')
    .description('print a shell completion script for every command and option')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ source <(certgate completion bash)                                  # bash, this shell',
        '  $ certgate completion zsh > "${fpath[1]}/_certgate"                   # zsh, from the next shell on',
        '  $ certgate completion fish > ~/.config/fish/completions/certgate.fish # fish',
        '',
      ].join('\n'),
    )
    .action((shell: Shell) => {
      io.out.write(completionScript(shell, program.name(), commandTree(program)));
    });
}
