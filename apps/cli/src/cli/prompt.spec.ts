import { PassThrough } from 'node:stream';
import { CliError } from '../console/console-target';
import { promptHidden, type PromptInput } from './prompt';
import { withSpinner } from './spinner';

/** A stdin that says it is a terminal and records raw-mode switches. */
function fakeTty(): PromptInput & PassThrough & { raw: boolean[] } {
  const input = new PassThrough() as PassThrough & PromptInput & { raw: boolean[] };
  input.isTTY = true;
  input.raw = [];
  input.setRawMode = (mode: boolean) => input.raw.push(mode);
  return input;
}

describe('hidden prompt', () => {
  it('reads to Enter without echo, honours Backspace, and restores the terminal', async () => {
    const input = fakeTty();
    const output = new PassThrough();
    const written: string[] = [];
    output.on('data', (c: Buffer) => written.push(c.toString()));
    const answer = promptHidden('password: ', input, output, '--password-file FILE');
    input.write('s3cx');
    input.write('\u007fr3t\r');
    await expect(answer).resolves.toBe('s3cr3t');
    expect(written.join('')).toBe('password: \n');
    expect(input.raw).toEqual([true, false]);
  });

  it('Ctrl-C cancels', async () => {
    const input = fakeTty();
    const answer = promptHidden('p: ', input, new PassThrough(), 'x');
    input.write('ab\u0003');
    await expect(answer).rejects.toThrow(new CliError('cancelled'));
  });

  it('without a terminal it names the file option to use instead', () => {
    expect(() => promptHidden('p: ', new PassThrough(), new PassThrough(), '--password-file FILE')).toThrow(
      'stdin is not a terminal: pass --password-file FILE',
    );
    expect(() => promptHidden('p: ', undefined, new PassThrough(), '--secret-file FILE')).toThrow(/--secret-file FILE/);
  });
});

describe('spinner', () => {
  const stream = (isTTY: boolean) => {
    const s = new PassThrough() as PassThrough & { isTTY?: boolean; clearLine?: () => void; cursorTo?: () => void; moveCursor?: () => void };
    s.isTTY = isTTY;
    // ora clears its line through these on a terminal.
    s.clearLine = s.cursorTo = s.moveCursor = () => undefined;
    const text: string[] = [];
    s.on('data', (c: Buffer) => text.push(c.toString()));
    return { s, text };
  };

  it('writes nothing when stderr is not a terminal, and returns the result', async () => {
    const { s, text } = stream(false);
    await expect(withSpinner(s, 'generating', async () => 42)).resolves.toBe(42);
    expect(text).toEqual([]);
  });

  it('spins on a terminal while the work runs, and passes a failure on', async () => {
    const { s, text } = stream(true);
    await expect(withSpinner(s, 'generating a key pair', () => new Promise((r) => setTimeout(() => r('ok'), 150)))).resolves.toBe('ok');
    expect(text.join('')).toContain('generating a key pair');
    await expect(withSpinner(s, 'x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
