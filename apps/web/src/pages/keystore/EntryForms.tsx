import { Alert, Checkbox, Code, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import { DialogActions } from '../../components/DialogActions';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { downloadBlob } from '../../lib/download';
import { useRefreshKeystore, type Entry } from './keystore';

const ALIAS = /^[A-Za-z0-9_-]{1,64}$/;

/** A new alias (`POST /keystore/entries/{alias}/rename`); the key is re-sealed for it. */
export function RenameForm({ entry, onDone }: { entry: Entry; onDone: () => void }) {
  const { $api } = useApi();
  const refresh = useRefreshKeystore();
  const rename = $api.useMutation('post', '/api/v1/keystore/entries/{alias}/rename');
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newAlias: entry.alias },
    validate: {
      newAlias: (v) => (!ALIAS.test(v.trim()) ? 'An alias is 1–64 letters, digits, _ and -' : v.trim() === entry.alias ? 'That is its alias already' : null),
    },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(({ newAlias }) =>
    rename.mutate(
      { params: { path: { alias: entry.alias } }, body: { newAlias: newAlias.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Entry renamed', message: `${entry.alias} → ${newAlias.trim()}` });
          void refresh();
          onDone();
        },
        onError: handle,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title={`${entry.alias} was not renamed`} />
        <Text size="sm">
          Flows and connectivity tests that name <b>{entry.alias}</b> as their key alias do not follow the rename: change them too.
        </Text>
        <TextInput label="New alias" required data-autofocus key={form.key('newAlias')} {...form.getInputProps('newAlias')} />
        <DialogActions onCancel={onDone} label="Rename" pending={rename.isPending} />
      </Stack>
    </form>
  );
}

/** The key pair with its chain as a password-protected `.p12` (`POST /keystore/entries/{alias}/pkcs12`, AES-256). */
export function Pkcs12ExportForm({ entry, onDone }: { entry: Entry; onDone: () => void }) {
  const { api } = useApi();
  const [pending, setPending] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (v) => (v ? null : 'The file holds the private key: give it a password'),
      repeat: (v, values) => (v === values.password ? null : 'The passwords differ'),
    },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(async ({ password }) => {
    setPending(true);
    try {
      const { data } = await api.POST('/api/v1/keystore/entries/{alias}/pkcs12', {
        params: { path: { alias: entry.alias } },
        body: { password },
        parseAs: 'blob',
      });
      downloadBlob(data as Blob, `${entry.alias}.p12`);
      notifications.show({ color: 'teal', title: 'PKCS#12 exported', message: `${entry.alias}.p12` });
      onDone();
    } catch (err) {
      handle(err);
    } finally {
      setPending(false);
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title={`${entry.alias} was not exported`} />
        <Text size="sm">The private key of {entry.alias} and its chain, encrypted with this password (AES-256, PBKDF2). Keep both safe.</Text>
        <PasswordInput label="Password" required data-autofocus key={form.key('password')} {...form.getInputProps('password')} />
        <PasswordInput label="Repeat the password" required key={form.key('repeat')} {...form.getInputProps('repeat')} />
        <DialogActions onCancel={onDone} label="Download .p12" pending={pending} />
      </Stack>
    </form>
  );
}

/**
 * Deleting an entry, confirmed. The system key pair is refused without force
 * (`system_key_protected`): the refusal is shown with what deleting it means, and the
 * forced delete needs a checkbox and the alias typed again.
 */
export function DeleteEntry({ entry, onDone }: { entry: Entry; onDone: () => void }) {
  const { $api } = useApi();
  const refresh = useRefreshKeystore();
  const remove = $api.useMutation('delete', '/api/v1/keystore/entries/{alias}');
  const [understood, setUnderstood] = useState(false);
  const [typed, setTyped] = useState('');
  const code = remove.error ? toApiError(remove.error).code : undefined;
  const mayForce = code === 'system_key_protected';

  const run = (force: boolean) =>
    remove.mutate(
      { params: { path: { alias: entry.alias }, ...(force && { query: { force: 'true' as const } }) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Entry deleted', message: entry.alias });
          void refresh();
          onDone();
        },
      },
    );

  return (
    <Stack>
      <Text size="sm">
        {entry.kind === 'key-pair'
          ? `The key pair ${entry.alias} and its private key are deleted for good: flows that use it as their receiver key fail until they name another.`
          : `The trusted certificate ${entry.alias} is removed: receivers and chains that end in it stop being trusted.`}
      </Text>
      <ApiErrorAlert error={remove.error && !mayForce ? remove.error : undefined} title={`${entry.alias} was not deleted`} />
      {mayForce && (
        <Alert color="red" variant="light" role="alert" title="This is the tenant system key pair" icon={<IconAlertTriangle aria-hidden />}>
          <Stack gap="xs">
            <Text size="sm">{toApiError(remove.error).message}</Text>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                code
              </Text>
              <Code>system_key_protected</Code>
              <Text size="xs" c="dimmed">
                HTTP 409
              </Text>
            </Group>
            <Text size="sm">
              Client-certificate authentication needs this key pair: once it is deleted, every sender that authenticates with a client certificate is refused
              (401) until a key pair is imported or provisioned under <b>{entry.alias}</b>, and flows that call receivers with it fail.
            </Text>
            <Checkbox
              label="I understand that client-certificate authentication stops for this tenant"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
            <TextInput label="Type the alias to confirm" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
          </Stack>
        </Alert>
      )}
      <DialogActions
        onCancel={onDone}
        cancelLabel={remove.error ? 'Close' : 'Cancel'}
        label={mayForce ? 'Delete anyway' : 'Delete'}
        color="red"
        pending={remove.isPending}
        disabled={mayForce ? !understood || typed !== entry.alias : Boolean(remove.error)}
        onClick={() => run(mayForce)}
      />
    </Stack>
  );
}
