import { Badge, Group, Text, VisuallyHidden, type GroupProps } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useAuth } from '../auth/AuthProvider';

/** Who is signed in: the operator's name, or "admin token", and the roles (what the pages offer follows from them). */
export function SignedInAs(props: GroupProps) {
  const { principal } = useAuth();
  if (!principal) return null;
  const who = principal.operator ?? 'admin token';
  return (
    <Group gap={6} wrap="nowrap" data-signed-in-as={who} {...props}>
      <IconUserCircle size={20} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        <VisuallyHidden>Signed in as </VisuallyHidden>
        {who}
      </Text>
      <VisuallyHidden>, roles: </VisuallyHidden>
      {principal.roles.map((role) => (
        <Badge key={role} variant="default" size="sm" tt="none">
          {role}
        </Badge>
      ))}
    </Group>
  );
}
