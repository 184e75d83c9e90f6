// `npm run bench:web`: the web console's performance budget (issue 17), measured, not
// asserted by a timed test. Builds the web app into a directory of its own, reports the
// initial JavaScript (what index.html loads before any page: the entry chunk, its
// modulepreloads and their static imports; not the lazy page chunks) gzipped against
// 300 KB, then measures in headless Chromium how long the keystore page with 2,000
// entries and the certificates page with 10,000 certificates take from navigation until
// their table's first rows are on screen, against 1 s (median of BENCH_WEB_RUNS, 5).
//
// The built app is served by a small server of this script; the API it calls answers
// generated fixtures of the API's shapes (checked against the console's OpenAPI
// document), and any other route its OpenAPI example: what is measured is the page's
// code, not the API. Exits non-zero when a budget is missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { PERMISSIONS } from '@certgate/contracts';
import { CHROMIUM, createTestPki, launchChromium, OpenApiResponseValidator, REPO_ROOT, type OpenApiDocument } from '@certgate/testing';

/** 300 KB, with 1 KB = 1000 bytes (the stricter reading). */
const INITIAL_JS_BUDGET_BYTES = 300_000;
const RENDER_BUDGET_MS = 1000;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
/**
 * `GET /me` of a signed-in administrator: the web console asks it first (with its session
 * cookie, which this server does not need to check) to know it is signed in and what it may do.
 */
const SIGNED_IN_ADMIN = { kind: 'session', via: 'token', roles: ['admin'], permissions: [...PERMISSIONS], csrfToken: 'bench-csrf-token' };
const DAY = 86_400_000;
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
];

const out = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------- build and size

function build(outDir: string): void {
  out(`building the web console into ${outDir} ...`);
  const res = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status})`);
}

interface Chunk {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * What index.html loads before any page: its module scripts and modulepreloads, and every
 * chunk those import statically (`import … from "./x.js"`), not the ones they import
 * dynamically (`import("./x.js")`: the pages).
 */
function initialJavaScript(dir: string): Chunk[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ];
  const seen = new Set<string>();
  const queue = entries.map((src) => src.replace(/^\//, ''));
  const chunks: Chunk[] = [];
  while (queue.length) {
    const file = normalize(queue.shift() as string);
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file));
    chunks.push({ file, bytes: code.length, gzipBytes: gzipSync(code).length });
    const text = code.toString('utf8');
    const here = file.slice(0, file.lastIndexOf('/') + 1);
    // Static imports and re-exports only; `import(` is a dynamic import (a lazy chunk).
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(join(here, m[1]));
  }
  return chunks;
}

// ---------------------------------------------------------------- fixtures

type Json = unknown;

function pseudoRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hex = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');

/** `n` keystore entries as GET /keystore/entries answers them: key pairs and trusted certificates, some expired, some expiring. */
function keystoreEntries(n: number, pem: { leaf: string; root: string }, now = Date.now()): Json[] {
  const rand = pseudoRandom(2000);
  return Array.from({ length: n }, (_, i) => {
    const keyPair = i % 3 === 0;
    // Mostly valid, 5% expiring within 30 days, 5% expired.
    const r = rand();
    const daysLeft = r < 0.05 ? -Math.ceil(rand() * 200) : r < 0.1 ? Math.ceil(rand() * 29) : 31 + Math.floor(rand() * 700);
    const notAfter = new Date(now + daysLeft * DAY).toISOString();
    const notBefore = new Date(now + (daysLeft - 365) * DAY).toISOString();
    const status = daysLeft <= 0 ? 'expired' : daysLeft <= 30 ? 'expiring' : 'valid';
    const alias = i === 0 ? 'certgate_system' : `${keyPair ? 'to-receiver' : 'receiver-root'}-${String(i).padStart(4, '0')}`;
    const subjectDN = keyPair ? `CN=acme-tenant-${i}, O=Acme, C=DE` : `CN=Receiver ${i} Root CA, O=Receiver ${i % 97}, C=DE`;
    return {
      alias,
      kind: keyPair ? 'key-pair' : 'certificate',
      owner: i === 0 ? 'system' : 'tenant',
      subjectDN,
      issuerDN: keyPair ? `CN=Partner CA ${i % 13}, O=Partner` : subjectDN,
      serialNumber: hex(rand, 32),
      notBefore,
      notAfter,
      fingerprint: hex(rand, 64),
      chainPem: keyPair ? pem.leaf : pem.root,
      ...(keyPair && { keyAlgorithm: i % 2 ? 'EC P-256' : 'RSA 2048' }),
      createdAt: notBefore,
      updatedAt: notBefore,
      status,
      chainLength: keyPair ? 2 : 1,
    };
  });
}

const SOURCES = ['keystore', 'service-key', 'user-mapping', 'flow', 'ingress-trusted-root', 'ingress-server-chain'] as const;

/** `n` certificates as GET /certificates?sort=expiry answers them: every source, soonest expiry first. */
function inventory(n: number, now = Date.now()): Json[] {
  const rand = pseudoRandom(10_000);
  const list = Array.from({ length: n }, (_, i) => {
    const r = rand();
    const daysLeft = r < 0.03 ? -Math.ceil(rand() * 100) : r < 0.1 ? Math.ceil(rand() * 29) : 31 + Math.floor(rand() * 730);
    const source = SOURCES[i % SOURCES.length];
    const cn = `${source}-subject-${i}`;
    return {
      source,
      ref: `${source}/${i}`,
      subjectDN: `CN=${cn}, O=Acme ${i % 41}, C=DE`,
      issuerDN: `CN=Issuing CA ${i % 7}, O=Acme, C=DE`,
      subjectCN: cn,
      issuerCN: `Issuing CA ${i % 7}`,
      serial: hex(rand, 20),
      fingerprint: hex(rand, 64),
      notBefore: new Date(now + (daysLeft - 365) * DAY).toISOString(),
      notAfter: new Date(now + daysLeft * DAY).toISOString(),
      status: daysLeft <= 0 ? 'expired' : daysLeft <= 30 ? 'expiring' : 'valid',
      daysLeft,
      muted: source === 'flow' && i % 12 === 3,
    };
  });
  return list.sort((a, b) => a.daysLeft - b.daysLeft);
}

// ---------------------------------------------------------------- the server

interface Fixture {
  body: string;
  count: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The built app (index.html for any path without a file), and the API: the fixtures, or the OpenAPI example of the route. */
function serve(dir: string, fixtures: Map<string, Fixture>, document: OpenApiDocument, validator: OpenApiResponseValidator): Promise<Server> {
  const index = readFileSync(join(dir, 'index.html'));
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const fixture = fixtures.get(`${req.method} ${url.pathname}`);
      const template = validator.templateOf(req.method ?? 'GET', url.pathname);
      const op = template
        ? (document.paths[template][(req.method ?? 'get').toLowerCase()] as { responses?: Record<string, { content?: Record<string, { example?: Json }> }> })
        : undefined;
      const example = op?.responses?.['200']?.content?.['application/json']?.example;
      const body = fixture?.body ?? (example === undefined ? undefined : JSON.stringify(example));
      if (body === undefined) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'not_found', message: `no fixture for ${req.method} ${url.pathname}` }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(body);
      return;
    }
    const file = normalize(join(dir, url.pathname));
    if (file.startsWith(dir) && extname(file) && existsSync(file)) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(readFileSync(file));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(index);
  };
  return new Promise((resolve) => {
    const server = createServer(handle);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------- the render measurement

interface PageCase {
  name: string;
  path: string;
  /** The accessible name of the page's table (ListTable's label). */
  table: string;
  records: number;
}

interface Sample {
  /** Navigation start → the first rows painted. */
  firstRowsMs: number;
  /** Navigation start → DOMContentLoaded (the entry script has run). */
  domContentLoadedMs: number;
  /** Navigation start → the list's API request sent. */
  apiStartMs: number;
  /** Navigation start → the list's API answer received. */
  apiDoneMs: number;
  /** What the table's pager says ("1–25 of 2000"). */
  pager: string;
  /** The same page reloaded in the same tab (HTTP and code caches warm): navigation start → first rows. */
  reloadMs: number;
}

/**
 * In the page before its scripts: records when the table's first data rows are on screen
 * (after the frame that paints them). It looks once per frame, as the browser paints: a
 * look per DOM mutation forced a layout each time and cost the page 60 ms itself.
 */
const firstRowsProbe = (table: string) => `(() => {
  const selector = ${JSON.stringify(`[aria-label="${table}"]`)};
  const check = () => {
    const table = document.querySelector(selector);
    const row = table && table.querySelector('tbody tr');
    if (!row || row.querySelectorAll('td').length < 2 || !row.textContent.trim() || row.getBoundingClientRect().height === 0) return requestAnimationFrame(check);
    requestAnimationFrame(() => setTimeout(() => { window.__firstRows = performance.now(); }, 0));
  };
  requestAnimationFrame(check);
})();`;

async function measure(browser: Browser, origin: string, c: PageCase, apiPath: string): Promise<Sample> {
  // A fresh context each time: nothing cached, as a new operator opens the page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(firstRowsProbe(c.table));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // BENCH_WEB_TRACE=<dir>: a Chrome trace of each run (open it in chrome://tracing or DevTools' Performance panel).
    const traceDir = process.env.BENCH_WEB_TRACE;
    if (traceDir) await browser.startTracing(page, { path: join(traceDir, `${c.path.slice(1)}-${Date.now()}.json`), categories: TRACE_CATEGORIES });
    await page.goto(`${origin}${c.path}`);
    await page.waitForFunction('window.__firstRows !== undefined', undefined, { timeout: 30_000 }).catch(() => {
      throw new Error(`${c.name}: no row of the table "${c.table}" within 30 s${errors.length ? ` (${errors.join('; ')})` : ''}`);
    });
    const firstRowsMs = (await page.evaluate('window.__firstRows')) as number;
    const [domContentLoadedMs, apiStartMs, apiDoneMs] = (await page.evaluate(
      `(() => { const api = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === ${JSON.stringify(apiPath)}) || { startTime: NaN, responseEnd: NaN };
        return [performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, api.startTime, api.responseEnd]; })()`,
    )) as number[];
    if (traceDir) await browser.stopTracing();
    const pager = ((await page.evaluate(`(document.body.innerText.match(/\\d+\\s*[–-]\\s*\\d+ of \\d+/) || [''])[0]`)) as string).trim();
    await page.reload();
    await page.waitForFunction('window.__firstRows !== undefined', undefined, { timeout: 30_000 });
    const reloadMs = (await page.evaluate('window.__firstRows')) as number;
    return { firstRowsMs, domContentLoadedMs, apiStartMs, apiDoneMs, pager, reloadMs };
  } finally {
    await context.close();
  }
}

/**
 * An operator in the console goes to the page: a fresh tab opens the Roles page, then the
 * page's navigation link is clicked (in the page, so the clock is the page's). Click →
 * first rows on screen; the page's chunk and list were not loaded before.
 */
async function measureNavigation(browser: Browser, origin: string, c: PageCase & { label: string }): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/roles`);
    await page.getByRole('table', { name: 'Roles' }).locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await page.evaluate(
      `(() => { window.__firstRows = undefined; ${firstRowsProbe(c.table)}; window.__navStart = performance.now();
        document.querySelector('nav[aria-label="Pages"] a[href="${c.path}"]').click(); })()`,
    );
    await page.waitForFunction('window.__firstRows !== undefined', undefined, { timeout: 30_000 });
    return (await page.evaluate('window.__firstRows - window.__navStart')) as number;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function main(): Promise<void> {
  const started = Date.now();
  const outDir = mkdtempSync(join(tmpdir(), 'certgate-web-budget-'));
  const verdicts: { what: string; ok: boolean }[] = [];
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    build(outDir);

    // 1. Initial JavaScript.
    const chunks = initialJavaScript(outDir);
    const gz = chunks.reduce((s, c) => s + c.gzipBytes, 0);
    out();
    out('initial JavaScript (index.html: entry, modulepreloads, their static imports), gzip level 6:');
    for (const c of chunks) out(`  ${c.file.padEnd(40)} ${kb(c.bytes).padStart(10)}  gzipped ${kb(c.gzipBytes).padStart(9)}`);
    const initialOk = gz <= INITIAL_JS_BUDGET_BYTES;
    out(`  total gzipped ${kb(gz)} — budget ${kb(INITIAL_JS_BUDGET_BYTES)}: ${initialOk ? 'met' : 'MISSED'}`);
    verdicts.push({ what: `initial JavaScript ${kb(gz)} gzipped ≤ ${kb(INITIAL_JS_BUDGET_BYTES)}`, ok: initialOk });

    // 2. Render times.
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    const document = JSON.parse(readFileSync(join(REPO_ROOT, 'apps', 'console', 'openapi.json'), 'utf8')) as OpenApiDocument;
    const validator = new OpenApiResponseValidator(document);
    const pki = await createTestPki({ name: 'web budget' });
    const leaf = await pki.issueClient('acme-tenant');
    const keystore = keystoreEntries(2000, { leaf: leaf.chainPem, root: pki.root.certPem });
    const certificates = inventory(10_000);
    const fixtures = new Map<string, Fixture>();
    for (const [path, body] of [
      ['/api/v1/keystore/entries', keystore],
      ['/api/v1/certificates', certificates],
    ] as const) {
      const problems = validator.check({ method: 'GET', path, status: 200, contentType: 'application/json', body });
      if (problems.length) throw new Error(`the fixture of ${path} is not what the API answers:\n${problems.slice(0, 5).join('\n')}`);
      fixtures.set(`GET ${path}`, { body: JSON.stringify(body), count: (body as Json[]).length });
    }
    fixtures.set('GET /api/v1/me', { body: JSON.stringify(SIGNED_IN_ADMIN), count: 1 });
    server = await serve(outDir, fixtures, document, validator);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();

    const cases: (PageCase & { api: string })[] = [
      { name: 'keystore, 2,000 entries', path: '/keystore', table: 'Keystore entries', records: 2000, api: '/api/v1/keystore/entries' },
      { name: 'certificates, 10,000 certificates', path: '/certificates', table: 'Certificates', records: 10_000, api: '/api/v1/certificates' },
    ];
    out();
    out(`render time in headless Chromium (1280×900, a fresh context per run, one warm-up run, median of ${RUNS}): navigation → first rows on screen`);
    for (const c of cases) {
      await measure(browser, origin, c, c.api); // warm-up: the OS file cache, Chromium's code cache of its own
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, origin, c, c.api));
      const times = samples.map((s) => s.firstRowsMs);
      const med = median(times);
      const pagers = [...new Set(samples.map((s) => s.pager))];
      const complete = pagers.length === 1 && pagers[0]?.endsWith(`of ${c.records}`);
      const ok = med <= RENDER_BUDGET_MS && complete;
      const m = (pick: (s: Sample) => number) => median(samples.map(pick)).toFixed(0);
      out(
        `  ${c.name.padEnd(36)} median ${med.toFixed(0).padStart(5)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}) — budget ${RENDER_BUDGET_MS} ms: ${ok ? 'met' : 'MISSED'}` +
          (complete ? '' : ` (the table does not list all ${c.records} records: pager "${pagers.join('", "')}")`),
      );
      out(`    runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms; pager "${pagers.join('", "')}"`);
      out(
        `    medians: DOMContentLoaded ${m((s) => s.domContentLoadedMs)} ms, API request sent ${m((s) => s.apiStartMs)} ms, API answer in ${m((s) => s.apiDoneMs)} ms, first rows ${med.toFixed(0)} ms`,
      );
      verdicts.push({ what: `${c.name}, first visit (nothing cached), renders in ${med.toFixed(0)} ms ≤ ${RENDER_BUDGET_MS} ms`, ok });

      const reload = median(samples.map((s) => s.reloadMs));
      const reloadOk = reload <= RENDER_BUDGET_MS;
      out(`    reloaded in the same tab (caches warm): median ${reload.toFixed(0)} ms — budget ${RENDER_BUDGET_MS} ms: ${reloadOk ? 'met' : 'MISSED'}`);
      verdicts.push({ what: `${c.name}, reloaded, renders in ${reload.toFixed(0)} ms ≤ ${RENDER_BUDGET_MS} ms`, ok: reloadOk });

      const navs: number[] = [];
      for (let i = 0; i < RUNS; i++) navs.push(await measureNavigation(browser, origin, { ...c, label: c.name }));
      const nav = median(navs);
      const navOk = nav <= RENDER_BUDGET_MS;
      out(
        `    opened from the navigation (click → first rows): median ${nav.toFixed(0)} ms (${navs.map((t) => t.toFixed(0)).join(', ')}) — budget ${RENDER_BUDGET_MS} ms: ${navOk ? 'met' : 'MISSED'}`,
      );
      verdicts.push({ what: `${c.name}, opened from the navigation, renders in ${nav.toFixed(0)} ms ≤ ${RENDER_BUDGET_MS} ms`, ok: navOk });
    }
  } finally {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(outDir, { recursive: true, force: true });
  }
  out();
  for (const v of verdicts) out(`${v.ok ? 'met   ' : 'MISSED'}  ${v.what}`);
  out(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (verdicts.some((v) => !v.ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:web failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
