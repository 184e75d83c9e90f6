import { Alert, Anchor, Button, Center, Code, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { toApiError, type ApiError } from '../api/errors';
import { ApiErrorAlert, FieldErrorText } from '../errors/ApiErrorAlert';
import { useAuth } from './AuthProvider';

/** Asks for the admin token, checks it with GET /api/v1/health, keeps it for this tab. */
export function SignInPage() {
  const { principal, signIn, signedOutReason } = useAuth();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { token: '' },
    validate: { token: (v) => (v.trim() ? null : 'Enter the admin token') },
  });
  const [error, setError] = useState<ApiError>();

  if (principal) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/sign-in' ? from : '/'} replace />;
  }

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
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sign in to certgate
            </Title>
            {signedOutReason && (
              <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} role="status" title="Signed out">
                {signedOutReason}
              </Alert>
            )}
            <ApiErrorAlert error={error} title="Could not sign in" />
            <PasswordInput
              label="Admin token"
              description={
                <>
                  The console&apos;s <Code>CERTGATE_ADMIN_TOKEN</Code>. <Code>npm start</Code> prints it.
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
            <Text size="xs" c="dimmed">
              The token is kept in this browser tab only and forgotten when you sign out or close the tab. The API is described at{' '}
              <Anchor href="/api/docs" size="xs">
                /api/docs
              </Anchor>
              .
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
