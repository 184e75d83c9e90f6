import { Badge, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFingerprint } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { actorName, type AuditRecord } from './audit';
import { OutcomeBadge } from './OutcomeBadge';

// Absent before a create, after a delete, and around a refusal: nothing to hash then.
const digest = (hex: string | undefined) =>
  hex ? (
    <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {hex}
    </Text>
  ) : (
    <Text size="sm">—</Text>
  );

function Facts({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  return (
    <section aria-label={label}>
      <Title order={3} size="h5" mb={4}>
        {label}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder fz="sm">
        <Table.Tbody>
          {rows.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={{ base: 110, sm: 150 }}>{name}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** One audit record in full: who, what (with the digests of the object before and after), the outcome, and its place in the hash chain. */
export function AuditRecordDetails({ record, onClose }: { record: AuditRecord | undefined; onClose: () => void }) {
  return (
    <Drawer
      opened={record !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Group gap="xs">
          <IconFingerprint size={20} aria-hidden />
          <Text fw={700}>Audit record {record?.index ?? ''}</Text>
        </Group>
      }
    >
      {record && (
        <Stack gap="md">
          <Facts
            label="When"
            rows={[
              ['Time (UTC)', record.at],
              ['Request id', record.requestId ? <Code>{record.requestId}</Code> : '—'],
              ['Record id', <Code key="id">{record.id}</Code>],
            ]}
          />
          <Facts
            label="Who"
            rows={[
              ['Operator', actorName(record.who)],
              ['Kind', `${record.who.kind}${record.who.via ? ` (via ${record.who.via})` : ''}`],
              ['Roles', record.who.roles?.length ? record.who.roles.join(', ') : '—'],
              ['Surface', record.who.surface],
              ['Address', <Code key="a">{record.who.address}</Code>],
              ['API token', record.who.tokenId ? <Code>{record.who.tokenId}</Code> : '—'],
              ['Session', record.who.sessionId ? <Code>{record.who.sessionId}</Code> : '—'],
            ]}
          />
          <Facts
            label="What"
            rows={[
              ['Operation', <Code key="o">{record.what.operation}</Code>],
              ['Object', <Code key="obj">{record.what.object}</Code>],
              ['Permission', record.what.permission ?? '—'],
              ['Before (SHA-256)', digest(record.what.before)],
              ['After (SHA-256)', digest(record.what.after)],
            ]}
          />
          <Facts
            label="Outcome"
            rows={[
              ['Result', <OutcomeBadge key="r" outcome={record.outcome} />],
              ['Code', record.outcome.code ? <Code>{record.outcome.code}</Code> : '—'],
              ['Message', record.outcome.message ?? '—'],
            ]}
          />
          <Facts
            label="Hash chain"
            rows={[
              ['Index', String(record.index)],
              ['Stream sequence', String(record.seq)],
              ['Previous hash', digest(record.prev)],
              ['Hash', digest(record.hash)],
              ['Format', <Badge key="v" variant="default">{`v${record.v}`}</Badge>],
            ]}
          />
        </Stack>
      )}
    </Drawer>
  );
}
