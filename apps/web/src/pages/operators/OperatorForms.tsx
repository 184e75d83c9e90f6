import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import type { OperatorRole } from '../../auth/permissions';
import { DialogActions } from '../../components/DialogActions';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { RoleChecks } from './RoleChecks';
import { OPERATORS, type Operator } from './types';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_@-]{0,63}$/;
const atLeastOneRole = (roles: OperatorRole[]) => (roles.length > 0 ? null : 'An operator needs at least one role');
/** `roles[0]` of a refusal is the Roles field. */
const API_FIELDS = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`roles[${i}]`, 'roles']));

/** Makes an operator (POST /operators): a name and its roles; enabled from the start. */
export function CreateOperator({ onDone }: { onDone: (name?: string) => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/operators');
  const form = useForm<{ name: string; roles: OperatorRole[] }>({
    mode: 'uncontrolled',
    initialValues: { name: '', roles: [] },
    validate: {
      name: (v) => (NAME.test(v.trim()) ? null : "1-64 letters, digits, '_', '@' or '-', starting with a letter or digit"),
      roles: atLeastOneRole,
    },
  });
  const { error, handle } = useFormApiError(form, API_FIELDS);

  const submit = form.onSubmit(({ name, roles }) =>
    create.mutate(
      { body: { name: name.trim(), roles } },
      {
        onSuccess: (op) => {
          notifications.show({ color: 'teal', title: 'Operator created', message: `${op?.name ?? name}: ${roles.join(', ')}` });
          void queryClient.invalidateQueries({ queryKey: OPERATORS });
          onDone(op?.name ?? name.trim());
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The operator was not created" />
        <TextInput
          label="Name"
          description="Letters, digits, _, @ and -; at most 64 (an e-mail's local part, a login)"
          required
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <RoleChecks key={form.key('roles')} {...form.getInputProps('roles')} />
        <DialogActions onCancel={() => onDone()} label="Create operator" pending={create.isPending} />
      </Stack>
    </form>
  );
}

/** Replaces an operator's roles (PATCH): in force for its tokens on every console replica at once. */
export function EditRoles({ operator, onDone }: { operator: Operator; onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const update = $api.useMutation('patch', '/api/v1/operators/{name}');
  const form = useForm<{ roles: OperatorRole[] }>({
    mode: 'uncontrolled',
    initialValues: { roles: operator.roles },
    validate: { roles: atLeastOneRole },
  });
  const { error, handle } = useFormApiError(form, API_FIELDS);

  const submit = form.onSubmit(({ roles }) =>
    update.mutate(
      { params: { path: { name: operator.name } }, body: { roles } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Roles changed', message: `${operator.name}: ${roles.join(', ')}` });
          void queryClient.invalidateQueries({ queryKey: OPERATORS });
          onDone();
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The roles were not changed" />
        <RoleChecks key={form.key('roles')} {...form.getInputProps('roles')} />
        <DialogActions onCancel={onDone} label="Save roles" pending={update.isPending} />
      </Stack>
    </form>
  );
}
