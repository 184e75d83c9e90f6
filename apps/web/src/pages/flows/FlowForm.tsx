import { ActionIcon, Button, Fieldset, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { DropzoneIcon } from '../../components/DropzoneIcon';
import { newStep, type CertificateEntry, type FlowValues, type StepValues } from './flow-model';

const PEM_FILES = {
  'application/x-pem-file': ['.pem'],
  'application/x-x509-ca-cert': ['.crt', '.cer'],
  'application/pkix-cert': ['.crt', '.cer'],
  'text/plain': ['.pem', '.crt', '.cer', '.txt'],
};

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The SHA-256 of a PEM certificate's DER, shortened (`ab12cd34…`): to tell dropped certificates apart. */
async function shortSha256(pem: string): Promise<string | undefined> {
  try {
    const b64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
    const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}…${hex.slice(-8)}`;
  } catch {
    return undefined;
  }
}

/** An error of the form at a path that has no input of its own (a list entry). */
function EntryError({ error }: { error: ReactNode }) {
  if (!error) return null;
  return (
    <Text size="sm" c="var(--mantine-color-error)" role="alert">
      {error}
    </Text>
  );
}

const STEP_TYPES = [
  { value: 'respond', label: 'respond' },
  { value: 'set-header', label: 'set-header' },
  { value: 'echo', label: 'echo' },
];

function StepFields({ form, index }: { form: UseFormReturnType<FlowValues>; index: number }) {
  const step = form.values.steps[index] as StepValues;
  const at = (field: keyof StepValues) => `steps.${index}.${field}`;
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Step ${index + 1}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Select label={`Step ${index + 1}`} data={STEP_TYPES} allowDeselect={false} w={180} {...form.getInputProps(at('type'))} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove step ${index + 1}`} onClick={() => form.removeListItem('steps', index)}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        {step.type === 'respond' && (
          <>
            <NumberInput label="Status" min={200} max={599} w={140} {...form.getInputProps(at('status'))} />
            <Textarea
              label="Body"
              description="May use ${principal}, ${address}, ${method}, ${header.<name>}, ${body}"
              autosize
              minRows={1}
              {...form.getInputProps(at('body'))}
            />
            <Textarea label="Headers" description="One Name: value a line (optional)" autosize minRows={1} {...form.getInputProps(at('headers'))} />
          </>
        )}
        {step.type === 'set-header' && (
          <Group grow align="flex-start">
            <TextInput label="Header name" {...form.getInputProps(at('name'))} />
            <TextInput label="Header value" {...form.getInputProps(at('value'))} />
          </Group>
        )}
        {step.type === 'echo' && (
          <Text size="sm" c="dimmed">
            Answers the request&apos;s body back to the sender.
          </Text>
        )}
        <EntryError error={form.errors[`steps.${index}`]} />
      </Stack>
    </Paper>
  );
}

function CertificateFields({ form }: { form: UseFormReturnType<FlowValues> }) {
  const [rejected, setRejected] = useState<string>();
  const certificates = form.values.sender.authorization.certificates;
  const base = 'sender.authorization.certificates';

  const onDrop = async (files: File[]) => {
    setRejected(undefined);
    const entries: CertificateEntry[] = [];
    for (const f of files) {
      const blocks = (await f.text()).match(PEM_BLOCK) ?? [];
      if (blocks.length === 0) {
        setRejected(`${f.name}: no PEM certificate in it`);
        continue;
      }
      for (const [i, pem] of blocks.entries()) {
        const sha = await shortSha256(pem);
        entries.push({ kind: 'pem', pem: `${pem}\n`, label: `${f.name}${blocks.length > 1 ? ` #${i + 1}` : ''}${sha ? ` · SHA-256 ${sha}` : ''}` });
      }
    }
    for (const e of entries) form.insertListItem(base, e);
  };

  return (
    <Stack gap="xs">
      <Text size="sm">
        The certificates allowed to call: each a sender&apos;s certificate (PEM, already in a service key), or a subject and issuer DN pair.
      </Text>
      {certificates.map((c, i) => (
        <Paper key={i} withBorder p="xs" role="group" aria-label={`Certificate ${i + 1}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            {c.kind === 'pem' ? (
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {c.label}
              </Text>
            ) : (
              <Group grow align="flex-start" style={{ flex: 1 }}>
                <TextInput label="Subject DN" placeholder="CN=sender-a, O=Partner" {...form.getInputProps(`${base}.${i}.subjectDN`)} />
                <TextInput label="Issuer DN" placeholder="CN=Partner Root" {...form.getInputProps(`${base}.${i}.issuerDN`)} />
              </Group>
            )}
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove certificate ${i + 1}`} onClick={() => form.removeListItem(base, i)}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <EntryError error={form.errors[`${base}.${i}`]} />
        </Paper>
      ))}
      <Dropzone
        onDrop={(files) => void onDrop(files)}
        onReject={(r) => setRejected(r.map((f) => `${f.file.name}: ${f.errors.map((e) => e.message).join(', ')}`).join('; '))}
        accept={PEM_FILES}
        maxSize={256 * 1024}
        aria-label="Add sender certificates: drop PEM files here or press to choose them"
        inputProps={{ 'aria-label': 'Sender certificates (PEM files)' }}
        data-testid="flow-certificates-dropzone"
        p="sm"
      >
        <Group justify="center" gap="sm" style={{ pointerEvents: 'none' }}>
          <DropzoneIcon size={28} />
          <Text size="sm">Drop sender certificates (PEM) here, or click to choose</Text>
        </Group>
      </Dropzone>
      {rejected && (
        <Text c="red" size="sm" role="alert">
          Not added: {rejected}
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem(base, { kind: 'dn', subjectDN: '', issuerDN: '' })}
        >
          Add a DN pair
        </Button>
      </Group>
      <EntryError error={form.errors[base]} />
    </Stack>
  );
}

export interface FlowFormProps {
  form: UseFormReturnType<FlowValues>;
  /** Editing a deployed flow: its id cannot change. */
  editing: boolean;
  roles: string[];
  keyPairs: { value: string; label: string }[];
}

/** The flow definition as a form: id, address, sender authorization, steps, receiver. */
export function FlowForm({ form, editing, roles, keyPairs }: FlowFormProps) {
  const authId = useId();
  const v = form.values;
  const role = v.sender.authorization.role;
  const roleData = role && !roles.includes(role) ? [...roles, role] : roles;
  const alias = v.receiver.authentication.privateKeyAlias;
  const aliasData = alias && !keyPairs.some((k) => k.value === alias) ? [...keyPairs, { value: alias, label: alias }] : keyPairs;
  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <TextInput label="Id" description="Letters, digits, _ and -; at most 64" required disabled={editing} {...form.getInputProps('id')} />
        <TextInput
          label="Address"
          description="Where senders call it: <ingress>/http<address>"
          placeholder="/orders"
          required
          {...form.getInputProps('sender.address')}
        />
      </Group>

      <Fieldset legend="Sender authorization">
        <Stack gap="sm">
          <SegmentedControl
            aria-labelledby={authId}
            data={[
              { value: 'role', label: 'Role' },
              { value: 'client-certificate', label: 'Client certificates' },
            ]}
            {...form.getInputProps('sender.authorization.type')}
          />
          <Text id={authId} size="xs" c="dimmed">
            Who may call: senders holding a role (from their service instance), or the listed certificates.
          </Text>
          {v.sender.authorization.type === 'role' ? (
            <Select
              label="Role"
              placeholder={roles.length ? 'Pick a role' : 'No roles yet: create one on the Roles page'}
              data={roleData}
              searchable
              nothingFoundMessage="No such role"
              {...form.getInputProps('sender.authorization.role')}
            />
          ) : (
            <CertificateFields form={form} />
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Steps">
        <Stack gap="sm">
          {v.steps.map((_, i) => (
            <StepFields key={i} form={form} index={i} />
          ))}
          {v.steps.length === 0 && (
            <Text size="sm" c="dimmed">
              No step: the flow answers 200 with an empty body, or the receiver&apos;s answer.
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={v.steps.length >= 50}
              onClick={() => form.insertListItem('steps', newStep())}
            >
              Add a step
            </Button>
          </Group>
          <EntryError error={form.errors.steps} />
        </Stack>
      </Fieldset>

      <Fieldset legend="Receiver">
        <Stack gap="sm">
          <Switch label="Send the message on to a receiver" {...form.getInputProps('receiver.enabled', { type: 'checkbox' })} />
          {v.receiver.enabled && (
            <>
              <TextInput label="Receiver URL" placeholder="https://erp.example:9443/in" required {...form.getInputProps('receiver.url')} />
              <Select
                label="Authentication"
                data={[
                  { value: 'client-certificate', label: 'Client certificate (a key pair of the keystore)' },
                  { value: 'none', label: 'None' },
                ]}
                allowDeselect={false}
                {...form.getInputProps('receiver.authentication.type')}
              />
              {v.receiver.authentication.type === 'client-certificate' && (
                <Select
                  label="Private key alias"
                  description="A key pair of the keystore; empty for the system key pair"
                  placeholder="The system key pair"
                  data={aliasData}
                  clearable
                  searchable
                  nothingFoundMessage="No such key pair"
                  {...form.getInputProps('receiver.authentication.privateKeyAlias')}
                />
              )}
            </>
          )}
          <EntryError error={form.errors.receiver} />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
