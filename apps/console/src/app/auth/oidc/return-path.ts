const BASE = 'http://console.invalid';

/** The web console's page for a failed single sign-on, with the reason it shows. */
export const signInErrorPath = (message: string) => `/sign-in?error=${encodeURIComponent(message)}`;

const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to send the browser after single sign-on: a path of the console itself, never
 * another site (`//evil.example`, `https://evil.example`, `/\evil.example` all leave
 * it). Undefined for anything else.
 */
export function safeReturnPath(raw: string): string | undefined {
  // Browsers read `\` as `/`, and drop tabs and newlines before parsing (`/\t/evil.example` is `//evil.example`).
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || hasControlCharacter(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return undefined;
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : undefined;
}
