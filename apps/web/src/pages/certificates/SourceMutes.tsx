import { Badge, Button, Modal, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import type { paths } from '../../api/schema';
import { DialogActions } from '../../components/DialogActions';
import { Permitted } from '../../components/Permitted';
import { ListTable } from '../../components/ListTable';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { moment } from '../../lib/format';

type Mute = paths['/api/v1/alerts/mutes']['get']['responses'][200]['content']['application/json'][number];
export type Source = Mute['source'];

export const SOURCES: { source: Source; label: string }[] = [
  { source: 'keystore', label: 'Keystore entries' },
  { source: 'service-key', label: 'Service keys' },
  { source: 'user-mapping', label: 'Certificate-to-user mappings' },
  { source: 'flow', label: 'Flow sender channels' },
  { source: 'ingress-trusted-root', label: 'Ingress trusted roots' },
  { source: 'ingress-server-chain', label: 'Ingress server chain' },
];

export const MUTES = ['get', '/api/v1/alerts/mutes'] as const;

interface Row {
  source: Source;
  label: string;
  total: number;
  expiring: number;
  expired: number;
  mute?: Mute;
}

function MuteForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const mute = $api.useMutation('put', '/api/v1/alerts/mutes/{source}');
  const form = useForm({ mode: 'uncontrolled', initialValues: { reason: '' } });
  const { error, handle } = useFormApiError(form);
  const submit = form.onSubmit(({ reason }) =>
    mute.mutate(
      { params: { path: { source } }, body: reason.trim() ? { reason: reason.trim() } : {} },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Source muted', message: `${source}: no alert is raised for it until it is unmuted` });
          void queryClient.invalidateQueries({ queryKey: MUTES });
          void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/certificates'] });
          onDone();
        },
        onError: handle,
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title={`${source} was not muted`} />
        <Text size="sm">
          A muted source raises and records no alert (for certificates that renew themselves); the inventory still lists its certificates. Unmuting raises what
          is due by then.
        </Text>
        <TextInput label="Reason" description="Optional, shown with the mute" data-autofocus key={form.key('reason')} {...form.getInputProps('reason')} />
        <DialogActions onCancel={onDone} label={`Mute ${source}`} pending={mute.isPending} />
      </Stack>
    </form>
  );
}

/** Every source of the inventory with its counts and its mute (`GET/PUT/DELETE /alerts/mutes`). */
export function SourceMutes({ certs }: { certs: readonly { source: Source; status: string }[] | undefined }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const mutes = $api.useQuery(...MUTES);
  const unmute = $api.useMutation('delete', '/api/v1/alerts/mutes/{source}');
  const [muting, setMuting] = useState<Source>();

  const rows = useMemo<Row[] | undefined>(() => {
    if (!mutes.data) return undefined;
    const counts = new Map<Source, { total: number; expiring: number; expired: number }>();
    for (const c of certs ?? []) {
      const n = counts.get(c.source) ?? { total: 0, expiring: 0, expired: 0 };
      n.total++;
      if (c.status === 'expiring') n.expiring++;
      if (c.status === 'expired') n.expired++;
      counts.set(c.source, n);
    }
    return SOURCES.map((s) => ({ ...s, total: 0, expiring: 0, expired: 0, ...counts.get(s.source), mute: mutes.data.find((m) => m.source === s.source) }));
  }, [certs, mutes.data]);

  const columns = [
    {
      accessor: 'source' as const,
      title: 'Source',
      render: (r: Row) => (
        <div>
          <Text size="sm" fw={600}>
            {r.source}
          </Text>
          <Text size="xs" c="dimmed">
            {r.label}
          </Text>
        </div>
      ),
    },
    {
      accessor: 'total' as const,
      title: 'Certificates',
      noWrap: true,
      render: (r: Row) => (
        <Text size="sm">
          {r.total}
          {r.expiring + r.expired > 0 && ` (${r.expiring} expiring, ${r.expired} expired)`}
        </Text>
      ),
    },
    {
      accessor: 'mute',
      title: 'Alerts',
      render: (r: Row) =>
        r.mute ? (
          <Stack gap={2}>
            <Badge color="gray.7" variant="filled" leftSection={<IconBellOff size={12} aria-hidden />} tt="none">
              muted
            </Badge>
            <Text size="xs">
              since {moment(r.mute.mutedAt)}
              {r.mute.reason ? ` — ${r.mute.reason}` : ''}
            </Text>
          </Stack>
        ) : (
          <Badge variant="default" leftSection={<IconBell size={12} aria-hidden />} tt="none">
            raised
          </Badge>
        ),
    },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (r: Row) =>
        r.mute ? (
          <Permitted permission="alerts:write">
            <Button
              size="xs"
              variant="default"
              aria-label={`Unmute ${r.source}`}
              loading={unmute.isPending && unmute.variables?.params.path.source === r.source}
              onClick={() =>
                unmute.mutate(
                  { params: { path: { source: r.source } } },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', title: 'Source unmuted', message: `${r.source}: alerts that are due are raised now` });
                      void queryClient.invalidateQueries({ queryKey: MUTES });
                      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/certificates'] });
                    },
                  },
                )
              }
            >
              Unmute
            </Button>
          </Permitted>
        ) : (
          <Permitted permission="alerts:write">
            <Button size="xs" variant="default" aria-label={`Mute ${r.source}`} onClick={() => setMuting(r.source)}>
              Mute
            </Button>
          </Permitted>
        ),
    },
  ];

  return (
    <Stack gap="sm">
      <ApiErrorAlert error={mutes.error} title="Could not read the mutes" />
      <ApiErrorAlert error={unmute.error} title="The source was not unmuted" onClose={() => unmute.reset()} />
      <ListTable<Row> label="Alert sources" records={rows} fetching={mutes.isLoading} columns={columns} idAccessor="source" pageSize={25} />
      <Modal opened={muting !== undefined} onClose={() => setMuting(undefined)} title={`Mute alerts of ${muting ?? ''}`} centered>
        {muting && <MuteForm source={muting} onDone={() => setMuting(undefined)} />}
      </Modal>
    </Stack>
  );
}
