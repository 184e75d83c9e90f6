import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay, IconRadar } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { Permitted } from '../../components/Permitted';
import { AlertTypeBadge } from '../../components/AlertTypeBadge';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { day, moment } from '../../lib/format';
import { Subscriptions } from './Subscriptions';
import { useAlertFeed, type Alert, type FeedState } from './useAlertFeed';

const ALERTS = ['get', '/api/v1/alerts'] as const;
/** The feed keeps the newest this many. */
const FEED_SIZE = 200;

const STATE_LOOK: Record<FeedState, { color: string; label: string }> = {
  connecting: { color: 'gray.7', label: 'connecting…' },
  live: { color: 'teal.9', label: 'live' },
  reconnecting: { color: 'yellow.5', label: 'reconnecting…' },
  paused: { color: 'gray.7', label: 'paused' },
  failed: { color: 'red.9', label: 'stopped' },
};

const threshold = (a: Alert) => (a.threshold === 0 ? 'expiry' : `${a.threshold} d`);

const columns = [
  { accessor: 'raisedAt' as const, title: 'Raised', sortable: true, noWrap: true, render: (a: Alert) => moment(a.raisedAt) },
  { accessor: 'type' as const, title: 'Type', sortable: true, noWrap: true, render: (a: Alert) => <AlertTypeBadge alert={a} /> },
  { accessor: 'threshold' as const, title: 'Threshold', sortable: true, noWrap: true, render: threshold },
  { accessor: 'subjectDN' as const, title: 'Certificate', sortable: true, render: (a: Alert) => <Text size="sm">{a.subjectDN}</Text> },
  {
    accessor: 'source' as const,
    title: 'Source',
    sortable: true,
    render: (a: Alert) => (
      <div>
        <Text size="sm">{a.source}</Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {a.ref}
        </Text>
      </div>
    ),
  },
  { accessor: 'notAfter' as const, title: 'Expires', sortable: true, noWrap: true, render: (a: Alert) => day(a.notAfter) },
];

function FeedItem({ alert }: { alert: Alert }) {
  return (
    <Paper withBorder p="xs" radius="sm" component="li" data-alert-id={alert.id}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <AlertTypeBadge alert={alert} />
          <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
            {alert.subjectDN}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {moment(alert.raisedAt)}
        </Text>
      </Group>
      <Text size="xs" mt={2}>
        {alert.source} · {alert.ref} · threshold {threshold(alert)} · expires {day(alert.notAfter)}
      </Text>
    </Paper>
  );
}

/**
 * Expiry alerts: the live feed (`GET /alerts/watch`, read as a stream through the API
 * client), the alerts kept (`GET /alerts`), scan now (`POST /alerts/scan`), and the
 * webhook subscriptions.
 */
export default function AlertsPage() {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const alerts = $api.useQuery('get', '/api/v1/alerts', { params: { query: { limit: 1000 } } });
  const scan = $api.useMutation('post', '/api/v1/alerts/scan');
  const [paused, setPaused] = useState(false);
  const [feed, setFeed] = useState<Alert[]>([]);
  const refetchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  const onAlert = useCallback(
    (alert: Alert) => {
      setFeed((f) => [alert, ...f.filter((a) => a.id !== alert.id)].slice(0, FEED_SIZE));
      // A scan may raise many at once: read the list again once they have stopped coming.
      clearTimeout(refetchTimer.current);
      refetchTimer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ALERTS }), 500);
    },
    [queryClient],
  );
  const live = useAlertFeed({ paused, onAlert });
  const look = STATE_LOOK[live.state];

  const runScan = () =>
    scan.mutate(
      {},
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            title: 'Scan done',
            message: `${r?.certificates ?? 0} certificates scanned in ${r?.durationMs ?? 0} ms: ${r?.raised ?? 0} alert${r?.raised === 1 ? '' : 's'} raised`,
          });
          void queryClient.invalidateQueries({ queryKey: ALERTS });
          void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/certificates'] });
        },
      },
    );

  return (
    <Page
      title="Alerts and subscriptions"
      description="An alert is raised once per certificate at each threshold (30, 14, 7 and 1 days by default) and at its expiry. Scans run on every change, every hour, and when asked."
      writePermission="alerts:write"
      actions={
        <Permitted permission="alerts:write">
          <Button leftSection={<IconRadar size={16} aria-hidden />} loading={scan.isPending} onClick={runScan}>
            Scan now
          </Button>
        </Permitted>
      }
    >
      <ApiErrorAlert error={scan.error} title="The scan failed" onClose={() => scan.reset()} />
      {scan.data && (
        <Text size="sm" role="status">
          Last scan: {scan.data.certificates} certificates in {scan.data.durationMs} ms, {scan.data.raised} alert{scan.data.raised === 1 ? '' : 's'} raised.
        </Text>
      )}

      <section aria-labelledby="feed-title">
        <Group justify="space-between" mb="xs">
          <Group gap="sm">
            <Title order={2} size="h3" id="feed-title">
              Live feed
            </Title>
            <Badge color={look.color} variant="filled" data-feed-state={live.state}>
              {look.label}
            </Badge>
          </Group>
          <Button
            size="xs"
            variant="default"
            leftSection={paused ? <IconPlayerPlay size={14} aria-hidden /> : <IconPlayerPause size={14} aria-hidden />}
            onClick={() => setPaused((p) => !p)}
          >
            {paused ? 'Resume' : 'Pause'}
          </Button>
        </Group>
        <ApiErrorAlert error={live.state === 'failed' || live.state === 'reconnecting' ? live.error : undefined} title="The live feed was interrupted" />
        <ScrollArea.Autosize mah={320} type="auto">
          <div role="log" aria-label="Live alert feed" aria-live="polite">
            <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
              {feed.map((a) => (
                <FeedItem key={a.id} alert={a} />
              ))}
            </Stack>
          </div>
        </ScrollArea.Autosize>
        {feed.length === 0 && (
          <Text size="sm" c="dimmed">
            {live.state === 'live' ? 'Listening: alerts appear here the moment a scan raises them.' : 'Alerts appear here as they are raised.'}
          </Text>
        )}
      </section>

      <section aria-labelledby="alerts-title">
        <Title order={2} size="h3" id="alerts-title" mb="xs">
          Alerts
        </Title>
        <Stack gap="sm">
          <ApiErrorAlert error={alerts.error} title="Could not read the alerts" />
          <ListTable<Alert>
            label="Alerts"
            records={alerts.data}
            fetching={alerts.isLoading}
            columns={columns}
            idAccessor="id"
            sortBy="raisedAt"
            sortDirection="desc"
            searchText={(a) => `${a.subjectDN} ${a.issuerDN} ${a.source} ${a.ref} ${a.type}`}
            noRecordsText="No alert has been raised"
          />
        </Stack>
      </section>

      <section aria-labelledby="subscriptions-title">
        <Title order={2} size="h3" id="subscriptions-title" mb="xs">
          Webhook subscriptions
        </Title>
        <Subscriptions />
      </section>
    </Page>
  );
}
