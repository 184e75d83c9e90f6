import { Alert, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { toApiError } from '../api/errors';

export interface ApiErrorAlertProps {
  /** What failed: an ApiError, or anything a call threw (`query.error`, `mutation.error`); nothing shows when it is empty. */
  error: unknown;
  /** What was being done ("Could not delete role 'x'"). */
  title: string;
  /** More about the error, under its message (e.g. who uses a role). */
  children?: ReactNode;
  onClose?: () => void;
}

/**
 * An API error where it happened: the title, the console's message and its domain code
 * (docs/errors.md), with `role="alert"` so screen readers announce it.
 */
export function ApiErrorAlert({ error, title, children, onClose }: ApiErrorAlertProps) {
  if (error === undefined || error === null) return null;
  const err = toApiError(error);
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel="Dismiss"
      data-error-code={err.code}
    >
      <Text size="sm">{err.message}</Text>
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          code
        </Text>
        <Code>{err.code}</Code>
        {err.status > 0 && (
          <Text size="xs" c="dimmed">
            HTTP {err.status}
          </Text>
        )}
      </Group>
      {children}
    </Alert>
  );
}

/** An error next to a form field: the message and the code. */
export function FieldErrorText({ message, code }: { message: string; code: string }) {
  return (
    <>
      {message} <Code>{code}</Code>
    </>
  );
}
