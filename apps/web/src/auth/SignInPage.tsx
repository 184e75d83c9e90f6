import { Alert, Anchor, Button, Center, Code, Divider, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle, IconLogin2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { toApiError, type ApiError } from '../api/errors';
import { ApiErrorAlert, FieldErrorText } from '../errors/ApiErrorAlert';
import { useAuth } from './AuthProvider';

/** Where to go once signed in: the page that sent the browser here, never this page itself. */
function returnPath(state: unknown): string {
  const from = (state as { from?: string } | null)?.from;
  return from && !from.startsWith('/sign-in') ? from : '/';
}

/** "Sign in with <label>", when the console has single sign-on: a plain link, the console redirects to the provider. */
function SingleSignOn({ returnTo }: { returnTo: string }) {
  const { $api } = useApi();
  // Public (no session needed); without an answer the page simply offers the token.
  const config = $api.useQuery('get', '/api/v1/auth/config', undefined, { staleTime: Infinity, retry: false });
  const sso = config.data?.sso;
  if (!sso?.enabled) return null;
  return (
    <>
      <Button component="a" href={`${sso.loginUrl}?return=${encodeURIComponent(returnTo)}`} leftSection={<IconLogin2 size={18} aria-hidden />} size="md">
        Sign in with {sso.label}
      </Button>
      <Divider label="or with a token" labelPosition="center" />
    </>
  );
}

/**
 * Signs in: single sign-on when the console offers it, or a token (the admin token or an
 * operator's API token) traded for a session cookie (`POST /auth/session`). A failed
 * single sign-on comes back here with `?error=<why>`.
 */
export function SignInPage() {
  const { principal, checking, signIn, signedOutReason } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  const ssoError = params.get('error');
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { token: '' },
    validate: { token: (v) => (v.trim() ? null : 'Enter the admin token or an API token') },
  });
  const [error, setError] = useState<ApiError>();
  const returnTo = returnPath(location.state);

  if (principal) return <Navigate to={returnTo} replace />;
  if (checking)
    return (
      <Center mih="100vh">
        <Loader aria-label="Checking the sign-in" />
      </Center>
    );

  const submit = form.onSubmit(async ({ token }) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(token);
    } catch (err) {
      // A 401 is about the token: next to the field. Anything else (the console down) above the form.
      const e = toApiError(err);
      if (e.status === 401) form.setFieldError('token', <FieldErrorText message={e.message} code={e.code} />);
      else setError(e);
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440}>
        <Stack>
          <Title order={1} size="h2">
            Sign in to certgate
          </Title>
          {signedOutReason && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} role="status" title="Signed out">
              {signedOutReason}
            </Alert>
          )}
          {ssoError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title="Single sign-on did not sign you in">
              {ssoError}
            </Alert>
          )}
          <SingleSignOn returnTo={returnTo} />
          <form onSubmit={submit} noValidate>
            <Stack>
              <ApiErrorAlert error={error} title="Could not sign in" />
              <PasswordInput
                label="Admin token or API token"
                description={
                  <>
                    The console&apos;s <Code>CERTGATE_ADMIN_TOKEN</Code>, which <Code>npm start</Code> prints, or an operator&apos;s API token,{' '}
                    <Code>cgt.…</Code>
                  </>
                }
                autoComplete="off"
                data-autofocus
                key={form.key('token')}
                {...form.getInputProps('token')}
              />
              <Button type="submit" loading={busy}>
                Sign in
              </Button>
            </Stack>
          </form>
          <Text size="xs" c="dimmed">
            Signing in makes a session of this browser: a cookie no script can read, not the token, which is not kept. It ends when you sign out, when it
            expires, or when its token is revoked. The API is described at{' '}
            <Anchor href="/api/docs" size="xs">
              /api/docs
            </Anchor>
            .
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
