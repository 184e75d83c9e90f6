import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../errors/ApiErrorAlert';
import { DialogActions } from './DialogActions';

export interface ConfirmDeleteProps {
  /** What deleting it does, read before confirming (one or more `Text`). */
  explanation: ReactNode;
  /** The failed delete (`mutation.error`); nothing shows until there is one. */
  error: unknown;
  errorTitle: string;
  /** Under the refusal's message: what still holds the thing (from the error's details). */
  children?: ReactNode;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel?: string;
  /**
   * False where a refusal names what still holds the thing: trying again fails the same
   * way until those change elsewhere, so after a failure only Close is left.
   */
  retryable?: boolean;
}

/** The body of a delete's confirmation dialog: what it does, why it was refused, Cancel and the red action. */
export function ConfirmDelete({
  explanation,
  error,
  errorTitle,
  children,
  pending,
  onCancel,
  onConfirm,
  confirmLabel = 'Delete',
  retryable = true,
}: ConfirmDeleteProps) {
  const final = !retryable && Boolean(error);
  return (
    <Stack>
      {explanation}
      <ApiErrorAlert error={error} title={errorTitle}>
        {children}
      </ApiErrorAlert>
      <DialogActions
        onCancel={onCancel}
        cancelLabel={final ? 'Close' : 'Cancel'}
        label={confirmLabel}
        color="red"
        pending={pending}
        disabled={final}
        onClick={onConfirm}
      />
    </Stack>
  );
}
