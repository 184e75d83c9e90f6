import { Autocomplete, Button, Card, Group, Modal, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
import { downloadBlob } from '../../lib/download';
import { daysUntil, moment, shortFingerprint, validityOf } from '../../lib/format';
import { MAPPINGS, PEM_FILES, USERS, type Mapping } from './shared';

/** Who already has a certificate (409 `certificate_in_use` / `mapping_exists`: details.user). */
export function MappedUser({ error }: { error: unknown }) {
  const err = toApiError(error);
  const user = err.details?.user;
  if (typeof user !== 'string' || (err.code !== 'certificate_in_use' && err.code !== 'mapping_exists')) return null;
  return (
    <Text size="sm" mt="xs" aria-label="User the certificate is mapped to">
      {err.code === 'mapping_exists' ? (
        <>
          Already mapped to this very user, <b>{user}</b>: nothing to add.
        </>
      ) : (
        <>
          Already mapped to user <b>{user}</b>: a certificate maps to one user. Delete that mapping first to map it to another.
        </>
      )}
    </Text>
  );
}

function AddMapping({ users }: { users: string[] }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const create = $api.useMutation('post', '/api/v1/certificate-user-mappings');
  const [rejected, setRejected] = useState<string>();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { user: '' },
    validate: { user: (v) => (v.trim() ? null : 'Name the user first (john.doe@acme.com)') },
  });
  const { error, handle, clear } = useFormApiError(form);

  const onDrop = async (files: File[]) => {
    setRejected(undefined);
    clear();
    if (form.validate().hasErrors) return;
    if (files.length !== 1) {
      setRejected(`one certificate per mapping: drop one file (${files.length} were dropped)`);
      return;
    }
    const user = form.getValues().user.trim();
    create.mutate(
      { body: { user, certificate: await (files[0] as File).text() } },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', title: 'Certificate mapped', message: `${m?.certificate.subjectDN ?? 'the certificate'} → ${user}` });
          void queryClient.invalidateQueries({ queryKey: MAPPINGS });
          void queryClient.invalidateQueries({ queryKey: USERS });
        },
        onError: handle,
      },
    );
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="add-mapping-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="add-mapping-title">
          Map a certificate to a user
        </Title>
        <Autocomplete
          label="User"
          description="Letters, digits, _, -, @ and single dots; an existing user or a new name"
          placeholder="john.doe@acme.com"
          data={users}
          required
          maw={420}
          key={form.key('user')}
          {...form.getInputProps('user')}
        />
        <Dropzone
          onDrop={(files) => void onDrop(files)}
          onReject={(r) => setRejected(r.map((f) => `${f.file.name}: ${f.errors.map((e) => e.message).join(', ')}`).join('; '))}
          accept={PEM_FILES}
          maxSize={64 * 1024}
          multiple={false}
          loading={create.isPending}
          aria-label="Map a certificate: drop the user's PEM file here or press to choose it"
          inputProps={{ 'aria-label': "The user's certificate (PEM file)" }}
          data-testid="mapping-dropzone"
        >
          <Group justify="center" gap="lg" mih={72} style={{ pointerEvents: 'none' }}>
            <DropzoneIcon size={32} />
            <div>
              <Text size="md">Drop the user&apos;s certificate (PEM) here, or click to choose it</Text>
              <Text size="sm" c="dimmed">
                Its own leaf certificate, valid now; in classic mode it authenticates as this user at once.
              </Text>
            </div>
          </Group>
        </Dropzone>
        {rejected && (
          <Text c="red" size="sm" role="alert">
            Not mapped: {rejected}
          </Text>
        )}
        <ApiErrorAlert error={error} title="The certificate was not mapped" onClose={clear}>
          <MappedUser error={error} />
        </ApiErrorAlert>
      </Stack>
    </Card>
  );
}

/** Certificate-to-user mappings: add one by dropping a PEM file, list, delete. */
export function MappingsTab() {
  const { $api } = useApi();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const mappings = $api.useQuery(...MAPPINGS);
  const users = $api.useQuery(...USERS);
  const remove = $api.useMutation('delete', '/api/v1/certificate-user-mappings/{id}');
  const [toDelete, setToDelete] = useState<Mapping>();

  const columns = [
    {
      accessor: 'user' as const,
      title: 'User',
      sortable: true,
      noWrap: true,
      render: (m: Mapping) => (
        <Text size="sm" fw={600}>
          {m.user}
        </Text>
      ),
    },
    {
      accessor: 'certificate',
      title: 'Certificate',
      render: (m: Mapping) => (
        <Stack gap={0}>
          <Text size="sm">{m.certificate.subjectDN}</Text>
          <Text size="xs" c="dimmed">
            issued by {m.certificate.issuerDN}
          </Text>
          <Text size="xs" ff="monospace" c="dimmed" title={m.id}>
            SHA-256 {shortFingerprint(m.id)}
          </Text>
        </Stack>
      ),
    },
    {
      accessor: 'validity',
      title: 'Validity',
      noWrap: true,
      render: (m: Mapping) => <ValidityBadge validity={validityOf(m.certificate.notBefore, m.certificate.notAfter)} days={daysUntil(m.certificate.notAfter)} />,
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (m: Mapping) => moment(m.createdAt) },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (m: Mapping) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={`Download the certificate of ${m.user} (${shortFingerprint(m.id)}) as PEM`}
            onClick={() => downloadBlob(new Blob([m.certificate.pem], { type: 'application/x-pem-file' }), `mapping-${m.id.slice(0, 16)}.pem`)}
          >
            PEM
          </Button>
          <Permitted permission="classic:write">
            <RowDeleteButton
              aria-label={`Delete the mapping of ${m.certificate.subjectDN} to ${m.user}`}
              onClick={() => {
                remove.reset();
                setToDelete(m);
              }}
            />
          </Permitted>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      {can('classic:write') && <AddMapping users={(users.data ?? []).map((u) => u.name)} />}
      <ApiErrorAlert error={mappings.error} title="Could not read the mappings" />
      <ListTable<Mapping>
        label="Certificate-to-user mappings"
        records={mappings.data}
        fetching={mappings.isLoading}
        columns={columns}
        idAccessor="id"
        sortBy="user"
        searchText={(m) => `${m.user} ${m.certificate.subjectDN} ${m.certificate.issuerDN} ${m.id}`}
        noRecordsText="No mapping yet: name a user and drop their certificate above"
      />
      <Modal opened={toDelete !== undefined} onClose={() => setToDelete(undefined)} title="Delete this mapping?" centered>
        {toDelete && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                <b>{toDelete.certificate.subjectDN}</b> stops authenticating as <b>{toDelete.user}</b> at once (classic mode).
              </Text>
            }
            error={remove.error}
            errorTitle="The mapping was not deleted"
            pending={remove.isPending}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { id: toDelete.id } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Mapping deleted', message: `${toDelete.certificate.subjectDN} → ${toDelete.user}` });
                    setToDelete(undefined);
                    void queryClient.invalidateQueries({ queryKey: MAPPINGS });
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
