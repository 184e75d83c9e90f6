import { Alert, Button, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from './AuthProvider';
import { needs, type Permission } from './permissions';

/**
 * A page the signed-in operator may read, or why not. The navigation hides such pages;
 * this is for a link or a typed address, which would otherwise show a page of 403s.
 */
export function RequirePermission({ permission, label, children }: { permission: Permission; label: string; children: ReactNode }) {
  const { can, principal } = useAuth();
  if (can(permission)) return <>{children}</>;
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {label}
      </Title>
      <Alert color="yellow" variant="light" icon={<IconLock aria-hidden />} title="Not for your roles" role="status">
        This page {needs(permission)}; you have {principal?.roles.join(', ') || 'no role'}.
      </Alert>
      <Button component={Link} to="/" variant="default" w="fit-content">
        Go to the overview
      </Button>
    </Stack>
  );
}
