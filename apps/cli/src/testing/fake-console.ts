import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli/io';

/** A request as the fake console saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** What a route answers: JSON (`json`), bytes with headers (`bytes`), or nothing (204). */
export type Answer =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; bytes: Buffer | string; headers?: Record<string, string> }
  | { status: 204 };

type Route = (req: SeenRequest) => Answer | undefined;

/**
 * A stand-in for the console in unit specs: answers `routes` by `METHOD /path` (path
 * below /api/v1) and records every request, so a spec checks what a command sent.
 */
export class FakeConsole {
  readonly seen: SeenRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private server?: Server;
  url = '';

  on(methodAndPath: string, answer: Answer | Route): this {
    this.routes.set(methodAndPath, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The last request to `METHOD /path`. */
  last(methodAndPath: string): SeenRequest | undefined {
    return this.seen.filter((r) => `${r.method} ${r.path}` === methodAndPath).at(-1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v1/, '')),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    this.seen.push(seen);
    const answer = this.routes.get(`${seen.method} ${seen.path}`)?.(seen) ?? {
      status: 404,
      json: { error: 'not_found', message: `Cannot ${seen.method} /api/v1${seen.path}` },
    };
    if ('json' in answer) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(JSON.stringify(answer.json));
    } else if ('bytes' in answer) {
      res.writeHead(answer.status ?? 200, answer.headers ?? {});
      res.end(answer.bytes);
    } else {
      res.writeHead(204);
      res.end();
    }
  }
}

/** Streams and env for running the program in-process; `stdout()`/`stderr()` return what was written. */
export function captureIo(env: NodeJS.ProcessEnv = {}, signal = new AbortController().signal) {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = (s: PassThrough) => {
    const chunks: string[] = [];
    s.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    return () => chunks.join('');
  };
  const io: CliIo = { out, err, env, signal };
  return { io, stdout: text(out), stderr: text(err) };
}
