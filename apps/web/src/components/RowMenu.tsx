import { ActionIcon, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';

/**
 * The ⋯ menu of one row. Until it is first opened it is a plain button: a Mantine Menu
 * per row (a floating-ui popover each) cost a 25-row page of 2,000 keystore entries
 * 120 ms of its first render here. The first click mounts the menu open.
 */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  const trigger = (onClick?: () => void) => (
    <ActionIcon variant="default" size="md" aria-label={label} aria-haspopup="menu" title="Actions" onClick={onClick}>
      <IconDots size={16} aria-hidden />
    </ActionIcon>
  );
  if (!mounted) return trigger(() => setMounted(true));
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={240} defaultOpened>
      <Menu.Target>{trigger()}</Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
