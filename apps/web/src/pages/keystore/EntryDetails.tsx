import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconRefresh, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { ValidityBadge } from '../../components/ValidityBadge';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { day, daysUntil, validityOf } from '../../lib/format';
import { ChainDrop } from './ChainDrop';
import { KeyPairForm } from './KeyPairForm';
import { useRefreshKeystore, type Entry, type KeystoreDownloads, type PendingPair } from './keystore';

function Facts({ rows, label }: { rows: [string, ReactNode][]; label: string }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4} aria-label={label}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={120} fw={600} fz="sm">
              {k}
            </Table.Th>
            <Table.Td fz="sm" style={{ wordBreak: 'break-word' }}>
              {v}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DownloadButton({ label, onClick, busy }: { label: string; onClick: () => void; busy?: boolean }) {
  return (
    <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} onClick={onClick} loading={busy}>
      {label}
    </Button>
  );
}

/** The pending pair of a renewal: its CSR, its chain import, activate, cancel. */
function PendingCard({ entry, pending, downloads }: { entry: Entry; pending: PendingPair; downloads: KeystoreDownloads }) {
  const { $api } = useApi();
  const { can } = useAuth();
  const refresh = useRefreshKeystore();
  const activate = $api.useMutation('post', '/api/v1/keystore/key-pairs/{alias}/renewal/activate');
  const cancel = $api.useMutation('delete', '/api/v1/keystore/key-pairs/{alias}/renewal');
  const [confirm, setConfirm] = useState<'activate' | 'cancel'>();
  const selfSigned = pending.issuerDN === pending.subjectDN;
  const params = { params: { path: { alias: entry.alias } } };

  return (
    <Card withBorder padding="md" component="section" aria-label={`Pending renewal of ${entry.alias}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Pending renewal
        </Title>
        <Badge color="indigo.8" variant="filled">
          {selfSigned ? 'awaiting its signed chain' : 'ready to activate'}
        </Badge>
      </Group>
      <Facts
        label="The pending key pair"
        rows={[
          ['Subject', pending.subjectDN],
          ['Issuer', selfSigned ? `${pending.issuerDN} (self-signed until its chain is imported)` : pending.issuerDN],
          ['Valid', `${day(pending.notBefore)} – ${day(pending.notAfter)}`],
          ['Status', <ValidityBadge key="v" validity={validityOf(pending.notBefore, pending.notAfter)} days={daysUntil(pending.notAfter)} />],
          ['Key', pending.keyAlgorithm],
          [
            'SHA-256',
            <Text key="f" size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {pending.fingerprint}
            </Text>,
          ],
          ['Started', day(pending.createdAt)],
        ]}
      />
      <Stack gap="sm" mt="sm">
        <Group gap="xs">
          <DownloadButton label="Renewal CSR" busy={downloads.busy === 'renewal-csr'} onClick={() => void downloads.renewalCsr(entry.alias)} />
        </Group>
        {can('keystore:write') && <ChainDrop alias={entry.alias} target="renewal" />}
        <ApiErrorAlert error={activate.error ?? cancel.error} title="The renewal did not change" />
        {can('keystore:write') &&
          (confirm ? (
            <Stack gap="xs" p="sm" bd="1px solid var(--mantine-color-default-border)" style={{ borderRadius: 4 }}>
              <Text size="sm">
                {confirm === 'activate'
                  ? `The pending pair replaces the current one under ${entry.alias} at once: receivers see the new certificate from the next call. The current key is gone.`
                  : 'The pending key pair and its chain are dropped; the current pair stays.'}
              </Text>
              <Group justify="flex-end">
                <Button size="xs" variant="default" onClick={() => setConfirm(undefined)}>
                  Back
                </Button>
                <Button
                  size="xs"
                  color={confirm === 'activate' ? undefined : 'red'}
                  loading={activate.isPending || cancel.isPending}
                  onClick={() =>
                    (confirm === 'activate' ? activate : cancel).mutate(params, {
                      onSuccess: () => {
                        notifications.show({
                          color: 'teal',
                          title: confirm === 'activate' ? 'Renewal activated' : 'Renewal cancelled',
                          message: entry.alias,
                        });
                        setConfirm(undefined);
                        void refresh();
                      },
                    })
                  }
                >
                  {confirm === 'activate' ? 'Activate now' : 'Cancel the renewal'}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group gap="xs">
              <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setConfirm('activate')}>
                Activate
              </Button>
              <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} aria-hidden />} onClick={() => setConfirm('cancel')}>
                Cancel renewal
              </Button>
            </Group>
          ))}
      </Stack>
    </Card>
  );
}

/**
 * One entry in full: the current certificate with its downloads and, for a key pair, its
 * CSR and chain import; a renewal's pending pair beside it, or the form that starts one.
 */
export function EntryDetails({ entry, downloads, startRenewal }: { entry: Entry; downloads: KeystoreDownloads; startRenewal?: boolean }) {
  const { can } = useAuth();
  const [renewing, setRenewing] = useState(Boolean(startRenewal));
  const keyPair = entry.kind === 'key-pair';
  const selfSigned = entry.issuerDN === entry.subjectDN;

  return (
    <Stack>
      <ApiErrorAlert error={downloads.error} title="The download failed" onClose={downloads.clear} />
      <SimpleGrid cols={{ base: 1, md: keyPair && (entry.pending || renewing) ? 2 : 1 }}>
        <Card withBorder padding="md" component="section" aria-label={`Current ${keyPair ? 'key pair' : 'certificate'} ${entry.alias}`}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {keyPair ? 'Current key pair' : 'Trusted certificate'}
            </Title>
            <ValidityBadge validity={entry.status} days={daysUntil(entry.notAfter)} />
          </Group>
          <Facts
            label={`The entry ${entry.alias}`}
            rows={[
              ['Alias', entry.alias],
              ['Owner', entry.owner],
              ['Subject', entry.subjectDN],
              ['Issuer', keyPair && selfSigned ? `${entry.issuerDN} (self-signed: import the CA's chain)` : entry.issuerDN],
              ['Valid', `${day(entry.notBefore)} – ${day(entry.notAfter)}`],
              ...(entry.keyAlgorithm ? [['Key', entry.keyAlgorithm] as [string, ReactNode]] : []),
              ['Chain', `${entry.chainLength} certificate${entry.chainLength === 1 ? '' : 's'}`],
              ['Serial', entry.serialNumber],
              [
                'SHA-256',
                <Text key="f" size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {entry.fingerprint}
                </Text>,
              ],
              ['Updated', day(entry.updatedAt)],
            ]}
          />
          <Stack gap="sm" mt="sm">
            <Group gap="xs">
              <DownloadButton
                label="Certificate .cer"
                busy={downloads.busy === 'certificate-der'}
                onClick={() => void downloads.certificate(entry.alias, 'der')}
              />
              <DownloadButton
                label="Certificate .pem"
                busy={downloads.busy === 'certificate-pem'}
                onClick={() => void downloads.certificate(entry.alias, 'pem')}
              />
              <DownloadButton label="Chain .pem" busy={downloads.busy === 'chain-pem'} onClick={() => void downloads.chain(entry.alias, 'pem')} />
              <DownloadButton label="Chain .p7b" busy={downloads.busy === 'chain-der'} onClick={() => void downloads.chain(entry.alias, 'der')} />
              {keyPair && <DownloadButton label="CSR" busy={downloads.busy === 'csr'} onClick={() => void downloads.csr(entry.alias)} />}
            </Group>
            {keyPair && can('keystore:write') && <ChainDrop alias={entry.alias} target="current" />}
            {keyPair && !entry.pending && !renewing && can('keystore:write') && (
              <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setRenewing(true)} w="fit-content">
                Start renewal
              </Button>
            )}
          </Stack>
        </Card>
        {keyPair && entry.pending && <PendingCard entry={entry} pending={entry.pending} downloads={downloads} />}
        {keyPair && !entry.pending && renewing && (
          <Card withBorder padding="md" component="section" aria-label={`Start a renewal of ${entry.alias}`}>
            <Title order={3} size="h4" mb="xs">
              Start a renewal
            </Title>
            <KeyPairForm renew={entry} onDone={() => setRenewing(false)} onCancel={() => setRenewing(false)} />
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
