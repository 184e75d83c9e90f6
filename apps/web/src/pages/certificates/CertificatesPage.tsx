import { Badge, Group, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import type { paths } from '../../api/schema';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { ValidityBadge } from '../../components/ValidityBadge';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { day } from '../../lib/format';
import { ExpiryTimeline } from './ExpiryTimeline';
import { CERTIFICATES } from './queries';
import { SOURCES, SourceMutes, type Source } from './SourceMutes';
import { DEFAULT_THRESHOLDS } from './timeline';

type Certificate = paths['/api/v1/certificates']['get']['responses'][200]['content']['application/json'][number];
type Status = Certificate['status'];

const STATUSES: { value: 'all' | Status; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'expired', label: 'Expired' },
  { value: 'expiring', label: 'Expiring' },
  { value: 'valid', label: 'Valid' },
];

const THRESHOLDS_NOTE = 'the default of CERTGATE_ALERT_DAYS; the console does not report the configured value.';

const columns = [
  {
    accessor: 'subjectDN' as const,
    title: 'Subject',
    sortable: true,
    render: (c: Certificate) => (
      <div>
        <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
          {c.subjectCN ?? c.subjectDN}
        </Text>
        {c.subjectCN && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {c.subjectDN}
          </Text>
        )}
      </div>
    ),
  },
  {
    accessor: 'issuerDN' as const,
    title: 'Issuer',
    sortable: true,
    render: (c: Certificate) => (
      <Text size="sm" style={{ wordBreak: 'break-word' }} title={c.issuerDN}>
        {c.issuerCN ?? c.issuerDN}
      </Text>
    ),
  },
  {
    accessor: 'source' as const,
    title: 'Source',
    sortable: true,
    render: (c: Certificate) => (
      <div>
        <Group gap={4} wrap="nowrap">
          <Text size="sm">{c.source}</Text>
          {c.muted && <IconBellOff size={14} aria-label="alerts muted" />}
        </Group>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {c.ref}
        </Text>
      </div>
    ),
  },
  { accessor: 'notAfter' as const, title: 'Expires', sortable: true, noWrap: true, render: (c: Certificate) => day(c.notAfter) },
  {
    accessor: 'daysLeft' as const,
    title: 'Status',
    sortable: true,
    noWrap: true,
    render: (c: Certificate) => <ValidityBadge validity={c.status} days={c.daysLeft} />,
  },
];

/**
 * The expiry inventory across every source (`GET /certificates`): filter by source,
 * status and text, sort any column; a timeline of the next 12 months' expiries with the
 * alert thresholds; mute or unmute a source's alerts.
 */
export default function CertificatesPage() {
  const { $api } = useApi();
  const certificates = $api.useQuery(...CERTIFICATES);
  const [source, setSource] = useState<Source | null>(null);
  const [status, setStatus] = useState<'all' | Status>('all');

  const shown = useMemo(
    () => certificates.data?.filter((c) => (source === null || c.source === source) && (status === 'all' || c.status === status)),
    [certificates.data, source, status],
  );
  // The chart follows the table by a frame: drawing it (Recharts, 52 bars) is the larger
  // half of the page's first render, and the list is what an operator reads first.
  const chartCerts = useDeferredValue(shown, undefined);
  const counts = useMemo(() => {
    const n = { expired: 0, expiring: 0, valid: 0 };
    for (const c of certificates.data ?? []) n[c.status]++;
    return n;
  }, [certificates.data]);

  return (
    <Page
      title="Certificates"
      description="Every certificate certgate relies on — keystore entries, service keys, user mappings, flows' listed certificates, the ingress' roots and server chain — with the days it has left. Expiry alerts are raised at each threshold; a source whose certificates renew themselves can be muted."
      writePermission="alerts:write"
    >
      <ApiErrorAlert error={certificates.error} title="Could not read the certificate inventory" />
      <Group gap="xs" aria-label="Totals" role="group">
        <Badge variant="default" size="lg" tt="none">
          {certificates.data ? `${certificates.data.length} certificates` : 'Loading…'}
        </Badge>
        <Badge color="red.9" variant="filled" size="lg" tt="none">
          {counts.expired} expired
        </Badge>
        <Badge color="yellow.5" variant="filled" size="lg" tt="none">
          {counts.expiring} expiring
        </Badge>
        <Badge color="teal.9" variant="filled" size="lg" tt="none">
          {counts.valid} valid
        </Badge>
      </Group>

      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Source"
          placeholder="All sources"
          data={SOURCES.map((s) => ({ value: s.source, label: s.source }))}
          value={source}
          onChange={(v) => setSource(v as Source | null)}
          clearable
          w={240}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="status-filter-label">
            Status
          </Text>
          <SegmentedControl aria-labelledby="status-filter-label" data={STATUSES} value={status} onChange={(v) => setStatus(v as 'all' | Status)} />
        </Stack>
      </Group>

      {shown &&
        (chartCerts ? (
          <ExpiryTimeline certs={chartCerts} thresholds={DEFAULT_THRESHOLDS} thresholdsNote={THRESHOLDS_NOTE} />
        ) : (
          <Skeleton h={372} radius="sm" aria-hidden />
        ))}

      <ListTable<Certificate>
        label="Certificates"
        records={shown}
        fetching={certificates.isLoading}
        columns={columns}
        idAccessor={(c) => `${c.source}/${c.ref}/${c.fingerprint}`}
        sortBy="daysLeft"
        searchText={(c) => `${c.subjectDN} ${c.issuerDN} ${c.source} ${c.ref} ${c.serial} ${c.fingerprint}`}
        noRecordsText={certificates.data?.length ? 'No certificate matches the filters' : 'No certificate yet'}
      />

      <section aria-labelledby="mutes-title">
        <Title order={2} size="h3" id="mutes-title" mb="xs">
          Alerts per source
        </Title>
        <SourceMutes certs={certificates.data} />
      </section>
    </Page>
  );
}
