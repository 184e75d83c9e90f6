import { request } from 'node:https';

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

/** How suites reach the console: `ExchangeRecorder.fetch`, so every response is checked against the OpenAPI document. */
export type ConsoleFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The console API as an operator's script would call it, every exchange through `send` (the suite's recorder). */
export function consoleApi(baseUrl: string, token: string, send: ConsoleFetch) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> => {
    const res = await send(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // PEM or other text bodies stay text
    }
    return { status: res.status, body: parsed as T };
  };
}

export interface SenderTls {
  cert?: string;
  key?: string;
}

export interface IngressResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

export interface IngressRequest extends SenderTls {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request to the ingress on a fresh TLS connection (no agent), optionally with a client certificate. */
export function ingressRequest(port: number, ca: string, req: IngressRequest): Promise<IngressResult> {
  return new Promise((resolve, reject) => {
    const { path, method = 'POST', headers, body, ...tls } = req;
    const r = request({ host: '127.0.0.1', port, path, method, headers, agent: false, ca, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    r.on('error', reject);
    r.end(body ?? '');
  });
}

/** A sender calling `https://<ingress>/http/<address>` on a fresh TLS connection. */
export function senderCall(port: number, ca: string) {
  return (address: string, tls: SenderTls = {}, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<IngressResult> =>
    ingressRequest(port, ca, { path: `/http${address}`, ...tls, ...opts });
}

/** Polls `probe` until it returns true or `timeoutMs` passes; returns the elapsed milliseconds. */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 1000, stepMs = 25): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
