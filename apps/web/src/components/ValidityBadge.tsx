import { Badge, Group, Text } from '@mantine/core';
import type { Validity } from '../lib/format';

// Filled, in shades dark (or, for amber, light) enough for AA contrast with their text.
const LOOK: Record<Validity, { color: string; label: string }> = {
  valid: { color: 'teal.9', label: 'valid' },
  expiring: { color: 'yellow.5', label: 'expiring' },
  expired: { color: 'red.9', label: 'expired' },
  'not-yet-valid': { color: 'gray.7', label: 'not yet valid' },
};

/** A certificate's validity: expired red, expiring amber, valid green (the same everywhere). */
export function ValidityBadge({ validity, days }: { validity: Validity; days?: number }) {
  const look = LOOK[validity];
  const when = days === undefined || validity === 'not-yet-valid' ? undefined : validity === 'expired' ? `${-days} d ago` : `${days} d left`;
  return (
    <Group gap={6} wrap="nowrap" data-validity={validity}>
      <Badge color={look.color} variant="filled" style={{ flexShrink: 0 }}>
        {look.label}
      </Badge>
      {when && (
        <Text size="xs" span>
          {when}
        </Text>
      )}
    </Group>
  );
}
