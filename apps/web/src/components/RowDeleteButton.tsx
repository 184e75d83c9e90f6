import { Button, type ElementProps } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/**
 * A row's red Delete (or Undeploy, Remove) button, which opens the page's ConfirmDelete
 * dialog. The rest of the props reach the button so that a Tooltip around it still gets
 * its ref and pointer events.
 */
export function RowDeleteButton({ children = 'Delete', ...others }: ElementProps<'button'>) {
  return (
    <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} aria-hidden />} {...others}>
      {children}
    </Button>
  );
}
