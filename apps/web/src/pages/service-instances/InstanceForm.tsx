import { MultiSelect, Radio, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { DialogActions } from '../../components/DialogActions';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { atListField, grantTypeOf, INSTANCES, type GrantType, type Instance } from './types';

interface Values extends Record<string, unknown> {
  name: string;
  roles: string[];
  grantType: GrantType;
  redirectUris: string[];
}

/** Where the API's `details.field` goes in this form. */
const API_FIELDS = { 'parameters.roles': 'roles', 'parameters.grant-types': 'grantType', 'parameters.redirect-uris': 'redirectUris' };

const GRANT_TYPES: { value: GrantType; label: string; description: string }[] = [
  {
    value: 'client_x509',
    label: 'client_x509',
    description: "Senders authenticate with a client certificate: keys from the sender's PEM file or generated certificate keys.",
  },
  {
    value: 'client_credentials',
    label: 'client_credentials',
    description: 'Senders get an OAuth token with a client id and secret: client-secret keys.',
  },
];

/** Creates a service instance (POST) or, given one, replaces its roles and redirect URIs (PUT). */
export function InstanceForm({ instance, onDone }: { instance?: Instance; onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const roles = $api.useQuery('get', '/api/v1/roles');
  const create = $api.useMutation('post', '/api/v1/service-instances');
  const update = $api.useMutation('put', '/api/v1/service-instances/{name}');
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      name: instance?.name ?? '',
      roles: instance?.parameters.roles ?? [],
      grantType: instance ? grantTypeOf(instance) : 'client_x509',
      redirectUris: instance?.parameters['redirect-uris'] ?? [],
    },
    validate: { name: (v) => (v.trim() ? null : 'An instance needs a name') },
  });
  const { error, handle } = useFormApiError(form, API_FIELDS);
  const onError = (err: unknown) => handle(atListField(err));

  const submit = form.onSubmit((v) => {
    const parameters = { roles: v.roles, 'grant-types': [v.grantType], 'redirect-uris': v.redirectUris };
    const onSuccess = (saved: Instance | undefined) => {
      notifications.show({ color: 'teal', title: instance ? 'Service instance updated' : 'Service instance created', message: saved?.name ?? v.name });
      void queryClient.invalidateQueries({ queryKey: INSTANCES });
      onDone();
    };
    if (instance) update.mutate({ params: { path: { name: instance.name } }, body: { parameters } }, { onSuccess, onError });
    else create.mutate({ body: { name: v.name.trim(), parameters } }, { onSuccess, onError });
  });

  const roleNames = (roles.data ?? []).map((r) => r.name);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title={instance ? 'The service instance was not updated' : 'The service instance was not created'} />
        <ApiErrorAlert error={roles.error} title="Could not read the roles" />
        <TextInput
          label="Name"
          description="Letters, digits, _ and -; at most 64"
          required
          disabled={Boolean(instance)}
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <MultiSelect
          label="Roles"
          description="The roles its keys' senders hold (a flow's sender channel asks for one)"
          placeholder={roleNames.length ? 'Pick roles' : 'No roles yet: create them on the Roles page'}
          data={roleNames}
          searchable
          clearable
          nothingFoundMessage="No such role"
          key={form.key('roles')}
          {...form.getInputProps('roles')}
        />
        <Radio.Group
          label="Grant type"
          description={instance ? 'Cannot change: its keys depend on it' : 'How its senders authenticate'}
          key={form.key('grantType')}
          {...form.getInputProps('grantType')}
        >
          <Stack gap="xs" mt="xs">
            {GRANT_TYPES.map((g) => (
              <Radio key={g.value} value={g.value} label={g.label} description={g.description} disabled={Boolean(instance)} />
            ))}
          </Stack>
        </Radio.Group>
        <TagsInput
          label="Redirect URIs"
          description="Press Enter after each (optional)"
          placeholder="https://app.example/callback"
          clearable
          key={form.key('redirectUris')}
          {...form.getInputProps('redirectUris')}
        />
        {instance && (
          <Text size="xs" c="dimmed">
            Saving replaces the roles and redirect URIs; keys and senders keep working.
          </Text>
        )}
        <DialogActions onCancel={onDone} label={instance ? 'Save' : 'Create instance'} pending={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}
