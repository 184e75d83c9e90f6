import { readFile } from 'node:fs/promises';
import { LIMITS, errorMessage } from '@certgate/contracts';
import { parseCrl, type Crl } from '@certgate/x509';

/** Reads one CRL from an http(s) URL: bounded in time and size, 200 only, no redirect to another scheme. */
export async function fetchCrl(url: string, timeoutMs: number): Promise<Crl> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/pkix-crl, application/x-pkcs7-crl, */*' } });
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    throw new Error(`fetching ${url} failed: ${(err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : errorMessage(cause ?? err)}`);
  }
  if (!/^https?:/.test(new URL(res.url || url).protocol)) throw new Error(`fetching ${url} was redirected away from http(s)`);
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`fetching ${url} answered ${res.status}, not 200`);
  }
  return parseCrl(await boundedBody(res, url));
}

export async function readCrlFile(path: string): Promise<Crl> {
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`reading ${path} failed: ${err.code ?? errorMessage(err)}`);
  });
  if (bytes.length > LIMITS.crlBytes) throw new Error(`${path} is larger than ${LIMITS.crlBytes} bytes`);
  return parseCrl(new Uint8Array(bytes));
}

async function boundedBody(res: Response, url: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > LIMITS.crlBytes) {
    await res.body?.cancel();
    throw new Error(`${url} announces ${declared} bytes, more than a CRL may have (${LIMITS.crlBytes})`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > LIMITS.crlBytes) throw new Error(`${url} sent more than ${LIMITS.crlBytes} bytes, more than a CRL may have`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
