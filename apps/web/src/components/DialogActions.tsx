import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DialogActionsProps {
  /** The action's button text ("Create role", "Delete"). */
  label: ReactNode;
  /** Without it the action is the submit button of the form around it. */
  onClick?: () => void;
  /** Required even when false: Button sets up its loader and the fade into it only for a boolean `loading`. */
  pending: boolean;
  disabled?: boolean;
  color?: MantineColor;
  icon?: ReactNode;
  onCancel: () => void;
  cancelLabel?: string;
  cancelDisabled?: boolean;
}

/** The foot of a dialog or of the form in it: Cancel, then the one action, at the right. */
export function DialogActions({ label, onClick, pending, disabled, color, icon, onCancel, cancelLabel = 'Cancel', cancelDisabled }: DialogActionsProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {cancelLabel}
      </Button>
      <Button type={onClick ? 'button' : 'submit'} color={color} leftSection={icon} loading={pending} disabled={disabled} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}
