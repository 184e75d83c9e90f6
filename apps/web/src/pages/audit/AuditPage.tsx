import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileDownload, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toApiError } from '../../api/errors';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { logTime } from '../logs/filters';
import { actorName, AUDIT_FILTERS, auditFiltersOf, exportUrl, filterNameOf, type AuditFilters, type AuditRecord } from './audit';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditRecordDetails } from './AuditRecordDetails';
import { OutcomeBadge } from './OutcomeBadge';
import { ChainVerdictView, useChainVerification, VerifyChainButton } from './VerifyChain';
import { useAuditPages } from './useAuditPages';

/** A filter value as a link: pressing it shows only the records with it. */
function FilterLink({ label, value, onPick }: { label: string; value: string; onPick: () => void }) {
  return (
    <Anchor component="button" type="button" size="sm" ff="monospace" ta="left" style={{ overflowWrap: 'anywhere' }} aria-label={label} onClick={onPick}>
      {value}
    </Anchor>
  );
}

/** The caller's name: a link that filters by it, where the console's filter can select it. */
function Who({ who, onPick }: { who: AuditRecord['who']; onPick: (operator: string) => void }) {
  const name = filterNameOf(who);
  if (name === undefined)
    return (
      <Text size="sm" ff="monospace">
        {actorName(who)}
      </Text>
    );
  return <FilterLink label={`Show the records of ${name}`} value={actorName(who)} onPick={() => onPick(name)} />;
}

/**
 * The audit trail: who changed what, when, with what outcome; filtered (the filters in the
 * URL), newest first, older pages with the cursor; a record's details with its digests
 * and its place in the hash chain; Verify chain; Export JSON lines with the filters.
 */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => auditFiltersOf(params), [params]);
  const audit = useAuditPages(filters);
  const verification = useChainVerification();
  const [shown, setShown] = useState<AuditRecord>();

  const apply = (next: AuditFilters) => {
    const search = new URLSearchParams();
    for (const n of AUDIT_FILTERS) if (next[n] !== undefined) search.set(n, next[n]);
    setParams(search);
  };

  const error = audit.pages.error ? toApiError(audit.pages.error) : undefined;
  const fieldError = error?.field !== undefined && (AUDIT_FILTERS as readonly string[]).includes(error.field) ? error : undefined;
  const operators = useMemo(() => [...new Set(audit.records.flatMap((r) => filterNameOf(r.who) ?? []))], [audit.records]);
  const filtered = Object.keys(filters).length > 0;

  const columns: DataTableColumn<AuditRecord>[] = [
    {
      accessor: 'at',
      title: 'Time (UTC)',
      sortable: true,
      noWrap: true,
      render: (r) => {
        const [date, time] = logTime(r.at).split(' ');
        return (
          <Stack gap={0}>
            <Text size="sm" ff="monospace" span>
              {time}
            </Text>
            <Text size="xs" c="dimmed" span>
              {date}
            </Text>
          </Stack>
        );
      },
    },
    {
      accessor: 'who',
      title: 'Who',
      render: (r) => (
        <Stack gap={2} align="flex-start">
          <Who who={r.who} onPick={(operator) => apply({ ...filters, operator })} />
          <Group gap={4} wrap="wrap">
            <Badge size="sm" variant="default" tt="none">
              {r.who.surface}
              {r.who.via ? ` · ${r.who.via}` : ''}
            </Badge>
            <Text size="xs" ff="monospace" span>
              {r.who.address}
            </Text>
          </Group>
          {r.who.tokenId && (
            <Text size="xs" ff="monospace" span>
              token {r.who.tokenId}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      accessor: 'operation',
      title: 'Operation · object',
      render: (r) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm" ff="monospace" span>
            {r.what.operation}
          </Text>
          <FilterLink label={`Show the records of ${r.what.object}`} value={r.what.object} onPick={() => apply({ ...filters, object: r.what.object })} />
        </Stack>
      ),
    },
    { accessor: 'outcome', title: 'Outcome', noWrap: true, render: (r) => <OutcomeBadge outcome={r.outcome} /> },
    {
      accessor: 'details',
      title: '',
      textAlign: 'right',
      noWrap: true,
      render: (r) => (
        // A native title, not a Tooltip: a popover per row slows the first render (RowMenu).
        <ActionIcon variant="default" aria-label={`Details of record ${r.index}`} title="Details, digests and chain hash" onClick={() => setShown(r)}>
          <IconInfoCircle size={16} aria-hidden />
        </ActionIcon>
      ),
    },
  ];

  return (
    <Page
      title="Audit trail"
      description="Every change made through the console, and every refusal: who (operator, token or session, surface, address), what, when, and the outcome. Records are hash-chained: Verify chain checks that none was edited or removed."
      actions={
        <>
          <VerifyChainButton verification={verification} />
          {/* A plain link: the session cookie goes with it, and the browser streams the file. */}
          <Button component="a" href={exportUrl(filters)} download variant="default" leftSection={<IconFileDownload size={16} aria-hidden />}>
            Export JSON lines
          </Button>
        </>
      }
    >
      <ChainVerdictView verification={verification} />
      <AuditFilterBar key={JSON.stringify(filters)} filters={filters} fieldError={fieldError} operators={operators} onApply={apply} />
      {!fieldError && <ApiErrorAlert error={error} title="Could not read the audit trail" />}
      <ListTable<AuditRecord>
        label="Audit records"
        records={audit.pages.isError ? [] : audit.records}
        fetching={audit.pages.isLoading}
        columns={columns}
        idAccessor="id"
        sortBy="seq"
        sortDirection="desc"
        searchText={(r) =>
          `${actorName(r.who)} ${r.who.address} ${r.who.tokenId ?? ''} ${r.what.operation} ${r.what.object} ${r.outcome.result} ${r.outcome.status} ${r.outcome.code ?? ''}`
        }
        pageSize={50}
        noRecordsText={filtered ? 'No record matches the filters' : 'No record yet'}
      />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {audit.records.length} {audit.records.length === 1 ? 'record' : 'records'} loaded, newest first
          {audit.hasOlder ? '; older ones exist' : audit.pages.isSuccess ? '; none older' : ''}
        </Text>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconHistory size={16} aria-hidden />}
          onClick={audit.loadOlder}
          disabled={!audit.hasOlder}
          loading={audit.loadingOlder}
        >
          Load older records
        </Button>
      </Group>
      <AuditRecordDetails record={shown} onClose={() => setShown(undefined)} />
    </Page>
  );
}
