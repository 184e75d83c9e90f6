import { execFileSync } from 'node:child_process';
import { CertgateError } from '@certgate/contracts';

/** The CertgateError a call fails with; any other outcome fails the test. */
export async function certgateFailure(p: Promise<unknown>): Promise<CertgateError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CertgateError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** The value, or a failed test naming what was missing. */
export function defined<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

/** Whether a command-line tool (curl, openssl) is on PATH, for tests that also use it. */
export function commandAvailable(command: string, versionArg = '--version'): boolean {
  try {
    execFileSync(command, [versionArg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls until `probe` holds (events and watches have no reply to wait for); the
 * milliseconds it took. Fails naming `what` after `timeoutMs`.
 */
export async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<number> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - start;
}
