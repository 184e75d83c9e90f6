import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiErrorFilter } from '../common/error.filter';
import { DOCS_CSP, serveWebConsole, WEB_DIST } from './web-console';

@Controller('health')
class StubController {
  @Get()
  get() {
    return { status: 'up' };
  }
}

@Module({ controllers: [StubController], providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }] })
class StubModule {}

const INDEX =
  '<!doctype html><meta property="csp-nonce" nonce="CERTGATE_CSP_NONCE"><script type="module" src="/assets/index-abc123.js" nonce="CERTGATE_CSP_NONCE"></script>';

describe('the web console served by the console', () => {
  let dir: string;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certgate-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await NestFactory.create<NestExpressApplication>(StubModule, { logger: false });
    app.setGlobalPrefix('api/v1');
    serveWebConsole(app, dir);
    // As serveOpenApi in main.ts, after serveWebConsole.
    app.use('/api/docs', (_req: unknown, res: { send(body: string): void }) => res.send('swagger ui'));
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];

  it('answers / with index.html, a fresh nonce in the page and in a strict Content-Security-Policy, not cached', async () => {
    const first = await fetch(`${base}/`);
    const second = await fetch(`${base}/`);
    const [a, b] = [await first.text(), await second.text()];
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/html/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(a).not.toContain('CERTGATE_CSP_NONCE');
    const nonce = nonceOf(a);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(b)).not.toBe(nonce);
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "script-src 'self'",
        `style-src 'self' 'nonce-${nonce}'`,
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers every client route (and /index.html) with index.html', async () => {
    for (const path of ['/roles', '/trusted-roots', '/a/deep/route', '/index.html']) {
      const res = await fetch(`${base}${path}`);
      expect({ path, status: res.status, page: (await res.text()).startsWith('<!doctype html>') }).toEqual({ path, status: 200, page: true });
    }
  });

  it('serves hashed assets for a year, other files not cached, and a missing file as a 404', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${base}/assets/nope-123.js`);
    expect(missing.status).toBe(404);
  });

  it('leaves the API alone: its routes, and an unknown API route is the JSON 404, not the page', async () => {
    const health = await fetch(`${base}/api/v1/health`);
    expect(await health.json()).toEqual({ status: 'up' });
    const unknown = await fetch(`${base}/api/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('not_found');
    const post = await fetch(`${base}/roles`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it("gives Swagger UI (/api/docs) a policy of its own: scripts still only the console's, inline styles allowed", async () => {
    const res = await fetch(`${base}/api/docs`);
    expect(await res.text()).toBe('swagger ui');
    expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP);
    expect(DOCS_CSP).toContain("script-src 'self';");
    expect(DOCS_CSP).not.toContain('unsafe-eval');
  });

  it('says how to build the web console when it is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'certgate-web-empty-'));
    const bare = await NestFactory.create<NestExpressApplication>(StubModule, { logger: false });
    serveWebConsole(bare, empty);
    await bare.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`${(await bare.getUrl()).replace('[::1]', '127.0.0.1')}/`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('npx nx build web');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('finds apps/web/dist from its own place in the tree', () => {
    expect(WEB_DIST).toBe(join(__dirname, '..', '..', '..', '..', 'web', 'dist'));
    expect(WEB_DIST.endsWith(join('apps', 'web', 'dist'))).toBe(true);
  });
});
