import { Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '../errors/ApiErrorAlert';
import { useAuth } from './AuthProvider';

/**
 * Its children for a signed-in operator; the sign-in page otherwise (coming back here
 * after). While an earlier sign-in is checked (`GET /me`), a loader: the pages need to
 * know what the operator may do before they offer anything.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { principal, checking, checkError, recheck } = useAuth();
  const location = useLocation();
  if (checking)
    return (
      <Center mih="100vh">
        <Loader aria-label="Checking the sign-in" />
      </Center>
    );
  if (checkError)
    return (
      <Center mih="100vh" p="md" component="main">
        <Stack maw={560}>
          <ApiErrorAlert error={checkError} title="Could not check the sign-in" />
          <Button onClick={recheck} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Center>
    );
  // Back here after sign-in, filters and all (the sign-in page passes it to single sign-on as `return`).
  if (!principal) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}
