import type { PromptInput } from './prompt';
import type { SpinnerStream } from './spinner';

/** The process around a command, passed in so specs run the program in-process. */
export interface CliIo {
  out: NodeJS.WritableStream;
  /** Status lines, spinners, prompts and errors: never mixed into what a script reads from `out`. */
  err: SpinnerStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C / SIGTERM: long-running commands end and the process exits 0. */
  signal: AbortSignal;
  /** For hidden password prompts; absent (or not a terminal): a password file is needed. */
  in?: PromptInput;
}
