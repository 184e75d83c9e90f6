// The admin token lives in sessionStorage only: gone when the tab closes, never in a URL,
// never written to the console or a log. Sign-out removes it.
const KEY = 'certgate.console.admin-token';

/** Fired when the console refuses the stored token before React is up (boot.ts); AuthProvider signs out on it. */
export const UNAUTHORIZED_EVENT = 'certgate:unauthorized';

export const tokenStore = {
  read(): string | undefined {
    try {
      return sessionStorage.getItem(KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  write(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // storage disabled: nothing was kept
    }
  },
};
