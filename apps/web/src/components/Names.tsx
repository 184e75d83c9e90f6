import { Badge, Group, Text } from '@mantine/core';

/** Names as badges, or a dimmed word when there are none. */
export function Names({ names, empty = 'none', label }: { names: readonly string[]; empty?: string; label?: string }) {
  if (names.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Group gap={4} aria-label={label}>
      {names.map((n) => (
        <Badge key={n} variant="default" tt="none">
          {n}
        </Badge>
      ))}
    </Group>
  );
}
