import { Badge, Group, Text } from '@mantine/core';
import type { AuditRecord } from './audit';

const RESULT_COLOR: Record<AuditRecord['outcome']['result'], string> = { ok: 'teal.9', refused: 'yellow.5', failed: 'red.9' };

/** `ok 201`, `refused 403 forbidden`: the result, the HTTP status the caller got, and the error code. */
export function OutcomeBadge({ outcome }: { outcome: AuditRecord['outcome'] }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={RESULT_COLOR[outcome.result]} variant="filled">
        {outcome.result} {outcome.status}
      </Badge>
      {outcome.code && (
        <Text size="xs" ff="monospace">
          {outcome.code}
        </Text>
      )}
    </Group>
  );
}
