import type { ApiClient } from '../api/client';
import { toApiError } from '../api/errors';
import type { Me } from './permissions';

/**
 * Whether this browser is signed in: `GET /api/v1/me` with the session cookie. The page
 * cannot tell by itself (the cookie is httpOnly, and nothing else is kept), so the app asks
 * when it starts. Resolves the principal (with the session's CSRF token), undefined for a
 * 401 (no session, or one that ended); rejects when the console gives no verdict.
 */
export async function checkSession(client: ApiClient): Promise<Me | undefined> {
  try {
    return (await client.GET('/api/v1/me')).data;
  } catch (err) {
    if (toApiError(err).status === 401) return undefined;
    throw err;
  }
}

let started: Promise<Me | undefined> | undefined;

/** The check of the app's start, asked by boot.ts before React renders, so the answer is on its way sooner. */
export function startSessionCheck(client: ApiClient): Promise<Me | undefined> {
  started = checkSession(client);
  // Handled where it is taken (AuthProvider); this keeps a rejection from counting as unhandled meanwhile.
  started.catch(() => undefined);
  return started;
}

/** The check boot.ts started, once (AuthProvider takes it instead of asking again); undefined when there is none. */
export function takeStartedSessionCheck(): Promise<Me | undefined> | undefined {
  const check = started;
  started = undefined;
  return check;
}
