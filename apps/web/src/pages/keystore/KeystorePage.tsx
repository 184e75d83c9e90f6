import { ActionIcon, Badge, Button, Drawer, Group, Menu, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import {
  IconCertificate,
  IconDownload,
  IconFileCertificate,
  IconFileImport,
  IconFileUpload,
  IconInfoCircle,
  IconKey,
  IconPencil,
  IconPlus,
  IconRefresh,
  IconShieldCheck,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { RowMenu } from '../../components/RowMenu';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { Permitted, useDenial } from '../../components/Permitted';
import { ValidityBadge } from '../../components/ValidityBadge';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { day, daysUntil } from '../../lib/format';
import { ChainDrop } from './ChainDrop';
import { EntryDetails } from './EntryDetails';
import { DeleteEntry, Pkcs12ExportForm, RenameForm } from './EntryForms';
import { Pkcs12ImportForm, TrustedCertificateForm } from './ImportForms';
import { KeyPairForm } from './KeyPairForm';
import { ENTRIES, useKeystoreDownloads, type Entry } from './keystore';

type Dialog =
  | { kind: 'create' | 'trusted' | 'pkcs12-import' }
  | { kind: 'details'; alias: string; startRenewal?: boolean }
  | { kind: 'chain' | 'rename' | 'pkcs12-export' | 'delete'; alias: string };

/** The status colours, as the table shows them (the keystore's status: expiring is 30 days or less). */
function Legend() {
  return (
    <Group gap="md" aria-label="Status legend" role="group">
      <Group gap={6} wrap="nowrap">
        <ValidityBadge validity="valid" />
        <Text size="xs">more than 30 days left</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <ValidityBadge validity="expiring" />
        <Text size="xs">30 days or less: renew it</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <ValidityBadge validity="expired" />
        <Text size="xs">past its end: calls that use it fail</Text>
      </Group>
    </Group>
  );
}

function EntryActions({ entry, open, downloads }: { entry: Entry; open: (d: Dialog) => void; downloads: ReturnType<typeof useKeystoreDownloads> }) {
  const { can } = useAuth();
  const write = can('keystore:write');
  const writeDenial = useDenial('keystore:write');
  const keyPair = entry.kind === 'key-pair';
  const alias = entry.alias;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {/* A native title, not a Tooltip: a floating-ui popover per row is what made the first render slow (RowMenu). */}
      <ActionIcon variant="default" size="md" aria-label={`Details of ${alias}`} title="Details and renewal" onClick={() => open({ kind: 'details', alias })}>
        <IconInfoCircle size={16} aria-hidden />
      </ActionIcon>
      <RowMenu label={`Actions for ${alias}`}>
        <Menu.Label>Download</Menu.Label>
        <Menu.Item leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void downloads.certificate(alias, 'der')}>
          Certificate (.cer, DER)
        </Menu.Item>
        <Menu.Item leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void downloads.certificate(alias, 'pem')}>
          Certificate (.pem)
        </Menu.Item>
        <Menu.Item leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void downloads.chain(alias, 'pem')}>
          Chain (.pem)
        </Menu.Item>
        <Menu.Item leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void downloads.chain(alias, 'der')}>
          Chain (.p7b, PKCS#7)
        </Menu.Item>
        {keyPair && (
          <Menu.Item leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void downloads.csr(alias)}>
            CSR (.csr)
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Label>Change</Menu.Label>
        {keyPair && write && (
          <>
            <Menu.Item leftSection={<IconFileImport size={14} aria-hidden />} onClick={() => open({ kind: 'chain', alias })}>
              Import signed chain…
            </Menu.Item>
            <Menu.Item leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => open({ kind: 'details', alias, startRenewal: !entry.pending })}>
              {entry.pending ? 'Renewal (pending)…' : 'Renew…'}
            </Menu.Item>
          </>
        )}
        {/* The private key leaves only this way: its own permission, not keystore:write. */}
        {keyPair && can('secrets:export') && (
          <Menu.Item leftSection={<IconKey size={14} aria-hidden />} onClick={() => open({ kind: 'pkcs12-export', alias })}>
            Export PKCS#12…
          </Menu.Item>
        )}
        {write ? (
          <>
            <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => open({ kind: 'rename', alias })}>
              Rename…
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => open({ kind: 'delete', alias })}>
              Delete…
            </Menu.Item>
          </>
        ) : (
          <Text size="xs" px="sm" pb={6}>
            {writeDenial}
          </Text>
        )}
      </RowMenu>
    </Group>
  );
}

/**
 * The keystore monitor: every key pair and trusted certificate with type, owner, subject,
 * issuer, validity and status (expired red, expiring amber), and per entry its actions —
 * downloads (.cer, .pem, .p7b, CSR), chain import, renewal beside the current pair,
 * PKCS#12 export, rename, delete; key pairs created here, PKCS#12 files and trusted
 * certificates imported by dropping them.
 */
export default function KeystorePage() {
  const { $api } = useApi();
  const entries = $api.useQuery(...ENTRIES);
  const downloads = useKeystoreDownloads();
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);
  const open = (d: Dialog) => {
    downloads.clear();
    setDialog(d);
  };
  const selected = dialog && 'alias' in dialog ? entries.data?.find((e) => e.alias === dialog.alias) : undefined;

  const columns = [
    {
      accessor: 'alias' as const,
      title: 'Alias',
      sortable: true,
      render: (e: Entry) => (
        <Stack gap={2} miw={120}>
          <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
            {e.alias}
          </Text>
          {e.pending && (
            <Badge size="xs" color="indigo.8" variant="filled" w="fit-content">
              renewal pending
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      accessor: 'kind' as const,
      title: 'Type',
      sortable: true,
      noWrap: true,
      render: (e: Entry) => (
        <Badge
          size="sm"
          variant="default"
          leftSection={e.kind === 'key-pair' ? <IconKey size={12} aria-hidden /> : <IconCertificate size={12} aria-hidden />}
          tt="none"
        >
          {e.kind === 'key-pair' ? 'key pair' : 'certificate'}
        </Badge>
      ),
    },
    {
      accessor: 'owner' as const,
      title: 'Owner',
      sortable: true,
      noWrap: true,
      render: (e: Entry) => (
        <Badge size="sm" variant={e.owner === 'system' ? 'filled' : 'default'} color="gray.7" tt="none">
          {e.owner}
        </Badge>
      ),
    },
    {
      accessor: 'subjectDN' as const,
      title: 'Subject and issuer',
      sortable: true,
      render: (e: Entry) => {
        const selfSigned = e.kind === 'key-pair' && e.issuerDN === e.subjectDN;
        return (
          <Stack gap={0} miw={180}>
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {e.subjectDN}
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              issuer: {selfSigned ? 'self-signed (import the signed chain)' : e.issuerDN}
            </Text>
          </Stack>
        );
      },
    },
    {
      accessor: 'notAfter' as const,
      title: 'Valid',
      sortable: true,
      noWrap: true,
      render: (e: Entry) => (
        <Text size="xs">
          from {day(e.notBefore)}
          <br />
          until {day(e.notAfter)}
        </Text>
      ),
    },
    {
      accessor: 'status' as const,
      title: 'Status',
      sortable: true,
      noWrap: true,
      render: (e: Entry) => <ValidityBadge validity={e.status} days={daysUntil(e.notAfter)} />,
    },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (e: Entry) => <EntryActions entry={e} open={open} downloads={downloads} />,
    },
  ];

  const titles: Record<Dialog['kind'], string> = {
    create: 'Create a key pair',
    trusted: 'Add a trusted certificate',
    'pkcs12-import': 'Import a PKCS#12 file',
    details: `Keystore entry ${selected?.alias ?? ''}`,
    chain: `Import the signed chain of ${selected?.alias ?? ''}`,
    rename: `Rename ${selected?.alias ?? ''}`,
    'pkcs12-export': `Export ${selected?.alias ?? ''} as PKCS#12`,
    delete: `Delete ${selected?.alias ?? ''}?`,
  };
  const modalKind = dialog && dialog.kind !== 'details' ? dialog.kind : undefined;

  return (
    <Page
      title="Keystore"
      description="The tenant's key pairs (for calls to receivers and client-certificate authentication) and trusted certificates (receivers' roots, CAs of imported chains), with their validity. Every change is in force on every replica at once."
      writePermission="keystore:write"
      actions={
        <>
          <Permitted permission="keystore:write">
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ kind: 'create' })}>
              Create key pair
            </Button>
          </Permitted>
          <Permitted permission="keystore:write">
            <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => open({ kind: 'trusted' })}>
              Add trusted certificate
            </Button>
          </Permitted>
          <Permitted permission="keystore:write">
            <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={() => open({ kind: 'pkcs12-import' })}>
              Import PKCS#12
            </Button>
          </Permitted>
        </>
      }
    >
      <Legend />
      <ApiErrorAlert error={entries.error} title="Could not read the keystore" />
      {dialog?.kind !== 'details' && <ApiErrorAlert error={downloads.error} title="The download failed" onClose={downloads.clear} />}
      <ListTable<Entry>
        label="Keystore entries"
        records={entries.data}
        fetching={entries.isLoading}
        columns={columns}
        idAccessor="alias"
        sortBy="alias"
        searchText={(e) => `${e.alias} ${e.subjectDN} ${e.issuerDN} ${e.kind} ${e.owner} ${e.status}`}
        noRecordsText="The keystore is empty"
      />

      <Modal opened={modalKind !== undefined} onClose={close} title={modalKind ? titles[modalKind] : ''} centered size={modalKind === 'create' ? 'lg' : 'md'}>
        {dialog?.kind === 'create' && <KeyPairForm onDone={close} onCancel={close} />}
        {dialog?.kind === 'trusted' && <TrustedCertificateForm onDone={close} />}
        {dialog?.kind === 'pkcs12-import' && <Pkcs12ImportForm onDone={close} />}
        {dialog?.kind === 'chain' && selected && <ChainDrop alias={selected.alias} target="current" onImported={close} />}
        {dialog?.kind === 'rename' && selected && <RenameForm entry={selected} onDone={close} />}
        {dialog?.kind === 'pkcs12-export' && selected && <Pkcs12ExportForm entry={selected} onDone={close} />}
        {dialog?.kind === 'delete' && selected && <DeleteEntry entry={selected} onDone={close} />}
        {dialog && 'alias' in dialog && dialog.kind !== 'details' && !selected && entries.data && (
          <Text size="sm">{dialog.alias} is no longer in the keystore.</Text>
        )}
      </Modal>

      <Drawer
        opened={dialog?.kind === 'details'}
        onClose={close}
        position="right"
        size="xl"
        title={
          <Group gap="xs">
            <IconFileCertificate size={20} aria-hidden />
            <Text fw={700}>{titles.details}</Text>
          </Group>
        }
      >
        {dialog?.kind === 'details' && selected && <EntryDetails entry={selected} downloads={downloads} startRenewal={dialog.startRenewal} />}
        {dialog?.kind === 'details' && !selected && entries.data && <Text size="sm">{dialog.alias} is no longer in the keystore.</Text>}
      </Drawer>
    </Page>
  );
}
