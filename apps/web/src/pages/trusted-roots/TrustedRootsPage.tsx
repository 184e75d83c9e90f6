import { Badge, Button, Group, Modal, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import type { paths } from '../../api/schema';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DropzoneIcon } from '../../components/DropzoneIcon';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { Permitted } from '../../components/Permitted';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { ValidityBadge } from '../../components/ValidityBadge';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { downloadBlob } from '../../lib/download';
import { day, daysUntil, shortFingerprint, validityOf } from '../../lib/format';

type Root = paths['/api/v1/ingress/trusted-roots']['get']['responses'][200]['content']['application/json'][number];

const ROOTS = ['get', '/api/v1/ingress/trusted-roots'] as const;

/** Files a PEM bundle comes in; the console checks the content. */
const PEM_FILES = {
  'application/x-pem-file': ['.pem'],
  'application/x-x509-ca-cert': ['.crt', '.cer'],
  'application/pkix-cert': ['.crt', '.cer'],
  'text/plain': ['.pem', '.crt', '.cer', '.txt'],
};

const WHY_NOT_REMOVABLE: Record<string, string> = {
  env: 'Configured by INGRESS_CLIENT_ROOTS: change that setting to remove it',
  'client-ca': "The tenant client CA, which the ingress always trusts (it issues the 'certificate' service keys)",
};

/** What a root demands of the chains below it (docs/certificate-policy.md, "Per-root policy"), in two badges. */
function PolicyBadges({ policy }: { policy: Root['policy'] }) {
  const revocation = policy.revocation;
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={policy.eku === 'require-clientAuth' ? 'Sender certificates must list clientAuth' : 'Sender certificates without EKU are admitted'}>
        <Badge variant="default">{policy.eku === 'require-clientAuth' ? 'EKU required' : 'EKU optional'}</Badge>
      </Tooltip>
      <Tooltip
        multiline
        w={300}
        label={
          revocation
            ? `CRLs: ${[...revocation.crlUrls, ...(revocation.distributionPoints ? ['distribution points'] : [])].join(', ') || 'INGRESS_CRL_FILES only'}${revocation.ocsp ? '; OCSP where no CRL is current' : ''}`
            : 'Revocation is not checked'
        }
      >
        <Badge variant={revocation ? 'light' : 'default'} color={revocation?.onUnavailable === 'fail-open' ? 'yellow' : 'blue'}>
          {revocation ? `CRL, ${revocation.onUnavailable}` : 'No CRL check'}
        </Badge>
      </Tooltip>
    </Group>
  );
}

/** The roots the ingress trusts for client certificates: add by dropping a PEM file, remove one. */
export default function TrustedRootsPage() {
  const { $api } = useApi();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const roots = $api.useQuery(...ROOTS);
  const add = $api.useMutation('post', '/api/v1/ingress/trusted-roots');
  const remove = $api.useMutation('delete', '/api/v1/ingress/trusted-roots/{sha256}');
  const [toRemove, setToRemove] = useState<Root>();
  const [rejected, setRejected] = useState<string>();

  const refresh = () => queryClient.invalidateQueries({ queryKey: ROOTS });

  const onDrop = async (files: File[]) => {
    setRejected(undefined);
    add.reset();
    const bundle = (await Promise.all(files.map((f) => f.text()))).join('\n');
    const before = new Set((roots.data ?? []).map((r) => r.fingerprint));
    add.mutate(
      { body: { certificates: bundle } },
      {
        onSuccess: (now) => {
          const added = (now ?? []).filter((r) => !before.has(r.fingerprint));
          notifications.show({
            color: 'teal',
            title: added.length ? `Trusted ${added.length === 1 ? 'a new root' : `${added.length} new roots`}` : 'Already trusted',
            message: added.length ? added.map((r) => r.subjectDN).join('; ') : `Every root of ${files.map((f) => f.name).join(', ')} was trusted already.`,
          });
          void refresh();
        },
      },
    );
  };

  const columns = [
    { accessor: 'subjectDN' as const, title: 'Subject', sortable: true, render: (r: Root) => <Text size="sm">{r.subjectDN}</Text> },
    {
      accessor: 'source' as const,
      title: 'Source',
      sortable: true,
      noWrap: true,
      render: (r: Root) => <Badge variant="default">{r.source}</Badge>,
    },
    { accessor: 'policy' as const, title: 'Policy', noWrap: true, render: (r: Root) => <PolicyBadges policy={r.policy} /> },
    { accessor: 'notAfter' as const, title: 'Valid', sortable: true, noWrap: true, render: (r: Root) => `${day(r.notBefore)} – ${day(r.notAfter)}` },
    {
      accessor: 'validity',
      title: 'Validity',
      noWrap: true,
      render: (r: Root) => <ValidityBadge validity={validityOf(r.notBefore, r.notAfter)} days={daysUntil(r.notAfter)} />,
    },
    {
      accessor: 'fingerprint' as const,
      title: 'SHA-256',
      noWrap: true,
      render: (r: Root) => (
        <Text size="xs" ff="monospace" title={r.fingerprint}>
          {shortFingerprint(r.fingerprint)}
        </Text>
      ),
    },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (r: Root) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={`Download ${r.subjectDN} as PEM`}
            onClick={() => downloadBlob(new Blob([r.pem], { type: 'application/x-pem-file' }), `root-${r.fingerprint.slice(0, 16)}.pem`)}
          >
            PEM
          </Button>
          {r.source === 'api' ? (
            <Permitted permission="trusted-roots:write">
              <RowDeleteButton
                aria-label={`Remove ${r.subjectDN}`}
                onClick={() => {
                  remove.reset();
                  setToRemove(r);
                }}
              >
                Remove
              </RowDeleteButton>
            </Permitted>
          ) : (
            <Tooltip label={WHY_NOT_REMOVABLE[r.source] ?? 'Not removable here'} multiline w={260}>
              <RowDeleteButton aria-label={`Remove ${r.subjectDN}`} disabled>
                Remove
              </RowDeleteButton>
            </Tooltip>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Page
      title="Trusted roots"
      description="The root CAs whose client certificates the ingress accepts (verified during the TLS handshake). A change is in force on every ingress replica at once."
      writePermission="trusted-roots:write"
    >
      {/* Without the permission the drop zone is left out: the note under the title says why. */}
      {can('trusted-roots:write') && (
        <Stack gap="xs">
          <Dropzone
            onDrop={(files) => void onDrop(files)}
            onReject={(rejections) => setRejected(rejections.map((r) => `${r.file.name}: ${r.errors.map((e) => e.message).join(', ')}`).join('; '))}
            accept={PEM_FILES}
            maxSize={256 * 1024}
            loading={add.isPending}
            aria-label="Add trusted roots: drop PEM files here or press to choose them"
            inputProps={{ 'aria-label': 'PEM files of root CAs' }}
            data-testid="roots-dropzone"
          >
            <Group justify="center" gap="lg" mih={96} style={{ pointerEvents: 'none' }}>
              <DropzoneIcon size={40} />
              <div>
                <Text size="lg">Drop PEM files of root CAs here, or click to choose</Text>
                <Text size="sm" c="dimmed">
                  Each certificate must be a self-signed CA valid now; a bundle may hold several. Nothing is added when one is refused.
                </Text>
              </div>
            </Group>
          </Dropzone>
          {rejected && (
            <Text c="red" size="sm" role="alert">
              Not a PEM file: {rejected}
            </Text>
          )}
          <ApiErrorAlert error={add.error} title="The roots were not added" onClose={() => add.reset()} />
        </Stack>
      )}

      <ApiErrorAlert error={roots.error} title="Could not read the trusted roots" />
      <ListTable<Root>
        label="Trusted roots"
        records={roots.data}
        fetching={roots.isLoading}
        columns={columns}
        idAccessor="fingerprint"
        sortBy="subjectDN"
        searchText={(r) => `${r.subjectDN} ${r.fingerprint} ${r.source}`}
        noRecordsText="No trusted root: drop the PEM file of a sender's root CA above"
      />

      <Modal opened={toRemove !== undefined} onClose={() => setToRemove(undefined)} title="Remove this trusted root?" centered>
        {toRemove && (
          <ConfirmDelete
            explanation={
              <>
                <Text size="sm">
                  Client certificates issued under <b>{toRemove.subjectDN}</b> stop being accepted by every ingress replica at once.
                </Text>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {toRemove.fingerprint}
                </Text>
              </>
            }
            error={remove.error}
            errorTitle="The root was not removed"
            confirmLabel="Remove"
            pending={remove.isPending}
            onCancel={() => setToRemove(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { sha256: toRemove.fingerprint } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Root removed', message: toRemove.subjectDN });
                    setToRemove(undefined);
                    void refresh();
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </Page>
  );
}
