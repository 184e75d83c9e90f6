import { Badge, Button, Group, Modal, MultiSelect, PasswordInput, Stack, TagsInput, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import type { paths } from '../../api/schema';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DialogActions } from '../../components/DialogActions';
import { ListTable } from '../../components/ListTable';
import { Permitted } from '../../components/Permitted';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { moment } from '../../lib/format';

type Subscription = paths['/api/v1/alert-subscriptions']['get']['responses'][200]['content']['application/json'][number];
type Source = NonNullable<Subscription['sources']>[number];

const SUBSCRIPTIONS = ['get', '/api/v1/alert-subscriptions'] as const;
const SOURCES: Source[] = ['keystore', 'service-key', 'user-mapping', 'flow', 'ingress-trusted-root', 'ingress-server-chain'];
const THRESHOLD_SUGGESTIONS = ['30', '14', '7', '1', '0'];

const thresholdText = (t: number) => (t === 0 ? 'expired' : `${t} d`);

/** `thresholds[2]` of the API → the form's one field. */
const THRESHOLD_FIELDS = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`thresholds[${i}]`, 'thresholds']));

function AddSubscription({ onDone }: { onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/alert-subscriptions');
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { url: '', secret: '', sources: [] as string[], thresholds: [] as string[] },
    validate: {
      url: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? null : 'An http(s) URL, e.g. https://ops.example/hooks/certgate'),
      secret: (v) => (v.length >= 16 && v.length <= 256 ? null : '16–256 characters: it keys the HMAC-SHA256 signature of each delivery'),
      thresholds: (v) => (v.every((t) => /^\d+$/.test(t.trim())) ? null : 'Whole days (0 = expired)'),
    },
  });
  const { error, handle } = useFormApiError(form, THRESHOLD_FIELDS);

  const submit = form.onSubmit(({ url, secret, sources, thresholds }) =>
    create.mutate(
      {
        body: {
          url: url.trim(),
          secret,
          ...(sources.length > 0 && { sources: sources as Source[] }),
          ...(thresholds.length > 0 && { thresholds: [...new Set(thresholds.map((t) => Number(t.trim())))] }),
        },
      },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'teal', title: 'Subscription added', message: `${s?.url ?? url}: the secret is not shown again` });
          void queryClient.invalidateQueries({ queryKey: SUBSCRIPTIONS });
          onDone();
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The subscription was not added" />
        <TextInput
          label="URL"
          description="Every alert raised from now on is POSTed here as JSON, retried until it answers 2xx"
          required
          data-autofocus
          key={form.key('url')}
          {...form.getInputProps('url')}
        />
        <PasswordInput
          label="Secret"
          description="16–256 characters; each POST carries X-Certgate-Signature: sha256=<HMAC of the body>. Not shown again."
          required
          autoComplete="new-password"
          key={form.key('secret')}
          {...form.getInputProps('secret')}
        />
        <MultiSelect
          label="Sources"
          description="Empty: every source"
          placeholder="Every source"
          data={SOURCES}
          searchable
          clearable
          key={form.key('sources')}
          {...form.getInputProps('sources')}
        />
        <TagsInput
          label="Thresholds (days)"
          description="Empty: every threshold; 0 is the expiry itself"
          data={THRESHOLD_SUGGESTIONS}
          clearable
          key={form.key('thresholds')}
          {...form.getInputProps('thresholds')}
        />
        <DialogActions onCancel={onDone} label="Add subscription" pending={create.isPending} />
      </Stack>
    </form>
  );
}

/** Delivered, failed attempts (with the last error) and pending alerts of one subscription. */
function DeliveryCounters({ deliveries: d, consumer }: Pick<Subscription, 'deliveries' | 'consumer'>) {
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <Badge color="teal.9" variant="outline" tt="none" title={d.lastDeliveredAt && `last delivered ${d.lastDeliveredAt}`}>
          {d.delivered} delivered
        </Badge>
        <Badge color={d.failedAttempts ? 'red.9' : 'gray.7'} variant="outline" tt="none">
          {d.failedAttempts} failed
        </Badge>
        <Badge color={d.pending ? 'yellow.9' : 'gray.7'} variant="outline" tt="none">
          {d.pending ?? '?'} pending
        </Badge>
      </Group>
      {d.lastError && (
        <Text size="xs" c="red.9">
          last failure {d.lastFailedAt && moment(d.lastFailedAt)}: {d.lastError}
        </Text>
      )}
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        consumer {consumer}
      </Text>
    </Stack>
  );
}

/** Webhook subscriptions: list with delivery counters, add (url, secret, sources, thresholds), delete. */
export function Subscriptions() {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  // Read again every 10 s: the delivery counters move as the keystore delivers.
  const subscriptions = $api.useQuery(...SUBSCRIPTIONS, undefined, { refetchInterval: 10_000 });
  const remove = $api.useMutation('delete', '/api/v1/alert-subscriptions/{id}');
  const [adding, setAdding] = useState(false);
  const [toDelete, setToDelete] = useState<Subscription>();

  const columns = [
    {
      accessor: 'url' as const,
      title: 'URL',
      sortable: true,
      render: (s: Subscription) => (
        <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
          {s.url}
        </Text>
      ),
    },
    {
      accessor: 'sources',
      title: 'Sources',
      render: (s: Subscription) =>
        s.sources ? (
          <Group gap={4}>
            {s.sources.map((x) => (
              <Badge key={x} variant="default" tt="none">
                {x}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm">all</Text>
        ),
    },
    {
      accessor: 'thresholds',
      title: 'Thresholds',
      render: (s: Subscription) => <Text size="sm">{s.thresholds ? s.thresholds.map(thresholdText).join(', ') : 'all'}</Text>,
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (s: Subscription) => moment(s.createdAt) },
    {
      accessor: 'deliveries',
      title: 'Deliveries',
      render: (s: Subscription) => <DeliveryCounters deliveries={s.deliveries} consumer={s.consumer} />,
    },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (s: Subscription) => (
        <Permitted permission="alerts:write">
          <RowDeleteButton
            aria-label={`Delete the subscription of ${s.url}`}
            onClick={() => {
              remove.reset();
              setToDelete(s);
            }}
          />
        </Permitted>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          Each subscription has a durable consumer: alerts are delivered in order, at least once, across restarts; a failed attempt is retried with backoff
          until the receiver answers 2xx.
        </Text>
        <Permitted permission="alerts:write">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            Add subscription
          </Button>
        </Permitted>
      </Group>
      <ApiErrorAlert error={subscriptions.error} title="Could not read the subscriptions" />
      <ListTable<Subscription>
        label="Webhook subscriptions"
        records={subscriptions.data}
        fetching={subscriptions.isLoading}
        columns={columns}
        idAccessor="id"
        sortBy="createdAt"
        noRecordsText="No webhook subscription"
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a webhook subscription" centered size="lg">
        <AddSubscription onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title="Delete this subscription?" centered>
        {toDelete && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                Alerts stop being delivered to <b style={{ wordBreak: 'break-all' }}>{toDelete.url}</b>; its consumer and any delivery still pending are
                dropped.
              </Text>
            }
            error={remove.error}
            errorTitle="The subscription was not deleted"
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { id: toDelete.id } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Subscription deleted', message: toDelete.url });
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: SUBSCRIPTIONS });
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </Stack>
  );
}
