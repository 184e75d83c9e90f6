import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandAvailable } from '@certgate/testing';
import { buildProgram } from '../program';
import { captureIo } from '../testing/fake-console';
import { completionScript, SHELLS } from './completion-scripts';
import { commandTree, flagsOf, type CommandNode } from './completion-tree';

const program = () => buildProgram(captureIo().io);

describe('completion tree', () => {
  const tree = commandTree(program());
  const node = (...path: string[]) => tree.find((n) => n.path.join(' ') === path.join(' ')) as CommandNode;

  it('holds every command and subcommand, with their options and choices', () => {
    expect(node().subcommands.map((s) => s.name)).toEqual(expect.arrayContaining(['trust', 'keystore', 'logs', 'completion', 'alerts']));
    expect(node('keystore', 'renew').subcommands.map((s) => s.name)).toEqual(['start', 'csr', 'import-chain', 'activate', 'cancel']);
    expect(node('keys', 'add').options).toEqual(
      expect.arrayContaining([
        { long: '--type', description: 'the kind of key', takesValue: true, choices: ['external-certificate', 'certificate', 'client-secret'] },
        expect.objectContaining({ long: '--cert-file', takesValue: true }),
        expect.objectContaining({ long: '--output', short: '-o', choices: ['table', 'json', 'yaml'] }),
        expect.objectContaining({ long: '--help', short: '-h' }),
      ]),
    );
    expect(node('connectivity', 'tls').options).toContainEqual(expect.objectContaining({ long: '--no-validate', takesValue: false }));
  });

  it('no command option takes a flag of the program (--url, --token would never reach it)', () => {
    const globals = node()
      .options.flatMap(flagsOf)
      .filter((f) => f !== '--help' && f !== '-h');
    for (const n of tree.filter((x) => x.path.length > 0))
      expect({ path: n.path, clash: n.options.flatMap(flagsOf).filter((f) => globals.includes(f)) }).toEqual({ path: n.path, clash: [] });
  });
});

describe.each(SHELLS)('%s completion script', (shell) => {
  const tree = commandTree(program());
  const script = completionScript(shell, 'certgate', tree);

  it('names every command and every option of the tree', () => {
    for (const n of tree) {
      for (const s of n.subcommands) expect(script).toContain(s.name);
      for (const flag of n.options.flatMap(flagsOf)) expect(script).toContain(shell === 'fish' ? flag.replace(/^--?/, '') : flag);
      if (shell !== 'fish') expect(script).toContain(`'${n.path.join('/')}')`);
    }
  });

  it('parses in its shell when the shell is here', () => {
    if (!commandAvailable(shell)) return;
    const dir = mkdtempSync(join(tmpdir(), 'certgate-completion-'));
    try {
      writeFileSync(join(dir, 'script'), script);
      const check = spawnSync(shell, shell === 'fish' ? ['--no-execute', join(dir, 'script')] : ['-n', join(dir, 'script')], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bash completion at work', () => {
  const script = completionScript('bash', 'certgate', commandTree(program()));
  /** What bash offers after `certgate <words>` with the cursor on the last word. */
  const complete = (...words: string[]): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'certgate-completion-'));
    try {
      writeFileSync(join(dir, 'script'), script);
      const all = ['certgate', ...words];
      const run = spawnSync(
        'bash',
        [
          '-c',
          `source "$1"; COMP_WORDS=(${all.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${all.length - 1}; _certgate; printf '%s\\n' "\${COMPREPLY[@]}"`,
          'x',
          join(dir, 'script'),
        ],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter(Boolean);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('offers areas, then their commands, then options and option values', () => {
    expect(complete('key')).toEqual(['keys', 'keystore']);
    expect(complete('keystore', 're')).toEqual(['rename', 'renew']);
    expect(complete('keystore', 'renew', '')).toEqual(expect.arrayContaining(['start', 'csr', 'import-chain', 'activate', 'cancel', '--help', '--url']));
    expect(complete('--url', 'http://x', 'keys', 'add', 'a', 'k', '--t')).toEqual(['--type', '--token']);
    expect(complete('keys', 'add', '--type', 'c')).toEqual(['certificate', 'client-secret']);
    expect(complete('roles', 'list', '-o', '')).toEqual(['table', 'json', 'yaml']);
    expect(complete('logs', 'trace', '--')).not.toContain('--status');
    expect(complete('logs', 'access', '--st')).toEqual(['--status']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh', 'fish', '-h', '--help', '-V', '--version', '--url', '--token']);
    expect(complete('alerts', 'mute', 'ke')).toEqual(['keystore']);
  });
});
