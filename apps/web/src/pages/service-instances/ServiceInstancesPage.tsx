import { Badge, Button, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconKey, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiProvider';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ListTable } from '../../components/ListTable';
import { Names } from '../../components/Names';
import { Page } from '../../components/Page';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { Permitted } from '../../components/Permitted';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { moment } from '../../lib/format';
import { InstanceForm } from './InstanceForm';
import { KeysPanel } from './KeysPanel';
import { grantTypeOf, INSTANCES, KEYS, type Instance } from './types';

/**
 * Service instances with their parameters (roles, grant type, redirect URIs): create,
 * update, delete; and the keys of the selected one (`?instance=<name>`): add one from the
 * sender's PEM file or generate one (its secret shown once), its JSON, delete.
 */
export default function ServiceInstancesPage() {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const instances = $api.useQuery(...INSTANCES);
  const remove = $api.useMutation('delete', '/api/v1/service-instances/{name}');
  const [editing, setEditing] = useState<Instance | 'new'>();
  const [toDelete, setToDelete] = useState<Instance>();

  const selectedName = params.get('instance') ?? undefined;
  const selected = instances.data?.find((i) => i.name === selectedName);
  const select = (name: string | undefined) => setParams(name ? { instance: name } : {}, { replace: false });

  // Bring the keys into view when an instance is picked.
  useEffect(() => {
    if (selected) document.getElementById('keys')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [selected]);

  const columns = [
    {
      accessor: 'name' as const,
      title: 'Name',
      sortable: true,
      noWrap: true,
      render: (i: Instance) => (
        <Text size="sm" fw={600}>
          {i.name}
        </Text>
      ),
    },
    {
      accessor: 'grantType',
      title: 'Grant type',
      noWrap: true,
      render: (i: Instance) => (
        <Badge variant="default" tt="none">
          {grantTypeOf(i)}
        </Badge>
      ),
    },
    { accessor: 'roles', title: 'Roles', render: (i: Instance) => <Names names={i.parameters.roles} empty="no role" /> },
    {
      accessor: 'redirectUris',
      title: 'Redirect URIs',
      render: (i: Instance) =>
        i.parameters['redirect-uris'].length ? (
          <Stack gap={0}>
            {i.parameters['redirect-uris'].map((u) => (
              <Text key={u} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {u}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            none
          </Text>
        ),
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (i: Instance) => moment(i.createdAt) },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (i: Instance) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant={i.name === selectedName ? 'filled' : 'default'}
            leftSection={<IconKey size={14} aria-hidden />}
            aria-label={`Keys of ${i.name}`}
            aria-pressed={i.name === selectedName}
            onClick={() => select(i.name === selectedName ? undefined : i.name)}
          >
            Keys
          </Button>
          <Permitted permission="service-instances:write">
            <Button size="xs" variant="default" leftSection={<IconEdit size={14} aria-hidden />} aria-label={`Edit ${i.name}`} onClick={() => setEditing(i)}>
              Edit
            </Button>
          </Permitted>
          <Permitted permission="service-instances:write">
            <RowDeleteButton
              aria-label={`Delete ${i.name}`}
              onClick={() => {
                remove.reset();
                setToDelete(i);
              }}
            />
          </Permitted>
        </Group>
      ),
    },
  ];

  return (
    <Page
      title="Service instances and keys"
      description="A sender is a service instance (its roles and grant type) with keys: its own certificate from a PEM file, a generated certificate key or a client secret. Press Keys on an instance to see and add its keys."
      writePermission="service-instances:write"
      actions={
        <Permitted permission="service-instances:write">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            Create instance
          </Button>
        </Permitted>
      }
    >
      <ApiErrorAlert error={instances.error} title="Could not read the service instances" />
      <ListTable<Instance>
        label="Service instances"
        records={instances.data}
        fetching={instances.isLoading}
        columns={columns}
        idAccessor="name"
        sortBy="name"
        searchText={(i) => `${i.name} ${i.parameters.roles.join(' ')} ${i.parameters['grant-types'].join(' ')}`}
        noRecordsText="No service instance yet: create one for each sender"
      />
      {selectedName && !selected && instances.data && (
        <Text size="sm" c="dimmed">
          There is no service instance {selectedName}.
        </Text>
      )}
      {selected && <KeysPanel key={selected.name} instance={selected} onShowInstance={(name) => select(name)} />}

      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === 'new' ? 'Create a service instance' : `Edit ${editing?.name ?? ''}`}
        size="lg"
        centered
      >
        {editing !== undefined && <InstanceForm instance={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} />}
      </Modal>

      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title={`Delete ${toDelete?.name ?? ''}?`} centered>
        {toDelete && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                The service instance <b>{toDelete.name}</b> and all its keys are deleted: their certificates and secrets stop working on every ingress replica
                at once.
              </Text>
            }
            error={remove.error}
            errorTitle={`${toDelete.name} was not deleted`}
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { name: toDelete.name } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Service instance deleted', message: toDelete.name });
                    if (toDelete.name === selectedName) select(undefined);
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: INSTANCES });
                    void queryClient.invalidateQueries({ queryKey: KEYS });
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </Page>
  );
}
