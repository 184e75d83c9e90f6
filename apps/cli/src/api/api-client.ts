import type { ConsoleTarget } from '../console/console-target';
import { VERSION } from '../version';
import { ApiError, CONSOLE_UNREACHABLE } from './api-error';
import type { ExchangeLog } from './exchange-log';

const CLI_AGENT = `certgate-cli/${VERSION}`;

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/** A JSON answer with the headers that carry more (`X-Next-Cursor`). */
export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** A file the console handed out: bytes, content type, and the name it suggested. */
export interface Download {
  bytes: Buffer;
  contentType: string;
  fileName?: string;
}

/**
 * HTTP over fetch to the console's admin API: base URL and Bearer token, JSON in and
 * out, files as bytes. Every non-2xx answer becomes an ApiError (`error <code>: ...`),
 * a console that does not answer one with code `console_unreachable`; with an
 * ExchangeLog every exchange is recorded.
 */
export class ApiClient {
  constructor(
    readonly target: ConsoleTarget,
    private readonly log?: ExchangeLog,
  ) {}

  async json<T>(method: string, path: string, opts: RequestOptions = {}): Promise<JsonResponse<T>> {
    const res = await this.send(method, path, opts, 'application/json');
    const text = await res.response.text();
    const body = text === '' ? undefined : parseJson(text);
    this.record(res, { body, bytes: body === undefined && text !== '' ? Buffer.byteLength(text) : undefined });
    if (!res.response.ok) throw this.refusal(res.response, body, text);
    if (text !== '' && body === undefined) {
      throw new ApiError(res.response.status, 'invalid_response', `the console answered ${method} ${res.path} with a body that is not JSON`);
    }
    return { status: res.response.status, headers: res.response.headers, body: body as T };
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.json<T>('GET', path, { query, signal }).then((r) => r.body);
  }

  post<T>(path: string, body?: unknown, query?: Query): Promise<T> {
    return this.json<T>('POST', path, { body, query }).then((r) => r.body);
  }

  put<T>(path: string, body?: unknown, query?: Query): Promise<T> {
    return this.json<T>('PUT', path, { body, query }).then((r) => r.body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('PATCH', path, { body }).then((r) => r.body);
  }

  async delete(path: string, query?: Query): Promise<void> {
    await this.json<unknown>('DELETE', path, { query });
  }

  /** A response that is a file (PEM, DER, PKCS#12, zip); an error answer is still JSON. */
  async download(method: string, path: string, opts: RequestOptions = {}): Promise<Download> {
    const res = await this.send(method, path, opts, '*/*');
    const bytes = Buffer.from(await res.response.arrayBuffer());
    const contentType = res.response.headers.get('content-type') ?? 'application/octet-stream';
    if (!res.response.ok || isJson(contentType)) {
      const text = bytes.toString('utf8');
      const body = parseJson(text);
      this.record(res, { body, bytes: body === undefined ? bytes.length : undefined });
      if (!res.response.ok) throw this.refusal(res.response, body, text);
      throw new ApiError(res.response.status, 'invalid_response', `the console answered ${method} ${res.path} with JSON where a file was expected`);
    }
    this.record(res, { bytes: bytes.length });
    return { bytes, contentType, fileName: fileNameOf(res.response.headers.get('content-disposition')) };
  }

  private async send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Sent> {
    const url = new URL(this.target.url + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.append(k, String(v));
    // The console's audit trail names the surface a change came from by this agent.
    const headers: Record<string, string> = { authorization: `Bearer ${this.target.token}`, accept, 'user-agent': CLI_AGENT };
    const hasBody = opts.body !== undefined;
    if (hasBody) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: hasBody ? JSON.stringify(opts.body) : undefined, signal: opts.signal });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      throw new ApiError(0, CONSOLE_UNREACHABLE, `cannot reach the console at ${this.target.url}: ${reason(err)}`);
    }
    return { method, path: url.pathname, query: Object.fromEntries(url.searchParams), requestBody: opts.body, hasBody, response };
  }

  private record(sent: Sent, answer: { body?: unknown; bytes?: number }): void {
    this.log?.record({
      time: new Date().toISOString(),
      method: sent.method,
      path: sent.path,
      query: sent.query,
      ...(sent.hasBody && { requestContentType: 'application/json', requestBody: sent.requestBody }),
      status: sent.response.status,
      ...(sent.response.headers.get('content-type') && { contentType: sent.response.headers.get('content-type') as string }),
      ...(answer.body !== undefined && { body: answer.body }),
      ...(answer.bytes !== undefined && { bytes: answer.bytes }),
    });
  }

  private refusal(res: Response, body: unknown, text: string): ApiError {
    const err = body as { error?: unknown; message?: unknown; details?: unknown } | undefined;
    const code = typeof err?.error === 'string' ? err.error : `http_${res.status}`;
    const message = typeof err?.message === 'string' ? err.message : text.trim().split('\n')[0] || res.statusText || `HTTP ${res.status}`;
    const details = err?.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined;
    const hint = res.status === 401 ? `admin token from ${this.target.tokenSource}` : undefined;
    return new ApiError(res.status, code, message, details, hint);
  }
}

interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  hasBody: boolean;
  response: Response;
}

/** One path segment: names are URL-safe today, user names hold `@`, fingerprints may come with colons. */
export const seg = (value: string | number) => encodeURIComponent(String(value));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isJson(contentType: string): boolean {
  return /^application\/([a-z.+-]*\+)?json\b/i.test(contentType);
}

/** `attachment; filename="a.p12"` (or RFC 6266 `filename*=UTF-8''a.p12`) → `a.p12`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
  if (extended) return decodeURIComponent(extended[1].trim());
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim() : undefined;
}

function reason(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
