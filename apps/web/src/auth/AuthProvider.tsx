import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiProvider } from '../api/ApiProvider';
import { createApiClient } from '../api/client';
import { toApiError, type ApiError } from '../api/errors';
import type { Me, Permission } from './permissions';
import { checkSession, takeStartedSessionCheck } from './session-check';

/**
 * Who is signed in, as `GET /api/v1/me` says: a session of the web console
 * (`kind: 'session'`), made from the admin token, an operator's API token or single
 * sign-on (`via`), with its operator, roles and the permissions they grant.
 */
export type Principal = Me;

export interface Auth {
  principal: Principal | undefined;
  /** True while the app asks whether this browser is signed in (`GET /me` when it starts). */
  checking: boolean;
  /** That check failed without a verdict (the console did not answer): RequireAuth offers to try again. */
  checkError: ApiError | undefined;
  /** Checks the sign-in again after `checkError`. */
  recheck(): void;
  /** Trades the token for a session cookie (`POST /auth/session`); rejects with the ApiError (401 for a wrong token). */
  signIn(token: string): Promise<void>;
  /** Ends the session on the console (`DELETE /auth/session`) and forgets everything loaded with it. */
  signOut(): Promise<void>;
  /** Why the operator was signed out when it was not their own doing (a 401), or why the sign-out was not confirmed. */
  signedOutReason: string | undefined;
  /**
   * Whether the principal's roles grant `permission` (`roles:write`, `keystore:read`, ...),
   * from the list `GET /me` gave. Pages hide or disable what it may not do
   * (components/Permitted.tsx); the console refuses it anyway (403).
   */
  can(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/** The sign-in page's note after a 401, with the console's reason (expired, revoked, operator disabled, signed out elsewhere, ...). */
const sessionEnded = (err: ApiError) => `The console no longer accepts this sign-in: ${err.message} (401 unauthorized). Sign in again.`;

/**
 * Holds the sign-in state and gives the pages an API client (ApiProvider) that goes with
 * the session cookie. The page keeps no token: the cookie is httpOnly, and the session's
 * CSRF token, which every change must send, lives in memory only (after a reload `GET
 * /me` answers it again).
 */
export function AuthProvider({ children, fetch }: { children: ReactNode; fetch?: typeof globalThis.fetch }) {
  const queryClient = useQueryClient();
  const csrf = useRef<string>(undefined);
  const [principal, setPrincipal] = useState<Principal>();
  const [checking, setChecking] = useState(true);
  const [checkError, setCheckError] = useState<ApiError>();
  const [signedOutReason, setSignedOutReason] = useState<string>();
  const [checks, setChecks] = useState(0);

  const signedIn = useCallback((me: Me, csrfToken = me.csrfToken) => {
    csrf.current = csrfToken;
    setPrincipal(me);
  }, []);

  /** Forgets the session here, and everything loaded with it. */
  const forget = useCallback(
    (reason?: string) => {
      csrf.current = undefined;
      queryClient.clear();
      setSignedOutReason(reason);
      setPrincipal(undefined);
      setChecking(false);
      setCheckError(undefined);
    },
    [queryClient],
  );

  const readCsrf = useCallback(() => csrf.current, []);
  const onUnauthorized = useCallback((err: ApiError) => forget(sessionEnded(err)), [forget]);

  // The roles may have changed since sign-in (an administrator edited the operator): a 403
  // reads `GET /me` again, at most one at a time, so the pages offer what is allowed now.
  const refreshing = useRef(false);
  const onForbidden = useCallback(() => {
    if (refreshing.current || !csrf.current) return;
    refreshing.current = true;
    createApiClient({ fetch, onUnauthorized })
      .GET('/api/v1/me')
      .then(({ data }) => data && csrf.current && signedIn(data, data.csrfToken ?? csrf.current))
      .catch(() => undefined)
      .finally(() => (refreshing.current = false));
  }, [fetch, onUnauthorized, signedIn]);

  // Signed in already (the session cookie of an earlier visit, or single sign-on that just
  // came back)? boot.ts has usually asked; a 401 only means the sign-in page.
  useEffect(() => {
    let current = true;
    setChecking(true);
    setCheckError(undefined);
    (takeStartedSessionCheck() ?? checkSession(createApiClient({ fetch })))
      .then((me) => current && (me ? signedIn(me) : setPrincipal(undefined)))
      .catch((err: unknown) => current && setCheckError(toApiError(err)))
      .finally(() => current && setChecking(false));
    return () => {
      current = false;
    };
  }, [checks, fetch, signedIn]);

  const signIn = useCallback(
    async (candidate: string) => {
      const { data } = await createApiClient({ fetch }).POST('/api/v1/auth/session', { body: { token: candidate.trim() } });
      // The client throws every refusal: a success always has its body.
      if (!data) throw new Error('the console answered the sign-in without a body');
      // Nothing of a session before (a list a boot prefetch was refused) may show in this one.
      queryClient.clear();
      setSignedOutReason(undefined);
      signedIn(data.principal, data.csrfToken);
    },
    [fetch, queryClient, signedIn],
  );

  const signOut = useCallback(async () => {
    try {
      await createApiClient({ fetch, csrfToken: readCsrf }).DELETE('/api/v1/auth/session');
      forget();
    } catch (err) {
      const e = toApiError(err);
      // 401: the session had ended already. Anything else: the cookie may still be good, say so.
      forget(e.status === 401 ? undefined : `The console did not confirm the sign-out: ${e.message} (${e.code}). Sign out again once it answers.`);
    }
  }, [fetch, forget, readCsrf]);

  const can = useCallback((permission: Permission) => principal?.permissions.includes(permission) ?? false, [principal]);
  const recheck = useCallback(() => setChecks((n) => n + 1), []);

  const value = useMemo(
    () => ({ principal, checking, checkError, recheck, signIn, signOut, signedOutReason, can }),
    [principal, checking, checkError, recheck, signIn, signOut, signedOutReason, can],
  );
  return (
    <AuthContext.Provider value={value}>
      <ApiProvider csrfToken={readCsrf} onUnauthorized={onUnauthorized} onForbidden={onForbidden} fetch={fetch}>
        {children}
      </ApiProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
