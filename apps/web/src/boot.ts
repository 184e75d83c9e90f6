import type { QueryClient } from '@tanstack/react-query';
import { createApiClient, createApiHooks } from './api/client';
import { startSessionCheck } from './auth/session-check';
import { pageAt } from './pages/registry';

/**
 * Render-as-you-fetch for the page the browser opened: its chunk, whether the browser is
 * signed in (`GET /me` with the session cookie) and its main list are asked for at once,
 * before React renders anything; the first render waits for the chunk (so the page never
 * flashes a spinner and then waits on its own list). Measured on the keystore page with
 * 2,000 entries: the list went out 960 ms after navigation when the page asked for it,
 * ~400 ms from here; asking for it only once `/me` had answered cost 150-450 ms more.
 * Signed out, the list is refused (401, and nothing signs out: this client has no
 * onUnauthorized); signing in clears what it left in the cache.
 */
export async function bootPage(queryClient: QueryClient, pathname: string): Promise<void> {
  const page = pageAt(pathname);
  const client = createApiClient();
  void startSessionCheck(client);
  void page?.prefetch?.(queryClient, createApiHooks(client));
  // A chunk that fails to load is the page's error to show (routes.tsx), not the boot's.
  await page?.load().catch(() => undefined);
}
