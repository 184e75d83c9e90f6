import { Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { cloneElement, useId, type ReactElement, type SyntheticEvent } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { needs, type Permission } from '../auth/permissions';

/** Why the signed-in operator may not do what needs `permission` ("Needs the permission roles:write (roles admin, security)"), undefined when it may. */
export function useDenial(permission: Permission): string | undefined {
  const { can } = useAuth();
  if (can(permission)) return undefined;
  const reason = needs(permission);
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

interface ActionProps {
  disabled?: boolean;
  onClick?: (event: SyntheticEvent) => void;
}

/**
 * An action (Button, ActionIcon, Menu.Item, RowDeleteButton) that needs `permission`.
 * Allowed: the child as it is. Not allowed: the child looks and reads disabled
 * (`data-disabled`, `aria-disabled`) but keeps its focus, so the reason reaches the
 * keyboard and screen readers too: a tooltip on hover and focus, and its accessible
 * description. Its clicks do nothing. (A `disabled` button gets neither pointer events
 * nor focus, so a tooltip on it would never show.)
 */
export function Permitted({ permission, children }: { permission: Permission; children: ReactElement<ActionProps> }) {
  const denial = useDenial(permission);
  const id = useId();
  if (!denial) return children;
  const denied = cloneElement(children, {
    disabled: false,
    'data-disabled': true,
    'aria-disabled': true,
    'aria-describedby': id,
    onClick: (event: SyntheticEvent) => event.preventDefault(),
  } as ActionProps);
  return (
    <>
      <Tooltip label={denial} multiline maw={320} withArrow>
        {denied}
      </Tooltip>
      <VisuallyHidden id={id}>{denial}</VisuallyHidden>
    </>
  );
}

/** Under a page's title: the page is read-only for this operator, and why (nothing when it may change it). */
export function ReadOnlyNote({ permission }: { permission: Permission }) {
  const { can, principal } = useAuth();
  if (can(permission)) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-read-only={permission}>
      <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm">
        Read-only for your roles ({principal?.roles.join(', ')}): a change here {needs(permission)}.
      </Text>
    </Group>
  );
}
