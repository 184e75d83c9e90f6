import { Badge, Button, Group, List, Modal, Stack, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import type { paths } from '../../api/schema';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DialogActions } from '../../components/DialogActions';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { Permitted } from '../../components/Permitted';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { downloadJson } from '../../lib/download';
import { moment } from '../../lib/format';

type Role = paths['/api/v1/roles']['get']['responses'][200]['content']['application/json'][number];

const ROLES = ['get', '/api/v1/roles'] as const;

/** The holders a `role_in_use` refusal names (details.instances, .users, .groups, .flows). */
const USERS_OF_A_ROLE = [
  { key: 'instances', label: 'Service instances' },
  { key: 'users', label: 'Users' },
  { key: 'groups', label: 'Groups' },
  { key: 'flows', label: 'Flows' },
] as const;

function RoleUsers({ error }: { error: unknown }) {
  const err = toApiError(error);
  if (err.code !== 'role_in_use') return null;
  const holders = USERS_OF_A_ROLE.map((h) => ({ ...h, names: err.names(h.key) })).filter((h) => h.names.length > 0);
  return (
    <Stack gap={4} mt="xs" aria-label="Who uses this role">
      {holders.map((h) => (
        <Group key={h.key} gap="xs" align="baseline">
          <Text size="sm" fw={600}>
            {h.label}:
          </Text>
          <List size="sm" listStyleType="none" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {h.names.map((n) => (
              <List.Item key={n}>
                <Badge variant="default" tt="none">
                  {n}
                </Badge>
              </List.Item>
            ))}
          </List>
        </Group>
      ))}
    </Stack>
  );
}

function CreateRole({ onDone }: { onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/roles');
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', description: '' },
    validate: { name: (v) => (v.trim() ? null : 'A role needs a name') },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(({ name, description }) =>
    create.mutate(
      { body: { name: name.trim(), ...(description.trim() && { description: description.trim() }) } },
      {
        onSuccess: (role) => {
          notifications.show({ color: 'teal', title: 'Role created', message: role?.name ?? name });
          void queryClient.invalidateQueries({ queryKey: ROLES });
          onDone();
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The role was not created" />
        <TextInput
          label="Name"
          description="Letters, digits, _ and -, with single dots between them (ESBMessaging.send); at most 64"
          required
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Textarea label="Description" autosize minRows={2} key={form.key('description')} {...form.getInputProps('description')} />
        <DialogActions onCancel={onDone} label="Create role" pending={create.isPending} />
      </Stack>
    </form>
  );
}

/** User roles: list, create, delete (a refusal names who uses the role), Download JSON for instance parameters. */
export default function RolesPage() {
  const { api, $api } = useApi();
  const queryClient = useQueryClient();
  const roles = $api.useQuery(...ROLES);
  const remove = $api.useMutation('delete', '/api/v1/roles/{name}');
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<Role>();
  const [downloadError, setDownloadError] = useState<unknown>();

  const download = async (role: Role) => {
    setDownloadError(undefined);
    try {
      const { data } = await api.GET('/api/v1/roles/{name}/json', { params: { path: { name: role.name } } });
      downloadJson(data, `role-${role.name}.json`);
    } catch (err) {
      setDownloadError(err);
    }
  };

  const columns = [
    {
      accessor: 'name' as const,
      title: 'Name',
      sortable: true,
      noWrap: true,
      render: (r: Role) => (
        <Text size="sm" fw={600}>
          {r.name}
        </Text>
      ),
    },
    { accessor: 'description' as const, title: 'Description', render: (r: Role) => <Text size="sm">{r.description}</Text> },
    {
      accessor: 'predefined' as const,
      title: 'Kind',
      sortable: true,
      noWrap: true,
      render: (r: Role) => <Badge variant={r.predefined ? 'default' : 'filled'}>{r.predefined ? 'predefined' : 'custom'}</Badge>,
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (r: Role) => moment(r.createdAt) },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (r: Role) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={`Download JSON of role ${r.name}`}
            onClick={() => void download(r)}
          >
            JSON
          </Button>
          <Permitted permission="roles:write">
            <RowDeleteButton
              aria-label={`Delete role ${r.name}`}
              disabled={r.predefined}
              title={r.predefined ? 'The predefined role cannot be deleted' : undefined}
              onClick={() => {
                remove.reset();
                setToDelete(r);
              }}
            />
          </Permitted>
        </Group>
      ),
    },
  ];

  return (
    <Page
      title="Roles"
      description="Roles a sender's service instance holds and a flow's sender channel asks for. Download JSON gives the parameters that grant a role."
      writePermission="roles:write"
      actions={
        <Permitted permission="roles:write">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create role
          </Button>
        </Permitted>
      }
    >
      <ApiErrorAlert error={roles.error} title="Could not read the roles" />
      <ApiErrorAlert error={downloadError} title="Could not download the role's JSON" onClose={() => setDownloadError(undefined)} />
      <ListTable<Role>
        label="Roles"
        records={roles.data}
        fetching={roles.isLoading}
        columns={columns}
        idAccessor="name"
        sortBy="name"
        searchText={(r) => `${r.name} ${r.description}`}
      />

      <Modal opened={creating} onClose={() => setCreating(false)} title="Create a role" centered>
        <CreateRole onDone={() => setCreating(false)} />
      </Modal>

      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title={`Delete role ${toDelete?.name ?? ''}?`} centered>
        {toDelete && (
          <ConfirmDelete
            explanation={
              <Text size="sm">A role still held by a service instance, user or group, or asked for by a flow, is not deleted: the refusal names them.</Text>
            }
            error={remove.error}
            errorTitle={`Role ${toDelete.name} was not deleted`}
            retryable={false}
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { name: toDelete.name } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Role deleted', message: toDelete.name });
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: ROLES });
                  },
                },
              )
            }
          >
            <RoleUsers error={remove.error} />
          </ConfirmDelete>
        )}
      </Modal>
    </Page>
  );
}
