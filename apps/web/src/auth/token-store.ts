// The admin token lives in sessionStorage only: gone when the tab closes, never in a URL,
// never written to the console or a log. Sign-out removes it.
const KEY = 'certgate.console.admin-token';

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
