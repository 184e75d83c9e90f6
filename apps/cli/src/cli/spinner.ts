import ora from 'ora';

/** stderr as ora needs it: a spinner only where a person watches. */
export interface SpinnerStream extends NodeJS.WritableStream {
  isTTY?: boolean;
}

/**
 * Runs a slow operation (key generation, PKCS#12, a TLS handshake) behind a spinner on
 * stderr, only when stderr is a terminal: pipes and scripts see nothing of it.
 */
export async function withSpinner<T>(stream: SpinnerStream, text: string, work: () => Promise<T>): Promise<T> {
  if (!stream.isTTY) return work();
  const spinner = ora({ text, stream, discardStdin: false }).start();
  try {
    const result = await work();
    spinner.stop();
    return result;
  } catch (err) {
    spinner.stop();
    throw err;
  }
}
