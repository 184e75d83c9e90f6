import {
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBraces, IconCheck, IconCopy, IconDownload, IconKey } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DropzoneIcon } from '../../components/DropzoneIcon';
import { ListTable } from '../../components/ListTable';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { ValidityBadge } from '../../components/ValidityBadge';
import { Permitted } from '../../components/Permitted';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { downloadJson } from '../../lib/download';
import { daysUntil, moment, validityOf } from '../../lib/format';
import { ShownOnce } from './ShownOnce';
import { fileNameOf, grantTypeOf, KEYS, PEM_FILES, type CreatedKey, type Instance, type ServiceKey } from './types';

const TYPE_LABEL: Record<ServiceKey['type'], string> = {
  'external-certificate': "sender's certificate",
  certificate: 'generated certificate',
  'client-secret': 'client secret',
};

/** The first free `k<n>` of an instance's keys. */
function nextKeyName(keys: readonly ServiceKey[] | undefined): string {
  const taken = new Set((keys ?? []).map((k) => k.name));
  let n = 1;
  while (taken.has(`k${n}`)) n += 1;
  return `k${n}`;
}

/** Which instance and key already hold a certificate (`certificate_in_use`: details.instance, details.key). */
export function CertificateHolder({ error, onShow }: { error: unknown; onShow?: (instance: string) => void }) {
  const err = toApiError(error);
  const instance = err.details?.instance;
  const key = err.details?.key;
  if (err.code !== 'certificate_in_use' || typeof instance !== 'string') return null;
  return (
    <Group gap="xs" mt="xs" aria-label="Holder of the certificate" wrap="wrap">
      <Text size="sm">
        Already held by key <b>{typeof key === 'string' ? key : '?'}</b> of service instance <b>{instance}</b>. A certificate can be in one service key only:
        delete that key first, or use another certificate.
      </Text>
      {onShow && (
        <Button size="compact-sm" variant="default" onClick={() => onShow(instance)}>
          Show the keys of {instance}
        </Button>
      )}
    </Group>
  );
}

/** A key's JSON as the API shows it (GET …/keys/{key}: client id, certificate, url, tokenurl): view, copy, download. */
function KeyJson({ instance, keyName, onClose }: { instance: string; keyName: string | undefined; onClose: () => void }) {
  const { $api } = useApi();
  const view = $api.useQuery(
    'get',
    '/api/v1/service-instances/{name}/keys/{key}',
    { params: { path: { name: instance, key: keyName ?? '' } } },
    { enabled: keyName !== undefined },
  );
  const text = view.data ? JSON.stringify(view.data, null, 2) : '';
  return (
    <Modal opened={keyName !== undefined} onClose={onClose} title={`Service key ${keyName ?? ''} of ${instance}`} size="xl" centered>
      <Stack>
        <Text size="sm">
          What the sender needs: <Code>url</Code> is where it calls flows (the flow&apos;s address is appended), <Code>tokenurl</Code> where it gets OAuth
          tokens, <Code>clientid</Code> who it is. It holds no private key or secret.
        </Text>
        <ApiErrorAlert error={view.error} title="Could not read the key" />
        {view.data && (
          <>
            {/* Focusable: it may scroll (axe: scrollable-region-focusable). */}
            <Code block aria-label="Service key JSON" tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 420, overflow: 'auto' }}>
              {text}
            </Code>
            <Group justify="flex-end" gap="xs">
              <CopyButton value={text}>
                {({ copied, copy }) => (
                  <Button variant="default" leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} onClick={copy}>
                    {copied ? 'Copied' : 'Copy JSON'}
                  </Button>
                )}
              </CopyButton>
              <Button
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => downloadJson(view.data, `${fileNameOf(instance, keyName ?? '')}.json`)}
              >
                Download JSON
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

interface AddValues extends Record<string, unknown> {
  name: string;
  keyType: 'EC' | 'RSA';
  validityDays: number | string;
}

/** Adding a key: the sender's PEM dropped (external-certificate), or a generated certificate key or client secret. */
function AddKey({ instance, keys, onShowInstance }: { instance: Instance; keys: readonly ServiceKey[] | undefined; onShowInstance: (name: string) => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/service-instances/{name}/keys');
  const [shown, setShown] = useState<CreatedKey>();
  const [rejected, setRejected] = useState<string>();
  const form = useForm<AddValues>({
    mode: 'uncontrolled',
    initialValues: { name: nextKeyName(keys), keyType: 'EC', validityDays: 365 },
    validate: { name: (v) => (v.trim() ? null : 'A key needs a name') },
  });
  const { error, handle, clear } = useFormApiError(form);
  const x509 = grantTypeOf(instance) === 'client_x509';

  // A fresh default name once the keys are known and after each key added.
  useEffect(() => {
    if (!form.isDirty('name')) form.setFieldValue('name', nextKeyName(keys));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys]);

  type Body =
    { type: 'external-certificate'; certificate: string } | { type: 'certificate'; keyType: 'EC' | 'RSA'; validityDays?: number } | { type: 'client-secret' };
  const add = (body: Body) => {
    setRejected(undefined);
    clear();
    create.reset();
    if (form.validate().hasErrors) return;
    const name = form.getValues().name.trim();
    create.mutate(
      { params: { path: { name: instance.name } }, body: { name, ...body } },
      {
        onSuccess: (key) => {
          notifications.show({ color: 'teal', title: 'Key added', message: `${name} of ${instance.name} (${key?.clientid ?? ''})` });
          form.reset();
          void queryClient.invalidateQueries({ queryKey: KEYS });
          if (key && (key.key !== undefined || key.clientsecret !== undefined)) setShown(key);
        },
        onError: handle,
      },
    );
  };

  const onDrop = async (files: File[]) => {
    if (files.length !== 1) {
      setRejected(`one certificate per key: drop one file (${files.length} were dropped)`);
      return;
    }
    add({ type: 'external-certificate', certificate: await (files[0] as File).text() });
  };

  const generateCertificate = () => {
    const { keyType, validityDays } = form.getValues();
    const days = Number(validityDays);
    add({ type: 'certificate', keyType, ...(validityDays !== '' && Number.isFinite(days) && { validityDays: days }) });
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="add-key-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="add-key-title">
          Add a key
        </Title>
        <TextInput
          label="Key name"
          description="Letters, digits, _ and -; the client id is sb-<instance>!<key>"
          required
          maw={480}
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        {x509 ? (
          <>
            <Dropzone
              onDrop={(files) => void onDrop(files)}
              onReject={(r) => setRejected(r.map((f) => `${f.file.name}: ${f.errors.map((e) => e.message).join(', ')}`).join('; '))}
              accept={PEM_FILES}
              maxSize={64 * 1024}
              multiple={false}
              loading={create.isPending}
              aria-label="Add a key from the sender's certificate: drop its PEM file here or press to choose it"
              inputProps={{ 'aria-label': "The sender's certificate (PEM file)" }}
              data-testid="key-dropzone"
            >
              <Group justify="center" gap="lg" mih={80} style={{ pointerEvents: 'none' }}>
                <DropzoneIcon size={36} />
                <div>
                  <Text size="md">Drop the sender&apos;s certificate (PEM) here, or click to choose it</Text>
                  <Text size="sm" c="dimmed">
                    Its own leaf certificate, valid now, issued by a trusted root; a certificate can be in one key only.
                  </Text>
                </div>
              </Group>
            </Dropzone>
            {rejected && (
              <Text c="red" size="sm" role="alert">
                Not added: {rejected}
              </Text>
            )}
            <ApiErrorAlert error={error} title="The key was not added" onClose={clear}>
              <CertificateHolder error={error} onShow={onShowInstance} />
            </ApiErrorAlert>
            <Divider label="or generate a certificate key" labelPosition="center" />
            <Text size="sm" c="dimmed">
              A key pair and a certificate from the tenant client CA, which the ingress always trusts; its private key is shown once.
            </Text>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label="Key type"
                data={[
                  { value: 'EC', label: 'EC P-256' },
                  { value: 'RSA', label: 'RSA 2048' },
                ]}
                allowDeselect={false}
                w={140}
                key={form.key('keyType')}
                {...form.getInputProps('keyType')}
              />
              <NumberInput label="Validity (days)" min={1} max={3650} w={140} key={form.key('validityDays')} {...form.getInputProps('validityDays')} />
              <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} loading={create.isPending} onClick={generateCertificate}>
                Generate a certificate key
              </Button>
            </Group>
          </>
        ) : (
          <>
            <ApiErrorAlert error={error} title="The key was not added" onClose={clear} />
            <Group>
              <Button leftSection={<IconKey size={16} aria-hidden />} loading={create.isPending} onClick={() => add({ type: 'client-secret' })}>
                Generate a client secret
              </Button>
              <Text size="sm" c="dimmed">
                A client_credentials instance: its keys are client secrets (client id + secret for the token endpoint).
              </Text>
            </Group>
          </>
        )}
      </Stack>
      <ShownOnce created={shown} onClose={() => setShown(undefined)} />
    </Card>
  );
}

/** The keys of one service instance: add (PEM drop, generated certificate or client secret), the key's JSON, delete. */
export function KeysPanel({ instance, onShowInstance }: { instance: Instance; onShowInstance: (name: string) => void }) {
  const { $api } = useApi();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const keys = $api.useQuery(...KEYS, { params: { path: { name: instance.name } } });
  const remove = $api.useMutation('delete', '/api/v1/service-instances/{name}/keys/{key}');
  const [jsonOf, setJsonOf] = useState<string>();
  const [toDelete, setToDelete] = useState<ServiceKey>();

  const columns = [
    {
      accessor: 'name' as const,
      title: 'Key',
      sortable: true,
      noWrap: true,
      render: (k: ServiceKey) => (
        <Text size="sm" fw={600}>
          {k.name}
        </Text>
      ),
    },
    {
      accessor: 'type' as const,
      title: 'Type',
      sortable: true,
      noWrap: true,
      render: (k: ServiceKey) => (
        <Badge variant="default" tt="none" title={k.type}>
          {TYPE_LABEL[k.type]}
        </Badge>
      ),
    },
    {
      accessor: 'clientid' as const,
      title: 'Client id',
      noWrap: true,
      render: (k: ServiceKey) => (
        <Text size="xs" ff="monospace">
          {k.clientid}
        </Text>
      ),
    },
    {
      accessor: 'certificate',
      title: 'Certificate',
      render: (k: ServiceKey) =>
        k.certificate ? (
          <Stack gap={2}>
            <Text size="sm">{k.certificate.subjectDN}</Text>
            <ValidityBadge validity={validityOf(k.certificate.notBefore, k.certificate.notAfter)} days={daysUntil(k.certificate.notAfter)} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            none (secret)
          </Text>
        ),
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (k: ServiceKey) => moment(k.createdAt) },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (k: ServiceKey) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconBraces size={14} aria-hidden />}
            aria-label={`JSON of key ${k.name}`}
            onClick={() => setJsonOf(k.name)}
          >
            JSON
          </Button>
          <Permitted permission="service-instances:write">
            <RowDeleteButton
              aria-label={`Delete key ${k.name}`}
              onClick={() => {
                remove.reset();
                setToDelete(k);
              }}
            />
          </Permitted>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="keys-title" id="keys">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="keys-title">
          Keys of {instance.name}
        </Title>
        <Badge variant="default" tt="none">
          {grantTypeOf(instance)}
        </Badge>
      </Group>
      {can('service-instances:write') && <AddKey key={instance.name} instance={instance} keys={keys.data} onShowInstance={onShowInstance} />}
      <ApiErrorAlert error={keys.error} title={`Could not read the keys of ${instance.name}`} />
      <ListTable<ServiceKey>
        label={`Keys of ${instance.name}`}
        records={keys.data}
        fetching={keys.isLoading}
        columns={columns}
        idAccessor="name"
        sortBy="name"
        noRecordsText="No key yet: add one above"
      />
      <KeyJson instance={instance.name} keyName={jsonOf} onClose={() => setJsonOf(undefined)} />
      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title={`Delete key ${toDelete?.name ?? ''}?`} centered>
        {toDelete && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                Its {toDelete.type === 'client-secret' ? 'client secret' : 'certificate'} stops working on every ingress replica at once: the sender{' '}
                <Code>{toDelete.clientid}</Code> can no longer call flows with it.
              </Text>
            }
            error={remove.error}
            errorTitle="The key was not deleted"
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { name: instance.name, key: toDelete.name } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Key deleted', message: `${toDelete.name} of ${instance.name}` });
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: KEYS });
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
