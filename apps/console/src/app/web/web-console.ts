import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The web console (apps/web, built to apps/web/dist) served at `/`, beside the API at
 * /api/v1 and Swagger UI at /api/docs (docs/web-console.md).
 *
 * - `index.html` for `/`, `/index.html` and every client route (a path without a file
 *   extension outside /api): `no-cache`, with a fresh CSP nonce per response written in
 *   place of Vite's `CERTGATE_CSP_NONCE` placeholder (`<meta property="csp-nonce">`, read by
 *   the app for the <style> elements Mantine injects).
 * - `/assets/*` (content-hashed names): a year, `immutable`; other files (favicon): `no-cache`.
 * - Every web response carries {@link webCsp}; Swagger UI's pages carry {@link DOCS_CSP}.
 */

/** Where `vite build` writes the web console, from this file (the same in the checkout and in the image). */
export const WEB_DIST = resolve(__dirname, '..', '..', '..', '..', 'web', 'dist');

const NONCE_PLACEHOLDER = /CERTGATE_CSP_NONCE/g;

/**
 * The web console's policy. Scripts only from the console (no inline script, no eval);
 * styles from the console's files and the <style> elements that carry this response's
 * nonce (Mantine's CSS variables and responsive styles, the scroll lock); the API of the
 * same origin; nothing framed, embedded or redirected by a <base>. Files other than
 * index.html (scripts, styles, the favicon) get it without a nonce.
 */
export function webCsp(nonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Swagger UI's policy: its scripts are files of the console as well, but its page has an
 * inline <style> and `style` attributes, so styles allow 'unsafe-inline' there (and only there).
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const YEAR = 'public, max-age=31536000, immutable';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');
/** A client route of the single-page app: no file extension in its last segment. */
const isClientRoute = (path: string) => !isApi(path) && !/\.[^/]*$/.test(path);

function securityHeaders(res: Response, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/** Registers the web console and the policies (before `serveOpenApi`, whose routes then get the docs policy). */
export function serveWebConsole(app: NestExpressApplication, dir: string = WEB_DIST): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isDocs(req.path)) securityHeaders(res, DOCS_CSP);
    next();
  });

  // index.html, fresh for every response: the nonce changes each time.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !(req.path === '/index.html' || isClientRoute(req.path))) return next();
    readFile(join(dir, 'index.html'), 'utf8').then(
      (html) => {
        const nonce = randomBytes(16).toString('base64');
        securityHeaders(res, webCsp(nonce));
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').send(html.replace(NONCE_PLACEHOLDER, nonce));
      },
      () => {
        res
          .status(404)
          .type('text')
          .send(`The web console is not built (no ${join(dir, 'index.html')}): run \`npx nx build web\`; \`npm start\` builds it.\n`);
      },
    );
  });

  app.useStaticAssets(dir, {
    index: false,
    fallthrough: true,
    redirect: false,
    setHeaders: (res, path) => {
      securityHeaders(res as unknown as Response, webCsp());
      res.setHeader('Cache-Control', path.startsWith(join(dir, 'assets') + '/') ? YEAR : 'no-cache');
    },
  });
}
