// The browser side of the web console's suites: headless Chromium (Debian's, driven by
// playwright-core), a page that collects console errors and CSP violations, sign-in,
// screenshots and the axe-core check.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { recordBrowserExchanges, REPO_ROOT, type RunningSystem } from '@certgate/testing';

export { describeInBrowser, launchChromium } from '@certgate/testing';

export const SCREENSHOTS = join(REPO_ROOT, 'dist', 'screenshots', 'web');
export const WEB_DIST_INDEX = join(REPO_ROOT, 'apps', 'web', 'dist', 'index.html');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
/** The console's session cookie (httpOnly: only the browser context and the API see it). */
export const SESSION_COOKIE = 'certgate_session';

/** The console's origin (`http://127.0.0.1:<port>`). */
export const originOf = (sys: RunningSystem) => new URL(sys.consoleUrl).origin;

/**
 * A page of the web console whose console errors, uncaught exceptions and CSP
 * violations are collected in `problems`. The console API's own 4xx answers are not
 * problems (Chromium logs each as "Failed to load resource"; the page shows them, and the
 * tests check it does); anything else is, a 5xx included.
 */
export class WebPage {
  readonly problems: string[] = [];

  private constructor(
    readonly page: Page,
    readonly origin: string,
    private readonly exchanges: RunningSystem['exchanges'],
  ) {}

  static async open(browser: Browser, sys: RunningSystem): Promise<WebPage> {
    // A context of its own per page (no cookie of another test; axe-core needs one made with newContext).
    // Reduced motion (which the console respects): modals appear at once, so axe-core never meets one half faded in.
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const web = new WebPage(page, originOf(sys), sys.exchanges);
    recordBrowserExchanges(page, sys.exchanges);
    page.on('console', (msg) => web.onConsole(msg));
    page.on('pageerror', (err) => web.problems.push(`uncaught: ${err.message}`));
    // Violations are logged as console errors too; the event names the directive for certain.
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));",
    );
    return web;
  }

  private onConsole(msg: ConsoleMessage): void {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const url = msg.location().url ?? '';
    const apiClientError =
      /Failed to load resource: the server responded with a status of 4\d\d/.test(text) && new URL(url, this.origin).pathname.startsWith('/api/v1/');
    if (!apiClientError) this.problems.push(`${text}${url ? ` (${url})` : ''}`);
  }

  close(): Promise<void> {
    return this.page.context().close();
  }

  /** Takes the problems so far (for an assertion after each test). */
  takeProblems(): string[] {
    return this.problems.splice(0);
  }

  /** An expression evaluated in the page (a string: this file is compiled without the DOM's types). */
  run<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  goto(path: string) {
    return this.page.goto(`${this.origin}${path}`);
  }

  /** Signs in with a token (the admin token or an API token) on the sign-in page, where `path` leads when signed out. */
  async signIn(token: string, path = '/'): Promise<void> {
    await this.goto(path);
    await this.page.getByLabel('Admin token or API token').fill(token);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  /** The session cookie the console set in this page's browser context, if any. */
  async sessionCookie() {
    // Asked for a URL under /api: the cookie's Path, so a URL outside it would not list it.
    return (await this.page.context().cookies(`${this.origin}/api/v1/me`)).find((c) => c.name === SESSION_COOKIE);
  }

  /**
   * A call of the console API from outside the page with a session cookie, as another tab
   * or a stolen cookie would make it (`csrf` for a change). Recorded for the OpenAPI check.
   */
  async apiWithCookie(cookie: string, method: string, path: string, csrf?: string): Promise<{ status: number; body: unknown }> {
    const res = await this.exchanges.fetch(`${this.origin}/api/v1${path}`, {
      method,
      headers: { cookie: `${SESSION_COOKIE}=${cookie}`, ...(csrf && { 'x-csrf-token': csrf }) },
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Waits for the page's heading and for its data (no request in flight, no loader). */
  async settle(heading?: string): Promise<void> {
    await this.page
      .getByRole('heading', { level: 1, ...(heading && { name: heading }) })
      .first()
      .waitFor();
    await this.page.waitForLoadState('networkidle');
    await this.page
      .locator('.mantine-datatable-loader[data-active], [aria-busy="true"]')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** axe-core (WCAG 2.1 A and AA): the violations of serious or critical impact, one line each. */
  async seriousA11yViolations(): Promise<string[]> {
    // A modal or an empty state fading in is, for a moment, low contrast: check the page at rest.
    // A function, not a string: the console's Content-Security-Policy refuses the eval a string would need.
    const atRest = () =>
      (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document.getAnimations().every((a) => a.playState !== 'running');
    await this.page.waitForFunction(atRest, undefined, { timeout: 5_000 }).catch(() => undefined);
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

/** Drops files on an element as a person drags them from a file manager (a `drop` with a DataTransfer). */
export async function dropFiles(page: Page, selector: string, files: { name: string; type: string; text: string }[]): Promise<void> {
  // In the page (a string: this file is compiled without the DOM's types).
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); for (const f of ${JSON.stringify(files)}) dt.items.add(new File([f.text], f.name, { type: f.type })); return dt; })()`,
  );
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, event, { dataTransfer });
}
