import { Button, Group as Row, Modal, MultiSelect, Stack, TagsInput, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DialogActions } from '../../components/DialogActions';
import { ListTable } from '../../components/ListTable';
import { Names } from '../../components/Names';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { Permitted } from '../../components/Permitted';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { moment } from '../../lib/format';
import { atListField, GROUPS, ROLES, USERS, type Group } from './shared';

/** Creates a group (POST) or, given one, replaces its roles and members (PUT). */
function GroupForm({ group, onDone }: { group?: Group; onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const roles = $api.useQuery(...ROLES);
  const users = $api.useQuery(...USERS);
  const create = $api.useMutation('post', '/api/v1/groups');
  const update = $api.useMutation('put', '/api/v1/groups/{name}');
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: group?.name ?? '', roles: group?.roles ?? [], users: group?.users ?? [] },
    validate: { name: (v) => (v.trim() ? null : 'A group needs a name') },
  });
  const { error, handle } = useFormApiError(form);
  const onError = (err: unknown) => handle(atListField(err));

  const submit = form.onSubmit((v) => {
    const onSuccess = () => {
      notifications.show({ color: 'teal', title: group ? 'Group saved' : 'Group created', message: group?.name ?? v.name.trim() });
      void queryClient.invalidateQueries({ queryKey: GROUPS });
      void queryClient.invalidateQueries({ queryKey: USERS });
      onDone();
    };
    if (group) update.mutate({ params: { path: { name: group.name } }, body: { roles: v.roles, users: v.users } }, { onSuccess, onError });
    else create.mutate({ body: { name: v.name.trim(), roles: v.roles, users: v.users } }, { onSuccess, onError });
  });

  const roleNames = [...new Set([...(roles.data ?? []).map((r) => r.name), ...(group?.roles ?? [])])];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title={group ? 'The group was not saved' : 'The group was not created'} />
        <ApiErrorAlert error={roles.error} title="Could not read the roles" />
        <TextInput label="Name" required disabled={Boolean(group)} data-autofocus key={form.key('name')} {...form.getInputProps('name')} />
        <MultiSelect
          label="Roles"
          description="Every member holds them"
          data={roleNames}
          searchable
          clearable
          nothingFoundMessage="No such role"
          key={form.key('roles')}
          {...form.getInputProps('roles')}
        />
        <TagsInput
          label="Users"
          description="Existing users are suggested; press Enter after a new name"
          data={(users.data ?? []).map((u) => u.name)}
          clearable
          key={form.key('users')}
          {...form.getInputProps('users')}
        />
        <DialogActions onCancel={onDone} label={group ? 'Save group' : 'Create group'} pending={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}

/** Groups: create with roles and users, edit, delete. */
export function GroupsTab() {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const groups = $api.useQuery(...GROUPS);
  const remove = $api.useMutation('delete', '/api/v1/groups/{name}');
  const [editing, setEditing] = useState<Group | 'new'>();
  const [toDelete, setToDelete] = useState<Group>();

  const columns = [
    {
      accessor: 'name' as const,
      title: 'Group',
      sortable: true,
      noWrap: true,
      render: (g: Group) => (
        <Text size="sm" fw={600}>
          {g.name}
        </Text>
      ),
    },
    { accessor: 'roles', title: 'Roles', render: (g: Group) => <Names names={g.roles} /> },
    { accessor: 'users', title: 'Users', render: (g: Group) => <Names names={g.users} label={`Members of ${g.name}`} /> },
    { accessor: 'updatedAt' as const, title: 'Changed', sortable: true, noWrap: true, render: (g: Group) => moment(g.updatedAt) },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (g: Group) => (
        <Row gap="xs" justify="flex-end" wrap="nowrap">
          <Permitted permission="classic:write">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} aria-hidden />}
              aria-label={`Edit group ${g.name}`}
              onClick={() => setEditing(g)}
            >
              Edit
            </Button>
          </Permitted>
          <Permitted permission="classic:write">
            <RowDeleteButton
              aria-label={`Delete group ${g.name}`}
              onClick={() => {
                remove.reset();
                setToDelete(g);
              }}
            />
          </Permitted>
        </Row>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Row>
        <Permitted permission="classic:write">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            Create group
          </Button>
        </Permitted>
      </Row>
      <ApiErrorAlert error={groups.error} title="Could not read the groups" />
      <ListTable<Group>
        label="Groups"
        records={groups.data}
        fetching={groups.isLoading}
        columns={columns}
        idAccessor="name"
        sortBy="name"
        searchText={(g) => `${g.name} ${g.roles.join(' ')} ${g.users.join(' ')}`}
        noRecordsText="No group yet"
      />
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === 'new' ? 'Create a group' : `Edit group ${editing?.name ?? ''}`}
        centered
      >
        {editing !== undefined && <GroupForm group={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} />}
      </Modal>
      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title={`Delete group ${toDelete?.name ?? ''}?`} centered>
        {toDelete && (
          <ConfirmDelete
            explanation={<Text size="sm">Its members lose its roles at once: {toDelete.users.length ? toDelete.users.join(', ') : 'it has no member'}.</Text>}
            error={remove.error}
            errorTitle="The group was not deleted"
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { name: toDelete.name } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Group deleted', message: toDelete.name });
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: GROUPS });
                    void queryClient.invalidateQueries({ queryKey: USERS });
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
