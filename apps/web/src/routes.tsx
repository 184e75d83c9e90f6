import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError, type RouteObject } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { SignInPage } from './auth/SignInPage';
import { Shell } from './layout/Shell';
import { PAGES } from './pages/registry';

function NotFound() {
  return (
    <Stack>
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>There is no page at this address.</Text>
      <Button component={Link} to="/" w="fit-content">
        Go to the overview
      </Button>
    </Stack>
  );
}

/** A page that failed to render (or its code failed to load): say so instead of a blank screen. */
function RouteError() {
  const err = useRouteError();
  const message = isRouteErrorResponse(err) ? `${err.status} ${err.statusText}` : err instanceof Error ? err.message : String(err);
  return (
    <Center mih="60vh" p="md">
      <Stack maw={560}>
        <Title order={1} size="h2">
          Something went wrong
        </Title>
        <Text role="alert">{message}</Text>
        <Button onClick={() => window.location.reload()} w="fit-content">
          Reload
        </Button>
      </Stack>
    </Center>
  );
}

/** Every route: the sign-in page, and the pages of the registry inside the shell. */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      ...PAGES.map((p) => ({
        path: p.path,
        element: (
          <RequirePermission permission={p.permission} label={p.label}>
            <p.component />
          </RequirePermission>
        ),
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
];
