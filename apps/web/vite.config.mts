// The web console: `vite build` → apps/web/dist (served by the console at `/`), `vitest run`
// for the component tests beside the code (*.test.tsx, jsdom). See apps/web/README.md.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  // The console answers index.html with a fresh nonce per response in place of this
  // placeholder (apps/console/src/app/web/web-console.ts): Mantine and the scroll lock
  // put their <style> elements under it, the Content-Security-Policy allows no other.
  html: { cspNonce: 'CERTGATE_CSP_NONCE' },
  // `vite` (the dev server, with hot reload) sends the API to the console of `npm start`.
  server: { proxy: { '/api': process.env.CERTGATE_CONSOLE_ORIGIN ?? 'http://127.0.0.1:8080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed names under assets/: the console serves them with a year-long cache.
    assetsDir: 'assets',
    sourcemap: false,
    // The entry chunk (React, Mantine, the router, TanStack Query) is about 600 kB, 190 kB
    // gzipped; the budget is on the gzipped size (docs/web-console.md).
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    testTimeout: 20_000,
    reporters: ['default', './vitest-summary-reporter.mts'],
  },
});
