import { CliError } from '../console/console-target';

/** The terminal side of stdin, as much of it as a hidden prompt needs. */
export interface PromptInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * Asks for a secret on the terminal without echoing it (Enter ends, Backspace erases,
 * Ctrl-C or Ctrl-D cancel). Refused when stdin is not a terminal: a script passes a file.
 */
export function promptHidden(question: string, input: PromptInput | undefined, output: NodeJS.WritableStream, alternative: string): Promise<string> {
  if (!input?.isTTY || !input.setRawMode) throw new CliError(`stdin is not a terminal: pass ${alternative}`);
  const setRawMode = input.setRawMode.bind(input);
  output.write(question);
  setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      input.off('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new CliError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
