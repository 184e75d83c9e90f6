import type { ExchangeRecorder } from './exchange-recorder';

/** What this needs of a Playwright response (structural, so the lib does not depend on Playwright). */
export interface BrowserResponse {
  url(): string;
  status(): number;
  headers(): Record<string, string>;
  body(): Promise<Buffer>;
  request(): { method(): string };
}

/** A Playwright page, as far as its responses go. */
export interface BrowserPage {
  on(event: 'response', listener: (response: BrowserResponse) => void): unknown;
}

/**
 * Records every response of the console API (`/api/v1/...`) a browser page receives, so
 * {@link ExchangeRecorder.verify} checks what the browser got against the OpenAPI document
 * as it checks the suite's own calls (Swagger UI's "Try it out", the web console's pages).
 * An event stream is recorded by its status and content type (its body does not end).
 */
export function recordBrowserExchanges(page: BrowserPage, recorder: ExchangeRecorder): void {
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith('/api/v1/')) return;
    const contentType = res.headers()['content-type'];
    const base = {
      method: res.request().method(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: res.status(),
      ...(contentType && { contentType }),
    };
    if (contentType?.startsWith('text/event-stream')) return recorder.record(base);
    void res.body().then(
      (bytes) => {
        const json = contentType?.startsWith('application/json') && bytes.length ? (JSON.parse(bytes.toString('utf8')) as unknown) : undefined;
        recorder.record({ ...base, ...(json !== undefined ? { body: json } : bytes.length ? { bytes: bytes.length } : {}) });
      },
      () => undefined,
    );
  });
}
