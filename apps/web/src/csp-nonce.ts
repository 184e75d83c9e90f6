import { setNonce } from 'get-nonce';

/**
 * The nonce of this page's Content-Security-Policy: the console writes a fresh one into
 * index.html's `<meta property="csp-nonce">` for every response (Vite's html.cspNonce).
 * Mantine puts it on the <style> elements it injects (getStyleNonce), and get-nonce on the
 * scroll lock's. Without the console (vite dev, tests) there is no policy and no nonce.
 */
const meta = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
export const cspNonce: string | undefined = meta?.nonce || undefined;

if (cspNonce) setNonce(cspNonce);
