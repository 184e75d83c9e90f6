import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExchanges, type OpenApiDocument, type RecordedExchange } from './response-validator';

export interface RecordOptions {
  /** A call, on purpose, to a route outside the API (a 404 probe): checked to have no operation. */
  undocumented?: boolean;
}

/**
 * Every exchange a suite has with the console's admin API, recorded as JSON lines in a
 * temporary directory of the suite's own: its own calls through {@link fetch}, and the
 * CLI processes it runs with {@link cliLog} as `CERTGATE_HTTP_LOG`. {@link verify}
 * (in the suite's afterAll) checks every recorded response against the OpenAPI document
 * the console serves, so a response that drifts from the document fails the suite that
 * received it. The directory is removed when everything matches and kept otherwise.
 */
export class ExchangeRecorder {
  private made?: string;
  private document?: OpenApiDocument;

  constructor(private readonly label: string) {}

  /** The directory of the recorded files, made when the first one is (a suite that records nothing leaves nothing behind). */
  get dir(): string {
    return (this.made ??= mkdtempSync(join(tmpdir(), `certgate-exchanges-${this.label.replace(/[^A-Za-z0-9_-]/g, '-')}-`)));
  }

  /** Reads the document the console serves (`/api/docs-json`), once it is up; kept for {@link verify}. */
  async loadDocument(consoleApiUrl: string): Promise<void> {
    const url = new URL(consoleApiUrl);
    const res = await fetch(`${url.origin}/api/docs-json`);
    if (!res.ok) throw new Error(`GET ${url.origin}/api/docs-json answered ${res.status}`);
    this.document = (await res.json()) as OpenApiDocument;
  }

  /** A file for `CERTGATE_HTTP_LOG` of a CLI process: its exchanges are checked with the suite's. */
  cliLog(name = 'cli'): string {
    return join(this.dir, `${name}.jsonl`);
  }

  /** `fetch` of a console API call, recorded. The response is returned unread. */
  readonly fetch = async (url: string | URL, init: RequestInit = {}, opts: RecordOptions = {}): Promise<Response> => {
    const res = await fetch(url, init);
    const target = new URL(url);
    const contentType = res.headers.get('content-type') ?? undefined;
    // An event stream does not end: its status and content type are what there is to check.
    const text = contentType?.startsWith('text/event-stream') ? '' : Buffer.from(await res.clone().arrayBuffer());
    const body = typeof text === 'string' ? undefined : parseJson(contentType, text);
    this.record({
      method: (init.method ?? 'GET').toUpperCase(),
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      status: res.status,
      ...(contentType && { contentType }),
      ...(body !== undefined ? { body } : typeof text !== 'string' && text.length > 0 ? { bytes: text.length } : {}),
      ...(opts.undocumented && { undocumented: true }),
    });
    return res;
  };

  record(exchange: RecordedExchange): void {
    appendFileSync(join(this.dir, 'suite.jsonl'), JSON.stringify({ time: new Date().toISOString(), ...exchange }) + '\n');
  }

  /** Every exchange recorded so far, from every file of the directory. */
  exchanges(): RecordedExchange[] {
    if (!this.made || !existsSync(this.made)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) =>
        readFileSync(join(this.dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, source: `${join(this.dir, f)}:${i + 1}` }))
          .filter(({ line }) => line.trim() !== '')
          .map(({ line, source }) => ({ ...(JSON.parse(line) as RecordedExchange), source })),
      );
  }

  /**
   * Throws, naming each operation, status and Ajv error path, when a recorded response
   * does not match the document; removes the directory when all do. At least `atLeast`
   * exchanges must have been recorded, so a suite whose calls went around the recorder
   * does not pass unchecked.
   */
  verify(atLeast = 1): void {
    if (!this.document) throw new Error('the OpenAPI document was never loaded (loadDocument() once the console is up)');
    const exchanges = this.exchanges();
    if (exchanges.length < atLeast) throw new Error(`only ${exchanges.length} exchanges with the console were recorded, expected at least ${atLeast}`);
    const problems = checkExchanges(this.document, exchanges);
    if (problems.length) {
      throw new Error(
        `${problems.length} kinds of response of ${exchanges.length} recorded do not match the OpenAPI document (kept in ${this.dir}):\n` +
          problems
            .slice(0, 40)
            .map((p) => `  - ${p}`)
            .join('\n') +
          (problems.length > 40 ? `\n  ... and ${problems.length - 40} more` : ''),
      );
    }
    if (this.made) rmSync(this.made, { recursive: true, force: true });
  }
}

function parseJson(contentType: string | undefined, bytes: Buffer): unknown {
  if (!contentType || !/^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType) || bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
