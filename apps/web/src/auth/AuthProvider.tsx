import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiProvider } from '../api/ApiProvider';
import { createApiClient } from '../api/client';
import type { ApiError } from '../api/errors';
import { tokenStore, UNAUTHORIZED_EVENT } from './token-store';

/**
 * Who is signed in. Today the only kind is the admin token; per-operator tokens will add
 * `{ kind: 'operator', name, roles }` here, and pages that check `can(...)` need no change.
 */
export type Principal = { kind: 'admin-token' };

export interface Auth {
  principal: Principal | undefined;
  /** Checks the token with GET /api/v1/health and keeps it for this tab; rejects with the ApiError (401 for a wrong token). */
  signIn(token: string): Promise<void>;
  /** Forgets the token and everything loaded with it; `reason` is shown on the sign-in page. */
  signOut(reason?: string): void;
  /** Why the operator was signed out when it was not their own doing (a 401). */
  signedOutReason: string | undefined;
  /**
   * Whether the principal may do an action (`'<area>:write'`: `roles:write`,
   * `trusted-roots:write`, ...); pages hide or disable what it may not. The admin token
   * may do everything; per-operator roles will narrow it here, not in the pages.
   */
  can(action: string): boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export const SESSION_ENDED = 'The console no longer accepts the admin token (401 unauthorized): sign in again.';

/** Holds the sign-in state and gives the pages an API client that sends the token (ApiProvider). */
export function AuthProvider({ children, fetch }: { children: ReactNode; fetch?: typeof globalThis.fetch }) {
  const queryClient = useQueryClient();
  const token = useRef(tokenStore.read());
  const [principal, setPrincipal] = useState<Principal | undefined>(token.current ? { kind: 'admin-token' } : undefined);
  const [signedOutReason, setSignedOutReason] = useState<string>();

  const signOut = useCallback(
    (reason?: string) => {
      token.current = undefined;
      tokenStore.clear();
      queryClient.clear();
      setSignedOutReason(reason);
      setPrincipal(undefined);
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (candidate: string) => {
      const value = candidate.trim();
      await createApiClient({ token: () => value, fetch }).GET('/api/v1/health');
      token.current = value;
      tokenStore.write(value);
      setSignedOutReason(undefined);
      setPrincipal({ kind: 'admin-token' });
    },
    [fetch],
  );

  const onUnauthorized = useCallback((_err: ApiError) => signOut(SESSION_ENDED), [signOut]);
  useEffect(() => {
    const onBootUnauthorized = () => signOut(SESSION_ENDED);
    window.addEventListener(UNAUTHORIZED_EVENT, onBootUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onBootUnauthorized);
  }, [signOut]);
  const readToken = useCallback(() => token.current, []);
  const can = useCallback((_action: string) => principal?.kind === 'admin-token', [principal]);

  const value = useMemo(() => ({ principal, signIn, signOut, signedOutReason, can }), [principal, signIn, signOut, signedOutReason, can]);
  return (
    <AuthContext.Provider value={value}>
      <ApiProvider token={readToken} onUnauthorized={onUnauthorized} fetch={fetch}>
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
