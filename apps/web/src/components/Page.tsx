import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Permission } from '../auth/permissions';
import { ReadOnlyNote } from './Permitted';

export interface PageProps {
  /** The page's one h1 (the shell's header is not a heading). */
  title: string;
  description?: ReactNode;
  /** Buttons at the right of the title (e.g. "Create role"). */
  actions?: ReactNode;
  /** What the page's changes need: an operator without it is told, under the title, that the page is read-only for them and why. */
  writePermission?: Permission;
  children: ReactNode;
}

/** The frame of every page: title, description, actions, then the content. */
export function Page({ title, description, actions, writePermission, children }: PageProps) {
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm" maw={720}>
              {description}
            </Text>
          )}
          {writePermission && <ReadOnlyNote permission={writePermission} />}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
