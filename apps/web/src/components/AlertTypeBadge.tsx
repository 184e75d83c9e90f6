import { Badge, Group, Text } from '@mantine/core';
import { ValidityBadge } from './ValidityBadge';

/** An alert's type: expiring and expired as the certificate's validity; `renewed` (certgate replaced a pair it provisions) in the primary colour. */
export function AlertTypeBadge({ alert }: { alert: { type: 'expiring' | 'expired' | 'renewed'; daysLeft: number } }) {
  if (alert.type !== 'renewed') return <ValidityBadge validity={alert.type} days={alert.daysLeft} />;
  return (
    <Group gap={6} wrap="nowrap" data-validity="renewed">
      <Badge color="indigo.8" variant="filled" style={{ flexShrink: 0 }}>
        renewed
      </Badge>
      <Text size="xs" span>
        {alert.daysLeft} d left
      </Text>
    </Group>
  );
}
