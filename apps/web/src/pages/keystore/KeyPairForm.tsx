import { Group, Loader, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useApi } from '../../api/ApiProvider';
import { DialogActions } from '../../components/DialogActions';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { KEY_TYPES, keySpecOf, useRefreshKeystore, type Entry, type KeyTypeChoice } from './keystore';

const ALIAS = /^[A-Za-z0-9_-]{1,64}$/;

/** While the keystore generates the key: RSA takes seconds (4096 bits: up to a minute on a slow machine). */
function Generating({ choice }: { choice: KeyTypeChoice }) {
  return (
    <Group gap="xs" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text size="sm">
        {choice.startsWith('RSA')
          ? `Generating the ${choice.replace('-', ' ')} key: this takes a few seconds, up to a minute for 4096 bits…`
          : 'Generating the key…'}
      </Text>
    </Group>
  );
}

/**
 * A new key pair (`POST /keystore/key-pairs`: alias, key type, subject DN, validity; the
 * keystore answers it self-signed until its signed chain is imported) or the pending pair
 * of a renewal (`POST /keystore/key-pairs/{alias}/renewal`: the subject DN defaults to the
 * current one's).
 */
export function KeyPairForm({ renew, onDone, onCancel }: { renew?: Entry; onDone: (alias: string) => void; onCancel: () => void }) {
  const { $api } = useApi();
  const refresh = useRefreshKeystore();
  const create = $api.useMutation('post', '/api/v1/keystore/key-pairs');
  const start = $api.useMutation('post', '/api/v1/keystore/key-pairs/{alias}/renewal');
  const pending = create.isPending || start.isPending;
  const initialKeyType: KeyTypeChoice = KEY_TYPES.find((k) => k.label === renew?.keyAlgorithm)?.value ?? 'EC-P-256';
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { alias: renew?.alias ?? '', keyType: initialKeyType as string, subjectDN: renew?.subjectDN ?? '', validityDays: 365 as number | string },
    validate: {
      alias: (v) => (renew || ALIAS.test(v.trim()) ? null : 'An alias is 1–64 letters, digits, _ and -'),
      subjectDN: (v) => (renew || v.trim() ? null : 'A key pair needs a subject DN, e.g. CN=acme-tenant, O=Acme'),
      validityDays: (v) => (v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 3650) ? null : 'Whole days, 1 to 3650'),
    },
  });
  const { error, handle } = useFormApiError(form, { keySize: 'keyType', curve: 'keyType' });
  const choice = form.getValues().keyType as KeyTypeChoice;

  const submit = form.onSubmit((values) => {
    const spec = keySpecOf(values.keyType as KeyTypeChoice);
    const validityDays = values.validityDays === '' ? undefined : Number(values.validityDays);
    const subjectDN = values.subjectDN.trim();
    const done = (title: string) => () => {
      notifications.show({ color: 'teal', title, message: renew?.alias ?? values.alias.trim() });
      void refresh();
      onDone(renew?.alias ?? values.alias.trim());
    };
    if (renew) {
      start.mutate(
        {
          params: { path: { alias: renew.alias } },
          body: { ...spec, ...(subjectDN && { subjectDN }), ...(validityDays !== undefined && { validityDays }) },
        },
        { onSuccess: done('Renewal started'), onError: handle },
      );
    } else {
      create.mutate(
        { body: { alias: values.alias.trim(), subjectDN, ...spec, ...(validityDays !== undefined && { validityDays }) } },
        { onSuccess: done('Key pair created'), onError: handle },
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={error} title={renew ? 'The renewal was not started' : 'The key pair was not created'} />
        {renew ? (
          <Text size="sm">
            A new key pair is made beside the current one of <b>{renew.alias}</b>, which keeps serving until you activate the new one (after importing its
            signed chain).
          </Text>
        ) : (
          <TextInput
            label="Alias"
            description="1–64 letters, digits, _ and -; flows name it as their receiver key"
            required
            data-autofocus
            key={form.key('alias')}
            {...form.getInputProps('alias')}
          />
        )}
        <Select
          label="Key type"
          data={KEY_TYPES as unknown as { value: string; label: string }[]}
          allowDeselect={false}
          key={form.key('keyType')}
          {...form.getInputProps('keyType')}
        />
        <TextInput
          label="Subject DN"
          description={renew ? 'Empty keeps the current subject' : 'e.g. CN=acme-tenant, O=Acme, C=DE'}
          required={!renew}
          key={form.key('subjectDN')}
          {...form.getInputProps('subjectDN')}
        />
        <NumberInput
          label="Validity (days)"
          description="Of the self-signed certificate until the CA's is imported"
          min={1}
          max={3650}
          allowDecimal={false}
          key={form.key('validityDays')}
          {...form.getInputProps('validityDays')}
        />
        {pending && <Generating choice={choice} />}
        <DialogActions onCancel={onCancel} cancelDisabled={pending} label={renew ? 'Start renewal' : 'Create key pair'} pending={pending} />
      </Stack>
    </form>
  );
}
