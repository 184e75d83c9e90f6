import {
  Alert,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Code,
  Collapse,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconFilter, IconFilterOff, IconHistory, IconX } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiProvider';
import { toApiError, type ApiError } from '../../api/errors';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { ApiErrorAlert, FieldErrorText } from '../../errors/ApiErrorAlert';
import {
  FILTER_LABELS,
  FILTER_NAMES,
  filtersOf,
  isLogName,
  LOG_NAMES,
  LOGS,
  logTime,
  notApplying,
  type AccessRecord,
  type FilterName,
  type Filters,
  type LogName,
  type MessageRecord,
  type TraceRecord,
} from './filters';
import { FOLLOW_INTERVAL_MS, useLog, type FetchLog } from './useLog';

const STATUS_CLASS_COLOR: Record<string, string> = { '2': 'teal.9', '3': 'gray.7', '4': 'yellow.5', '5': 'red.9' };
const LEVEL_COLOR: Record<string, string> = { error: 'red.9', fatal: 'red.9', warn: 'yellow.5', info: 'gray.7', debug: 'gray.7' };
const OUTCOME_COLOR: Record<MessageRecord['outcome'], string> = { completed: 'teal.9', denied: 'yellow.5', failed: 'red.9', not_found: 'gray.7' };

function StatusBadge({ status }: { status: number }) {
  return (
    <Badge color={STATUS_CLASS_COLOR[String(status)[0] ?? ''] ?? 'gray.7'} variant="filled">
      {status}
    </Badge>
  );
}

/** A record's time of day; the date (UTC) and the replica that wrote it under it. */
function Time({ iso, nodeId }: { iso: string; nodeId: string }) {
  const [date, time] = logTime(iso).split(' ');
  return (
    <Stack gap={0}>
      <Text size="sm" ff="monospace" span>
        {time}
      </Text>
      <Text size="xs" c="dimmed" span>
        {date} · {nodeId}
      </Text>
    </Stack>
  );
}

const ms = (d: number) => (d < 10 ? d.toFixed(1) : Math.round(d).toString());

const mono = (text: ReactNode) => (
  <Text size="sm" ff="monospace" span>
    {text}
  </Text>
);

/** A request id: pressing it filters every log by that request (the URL keeps it, so the link can be shared). */
function RequestId({ id, current, onShow }: { id: string | undefined; current: string | undefined; onShow: (id: string) => void }) {
  if (!id) return <Text size="sm">—</Text>;
  const short = id.length > 13 ? `${id.slice(0, 8)}…` : id;
  if (id === current) return <Code title={id}>{short}</Code>;
  return (
    <Anchor component="button" type="button" size="sm" ff="monospace" title={id} aria-label={`Show request ${id} in every log`} onClick={() => onShow(id)}>
      {short}
    </Anchor>
  );
}

type Fetchers = { access: FetchLog<AccessRecord>; trace: FetchLog<TraceRecord>; messages: FetchLog<MessageRecord> };

const SINCE_SUGGESTIONS = ['5m', '15m', '1h', '6h', '1d', '7d'];
const STATUS_SUGGESTIONS = ['2xx', '4xx', '5xx', '401', '403', '404', '500', '502', '503'];

const FILTER_HELP: Record<FilterName, { description: string; placeholder: string }> = {
  since: { description: 'ISO 8601 or a duration ago', placeholder: '1h, 15m, 1d' },
  until: { description: 'ISO 8601 or a duration ago', placeholder: '2026-01-31T12:00:00Z' },
  requestId: { description: "The ingress' x-request-id", placeholder: '0f3c2a9e-…' },
  status: { description: 'A status, or a class', placeholder: '401, 4xx' },
  who: { description: 'Client id, or principal', placeholder: 'sb-sender-a!k1' },
  address: { description: "The flow's address", placeholder: '/orders' },
  flowId: { description: "The flow's id", placeholder: 'orders' },
};

/** The filters of the shown log, applied to the URL on submit; a filter the API refused has its message and code next to it. */
function LogFilters({
  log,
  filters,
  fieldError,
  onApply,
}: {
  log: LogName;
  filters: Filters;
  fieldError: ApiError | undefined;
  onApply: (f: Filters) => void;
}) {
  const names = LOGS[log].filters;
  // On a phone the filters fold away behind a button (open while one is refused).
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [opened, setOpened] = useState<boolean>();
  const shown = !phone || (opened ?? Boolean(fieldError));
  const set = names.filter((n) => filters[n] !== undefined).length;
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: Object.fromEntries(FILTER_NAMES.map((n) => [n, filters[n] ?? ''])) as Record<FilterName, string>,
  });
  const elsewhere = notApplying(log, filters);
  const errorOf = (name: FilterName) => (fieldError?.field === name ? <FieldErrorText message={fieldError.message} code={fieldError.code} /> : undefined);

  const submit = form.onSubmit((values) => {
    const next: Filters = { ...filters };
    for (const n of names) {
      const v = values[n].trim();
      if (v) next[n] = v;
      else delete next[n];
    }
    onApply(next);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`Filters of the ${LOGS[log].label.toLowerCase()}`}>
      {phone && (
        <Button
          variant="default"
          size="sm"
          mb={shown ? 'xs' : 0}
          leftSection={<IconFilter size={16} aria-hidden />}
          rightSection={shown ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
          aria-expanded={shown}
          onClick={() => setOpened(!shown)}
        >
          Filters{set > 0 ? ` (${set} set)` : ''}
        </Button>
      )}
      <Collapse expanded={shown}>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            {names.map((name) => {
              const common = {
                label: FILTER_LABELS[name],
                description: FILTER_HELP[name].description,
                placeholder: FILTER_HELP[name].placeholder,
                autoComplete: 'off',
                ...form.getInputProps(name),
                error: errorOf(name),
              };
              if (name === 'since' || name === 'status') {
                return <Autocomplete key={form.key(name)} data={name === 'since' ? SINCE_SUGGESTIONS : STATUS_SUGGESTIONS} {...common} />;
              }
              return <TextInput key={form.key(name)} {...common} />;
            })}
          </SimpleGrid>
          {elsewhere.length > 0 && (
            <Text size="xs" c="dimmed">
              Not filters of the {LOGS[log].label.toLowerCase()} (kept for the other logs):{' '}
              {elsewhere.map((n) => `${FILTER_LABELS[n]} ${filters[n]}`).join(', ')}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" size="sm" leftSection={<IconFilter size={16} aria-hidden />}>
              Apply filters
            </Button>
            {Object.keys(filters).length > 0 && (
              <Button variant="default" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onApply({})}>
                Clear filters
              </Button>
            )}
          </Group>
        </Stack>
      </Collapse>
    </form>
  );
}

interface LogViewProps<T extends { seq: number }> {
  log: LogName;
  state: ReturnType<typeof useLog<T>>;
  columns: DataTableColumn<T>[];
  searchText: (r: T) => string;
  filtered: boolean;
}

/** One log: its table (newest first), the page before with the cursor, and following. */
function LogView<T extends { seq: number }>({ log, state, columns, searchText, filtered }: LogViewProps<T>) {
  const { pages, records } = state;
  const error = pages.error ? toApiError(pages.error) : undefined;
  const fieldError = error?.field !== undefined && (FILTER_NAMES as readonly string[]).includes(error.field);
  return (
    <Stack gap="sm">
      {!fieldError && <ApiErrorAlert error={error} title={`Could not read the ${LOGS[log].label.toLowerCase()}`} />}
      <ApiErrorAlert error={state.followError} title="Following stopped for a moment: the last request failed" />
      <ListTable<T>
        label={LOGS[log].label}
        records={pages.isError ? [] : records}
        fetching={pages.isLoading}
        columns={columns}
        idAccessor={(r) => String(r.seq)}
        sortBy={'seq' as keyof T & string}
        sortDirection="desc"
        searchText={searchText}
        pageSize={50}
        noRecordsText={filtered ? 'No record matches the filters' : 'No record yet'}
      />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {records.length} {records.length === 1 ? 'record' : 'records'} loaded, newest first
          {state.hasOlder ? '; older ones exist' : pages.isSuccess ? '; none older' : ''}
        </Text>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconHistory size={16} aria-hidden />}
          onClick={state.loadOlder}
          disabled={!state.hasOlder}
          loading={state.loadingOlder}
        >
          Load older records
        </Button>
      </Group>
    </Stack>
  );
}

/** The access, trace and message processing logs with the filters of the API, paging, live follow, and the request id linking the three. */
export default function LogsPage() {
  const { api } = useApi();
  const [params, setParams] = useSearchParams();
  const paramLog = params.get('log');
  const log: LogName = isLogName(paramLog) ? paramLog : 'access';
  const filters = useMemo(() => filtersOf(params), [params]);
  const [follow, setFollow] = useState(false);

  const fetchers = useMemo<Fetchers>(
    () => ({
      access: (query, signal) => api.GET('/api/v1/logs/access', { params: { query }, signal }),
      trace: (query, signal) => api.GET('/api/v1/logs/trace', { params: { query }, signal }),
      messages: (query, signal) => api.GET('/api/v1/message-logs', { params: { query }, signal }),
    }),
    [api],
  );

  // With a request id, every log is read (the tabs show how many records each has); otherwise only the one shown.
  const byRequest = filters.requestId !== undefined;
  const access = useLog('access', filters, fetchers.access, { enabled: log === 'access' || byRequest, follow: follow && log === 'access' });
  const trace = useLog('trace', filters, fetchers.trace, { enabled: log === 'trace' || byRequest, follow: follow && log === 'trace' });
  const messages = useLog('messages', filters, fetchers.messages, { enabled: log === 'messages' || byRequest, follow: follow && log === 'messages' });
  const states = { access, trace, messages };
  const shown = states[log];

  const navigate = (nextLog: LogName, next: Filters) => {
    const search = new URLSearchParams();
    if (nextLog !== 'access') search.set('log', nextLog);
    for (const n of FILTER_NAMES) if (next[n] !== undefined) search.set(n, next[n]);
    setParams(search);
  };
  const showRequest = (requestId: string) => navigate(log, { requestId });

  const error = shown.pages.error ? toApiError(shown.pages.error) : undefined;
  const fieldError = error?.field !== undefined && (FILTER_NAMES as readonly string[]).includes(error.field) ? error : undefined;

  const requestCell = (id: string | undefined) => <RequestId id={id} current={filters.requestId} onShow={showRequest} />;

  const accessColumns: DataTableColumn<AccessRecord>[] = [
    { accessor: 'time', title: 'Time (UTC) · replica', sortable: true, noWrap: true, render: (r) => <Time iso={r.time} nodeId={r.nodeId} /> },
    { accessor: 'status', title: 'Status', sortable: true, noWrap: true, render: (r) => <StatusBadge status={r.status} /> },
    {
      accessor: 'path',
      title: 'Request',
      noWrap: true,
      render: (r) => (
        <Text size="sm" span>
          {r.method} {r.path}
        </Text>
      ),
    },
    { accessor: 'who', title: 'Who', sortable: true, noWrap: true, render: (r) => (r.who ? mono(r.who) : <Text size="sm">—</Text>) },
    { accessor: 'ip', title: 'Address', noWrap: true, render: (r) => mono(r.ip) },
    { accessor: 'durationMs', title: 'ms', sortable: true, textAlign: 'right', noWrap: true, render: (r) => ms(r.durationMs) },
    { accessor: 'requestId', title: 'Request id', noWrap: true, render: (r) => requestCell(r.requestId) },
  ];
  const traceColumns: DataTableColumn<TraceRecord>[] = [
    { accessor: 'time', title: 'Time (UTC) · replica', sortable: true, noWrap: true, render: (r) => <Time iso={r.time} nodeId={r.nodeId} /> },
    {
      accessor: 'level',
      title: 'Level',
      sortable: true,
      noWrap: true,
      render: (r) => (
        <Badge color={LEVEL_COLOR[r.level] ?? 'gray.7'} variant="filled">
          {r.level}
        </Badge>
      ),
    },
    {
      accessor: 'event',
      title: 'Event · reason',
      sortable: true,
      noWrap: true,
      render: (r) => (
        <Stack gap={2} align="flex-start">
          {mono(r.event)}
          {r.reason && <Code>{r.reason}</Code>}
        </Stack>
      ),
    },
    {
      accessor: 'message',
      title: 'Message',
      render: (r) => (
        <Stack gap={2}>
          <Text size="sm">{r.message}</Text>
          {r.details && Object.keys(r.details).length > 0 && (
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {Object.entries(r.details)
                .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
                .join(' ')}
            </Text>
          )}
        </Stack>
      ),
    },
    { accessor: 'requestId', title: 'Request id', noWrap: true, render: (r) => requestCell(r.requestId) },
  ];
  const messageColumns: DataTableColumn<MessageRecord>[] = [
    { accessor: 'time', title: 'Time (UTC) · replica', sortable: true, noWrap: true, render: (r) => <Time iso={r.time} nodeId={r.nodeId} /> },
    {
      accessor: 'outcome',
      title: 'Outcome',
      sortable: true,
      noWrap: true,
      render: (r) => (
        <Badge color={OUTCOME_COLOR[r.outcome]} variant="filled">
          {r.outcome.replace('_', ' ')}
        </Badge>
      ),
    },
    { accessor: 'status', title: 'Status', sortable: true, noWrap: true, render: (r) => <StatusBadge status={r.status} /> },
    { accessor: 'address', title: 'Address', sortable: true, noWrap: true, render: (r) => mono(r.address) },
    { accessor: 'flowId', title: 'Flow', sortable: true, noWrap: true, render: (r) => r.flowId ?? '—' },
    { accessor: 'principal', title: 'Principal', sortable: true, noWrap: true, render: (r) => (r.principal ? mono(r.principal) : '—') },
    { accessor: 'durationMs', title: 'ms', sortable: true, textAlign: 'right', noWrap: true, render: (r) => ms(r.durationMs) },
    {
      accessor: 'error',
      title: 'Error',
      render: (r) =>
        r.error ? (
          <Text size="sm" c="red.9">
            {r.error}
          </Text>
        ) : (
          '—'
        ),
    },
    { accessor: 'requestId', title: 'Request id', noWrap: true, render: (r) => requestCell(r.requestId ?? r.messageId) },
  ];

  const filtered = Object.keys(filters).length > 0;
  const countOf = (name: LogName) => {
    const s = states[name];
    if (!byRequest || !s.pages.isSuccess) return null;
    return (
      <Badge size="sm" variant="default" ml={6}>
        {s.records.length}
        {s.hasOlder ? '+' : ''}
        <VisuallyHidden> records</VisuallyHidden>
      </Badge>
    );
  };

  return (
    <Page
      title="Logs"
      description="The access, trace and message processing logs of every replica, read from their streams. A request id links the three: press one to see that request in every log."
    >
      {filters.requestId !== undefined && (
        <Alert variant="outline" color="indigo.9" title="One request in every log" data-testid="request-filter">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              Request <Code>{filters.requestId}</Code>: its access line, its refusals (trace) and the messages it sent to a flow.
            </Text>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => navigate(log, { ...filters, requestId: undefined })}
            >
              Show every request
            </Button>
          </Group>
        </Alert>
      )}

      <Tabs value={log} onChange={(v) => isLogName(v) && navigate(v, filters)} keepMounted={false}>
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Tabs.List>
            {LOG_NAMES.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {LOGS[name].label}
                {countOf(name)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Group gap="xs">
            {shown.following && (
              <Group gap={4} title={`Asks for new records every ${FOLLOW_INTERVAL_MS / 1000} s`}>
                <Loader size="xs" type="dots" aria-hidden />
                <Text size="xs" c="dimmed">
                  following
                </Text>
              </Group>
            )}
            <Switch
              label="Follow"
              description="New records as they come"
              checked={follow}
              onChange={(e) => setFollow(e.currentTarget.checked)}
              disabled={shown.pages.isError}
            />
          </Group>
        </Group>

        {LOG_NAMES.map((name) => (
          <Tabs.Panel key={name} value={name} pt="md">
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {LOGS[name].description}
              </Text>
              <LogFilters key={`${name}:${JSON.stringify(filters)}`} log={name} filters={filters} fieldError={fieldError} onApply={(f) => navigate(name, f)} />
              {name === 'access' && (
                <LogView log="access" state={access} columns={accessColumns} searchText={(r) => `${r.line} ${r.requestId} ${r.nodeId}`} filtered={filtered} />
              )}
              {name === 'trace' && (
                <LogView
                  log="trace"
                  state={trace}
                  columns={traceColumns}
                  searchText={(r) => `${r.line} ${r.requestId ?? ''} ${r.nodeId}`}
                  filtered={filtered}
                />
              )}
              {name === 'messages' && (
                <LogView
                  log="messages"
                  state={messages}
                  columns={messageColumns}
                  searchText={(r) =>
                    `${r.address} ${r.flowId ?? ''} ${r.principal ?? ''} ${r.outcome} ${r.status} ${r.error ?? ''} ${r.requestId ?? ''} ${r.messageId}`
                  }
                  filtered={filtered}
                />
              )}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
