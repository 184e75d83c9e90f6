import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './AuthProvider';

/** Its children for a signed-in operator; the sign-in page otherwise (coming back here after). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { principal } = useAuth();
  const location = useLocation();
  if (!principal) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
