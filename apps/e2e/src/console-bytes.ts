import type { ConsoleFetch } from './clients';

/** What a binary download of the console API returned (PKCS#12 files, DER, zips). */
export interface BytesResult {
  status: number;
  contentType: string;
  bytes: Buffer;
}

/** The console API for downloads: the body as bytes, never decoded as text. */
export function consoleBytes(baseUrl: string, token: string, send: ConsoleFetch) {
  return async (method: string, path: string, body?: unknown): Promise<BytesResult> => {
    const res = await send(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
  };
}
