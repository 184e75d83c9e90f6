import { NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { DialogActions } from '../../components/DialogActions';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { TOKENS, type CreatedToken } from './types';

/** The console's bounds for a token's lifetime (docs/operators.md): 90 days unless told, at most 366. */
const DEFAULT_DAYS = 90;
const MAX_DAYS = 366;

/** Makes an API token for an operator (POST /operators/{name}/tokens); the answer, with the token, goes to `onCreated` to be shown once. */
export function CreateToken({ operator, onCreated, onCancel }: { operator: string; onCreated: (t: CreatedToken) => void; onCancel: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/operators/{name}/tokens');
  const form = useForm<{ description: string; expiresInDays: number | string }>({
    mode: 'uncontrolled',
    initialValues: { description: '', expiresInDays: DEFAULT_DAYS },
    validate: {
      description: (v) => (v.length <= 256 ? null : 'At most 256 characters'),
      expiresInDays: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= MAX_DAYS ? null : `Whole days from 1 to ${MAX_DAYS}`),
    },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(({ description, expiresInDays }) =>
    create.mutate(
      {
        params: { path: { name: operator } },
        body: { ...(description.trim() && { description: description.trim() }), expiresInDays: Number(expiresInDays) },
      },
      {
        onSuccess: (created) => {
          void queryClient.invalidateQueries({ queryKey: TOKENS });
          if (created) onCreated(created);
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title="The token was not created" />
        <TextInput
          label="Description"
          description="What the token is for (a dashboard, a script); shown in the list"
          data-autofocus
          key={form.key('description')}
          {...form.getInputProps('description')}
        />
        <NumberInput
          label="Expires in (days)"
          description={`1 to ${MAX_DAYS}`}
          min={1}
          max={MAX_DAYS}
          allowDecimal={false}
          // Said, not silently changed: a number out of range is refused next to the field.
          clampBehavior="none"
          required
          key={form.key('expiresInDays')}
          {...form.getInputProps('expiresInDays')}
        />
        <DialogActions onCancel={onCancel} label="Create token" pending={create.isPending} />
      </Stack>
    </form>
  );
}
