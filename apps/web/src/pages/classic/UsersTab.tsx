import { Button, Group, List, Modal, MultiSelect, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DialogActions } from '../../components/DialogActions';
import { ListTable } from '../../components/ListTable';
import { Names } from '../../components/Names';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { Permitted } from '../../components/Permitted';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { shortFingerprint } from '../../lib/format';
import { atListField, MAPPINGS, ROLES, USERS, type User } from './shared';

function CreateUser({ onDone }: { onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/users');
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : 'A user needs a name') },
  });
  const { error, handle } = useFormApiError(form);
  const submit = form.onSubmit(({ name }) =>
    create.mutate(
      { body: { name: name.trim() } },
      {
        onSuccess: (u) => {
          notifications.show({ color: 'teal', title: 'User created', message: u?.name ?? name });
          void queryClient.invalidateQueries({ queryKey: USERS });
          onDone();
        },
        onError: handle,
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The user was not created" />
        <TextInput
          label="Name"
          description="Letters, digits, _, -, @ and single dots (john.doe@acme.com); at most 128"
          required
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Text size="xs" c="dimmed">
          Optional: mapping a certificate, giving roles or adding to a group names a user without creating it first.
        </Text>
        <DialogActions onCancel={onDone} label="Create user" pending={create.isPending} />
      </Stack>
    </form>
  );
}

function SetRoles({ user, onDone }: { user: User; onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const roles = $api.useQuery(...ROLES);
  const save = $api.useMutation('put', '/api/v1/users/{user}/roles');
  const form = useForm({ mode: 'uncontrolled', initialValues: { roles: user.roles } });
  const { error, handle } = useFormApiError(form);
  const submit = form.onSubmit((v) =>
    save.mutate(
      { params: { path: { user: user.name } }, body: { roles: v.roles } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Roles saved', message: `${user.name}: ${v.roles.join(', ') || 'no direct role'}` });
          void queryClient.invalidateQueries({ queryKey: USERS });
          onDone();
        },
        onError: (err) => handle(atListField(err)),
      },
    ),
  );
  const names = (roles.data ?? []).map((r) => r.name);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The roles were not saved" />
        <ApiErrorAlert error={roles.error} title="Could not read the roles" />
        <MultiSelect
          label="Direct roles"
          description="Replaces the user's direct roles; the roles of their groups add to them"
          data={[...new Set([...names, ...user.roles])]}
          searchable
          clearable
          nothingFoundMessage="No such role"
          data-autofocus
          key={form.key('roles')}
          {...form.getInputProps('roles')}
        />
        {user.groups.length > 0 && (
          <Text size="xs" c="dimmed">
            Also member of {user.groups.join(', ')}.
          </Text>
        )}
        <DialogActions onCancel={onDone} label="Save roles" pending={save.isPending} />
      </Stack>
    </form>
  );
}

/** What still names a user whose deletion was refused (409 `user_in_use`: details.mappings, details.groups). */
function UserHolders({ error }: { error: unknown }) {
  const err = toApiError(error);
  if (err.code !== 'user_in_use') return null;
  const mappings = err.names('mappings');
  const groups = err.names('groups');
  return (
    <Stack gap={2} mt="xs" aria-label="What still names this user">
      {mappings.length > 0 && (
        <Text size="sm">
          Mappings: <span>{mappings.map(shortFingerprint).join(', ')}</span> (delete them on the Mappings tab)
        </Text>
      )}
      {groups.length > 0 && <Text size="sm">Groups: {groups.join(', ')} (remove the user from them on the Groups tab)</Text>}
    </Stack>
  );
}

/** Users: create, set direct roles, delete; with their groups, effective roles and mapped certificates. */
export function UsersTab() {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const users = $api.useQuery(...USERS);
  const mappings = $api.useQuery(...MAPPINGS);
  const remove = $api.useMutation('delete', '/api/v1/users/{user}');
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<User>();
  const [toDelete, setToDelete] = useState<User>();
  const subjects = useMemo(() => new Map((mappings.data ?? []).map((m) => [m.id, m.certificate.subjectDN])), [mappings.data]);

  const columns = [
    {
      accessor: 'name' as const,
      title: 'User',
      sortable: true,
      noWrap: true,
      render: (u: User) => (
        <Text size="sm" fw={600}>
          {u.name}
        </Text>
      ),
    },
    { accessor: 'roles', title: 'Direct roles', render: (u: User) => <Names names={u.roles} /> },
    { accessor: 'groups', title: 'Groups', render: (u: User) => <Names names={u.groups} /> },
    {
      accessor: 'effectiveRoles',
      title: 'Effective roles',
      render: (u: User) => <Names names={u.effectiveRoles} empty="none: cannot call a role-protected flow" label={`Effective roles of ${u.name}`} />,
    },
    {
      accessor: 'mappings',
      title: 'Mapped certificates',
      render: (u: User) =>
        u.mappings.length ? (
          <List size="xs" listStyleType="none" aria-label={`Certificates of ${u.name}`}>
            {u.mappings.map((id) => (
              <List.Item key={id}>
                <Text size="xs" title={id}>
                  {subjects.get(id) ?? shortFingerprint(id)}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            none
          </Text>
        ),
    },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (u: User) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Permitted permission="classic:write">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconShieldCheck size={14} aria-hidden />}
              aria-label={`Set the roles of ${u.name}`}
              onClick={() => setRolesOf(u)}
            >
              Roles
            </Button>
          </Permitted>
          <Permitted permission="classic:write">
            <RowDeleteButton
              aria-label={`Delete user ${u.name}`}
              onClick={() => {
                remove.reset();
                setToDelete(u);
              }}
            />
          </Permitted>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Group>
        <Permitted permission="classic:write">
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create user
          </Button>
        </Permitted>
      </Group>
      <ApiErrorAlert error={users.error} title="Could not read the users" />
      <ListTable<User>
        label="Users"
        records={users.data}
        fetching={users.isLoading}
        columns={columns}
        idAccessor="name"
        sortBy="name"
        searchText={(u) => `${u.name} ${u.effectiveRoles.join(' ')} ${u.groups.join(' ')}`}
        noRecordsText="No user yet"
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title="Create a user" centered>
        {creating && <CreateUser onDone={() => setCreating(false)} />}
      </Modal>
      <Modal opened={rolesOf !== undefined} onClose={() => setRolesOf(undefined)} title={`Roles of ${rolesOf?.name ?? ''}`} centered>
        {rolesOf && <SetRoles user={rolesOf} onDone={() => setRolesOf(undefined)} />}
      </Modal>
      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title={`Delete user ${toDelete?.name ?? ''}?`} centered>
        {toDelete && (
          <ConfirmDelete
            explanation={
              <Text size="sm">Its direct roles go with it. A user that a mapping or a group still names is not deleted: the refusal says which.</Text>
            }
            error={remove.error}
            errorTitle={`${toDelete.name} was not deleted`}
            retryable={false}
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { user: toDelete.name } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'User deleted', message: toDelete.name });
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: USERS });
                  },
                },
              )
            }
          >
            <UserHolders error={remove.error} />
          </ConfirmDelete>
        )}
      </Modal>
    </Stack>
  );
}
