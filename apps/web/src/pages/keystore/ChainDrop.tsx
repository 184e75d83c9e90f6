import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { DropzoneIcon } from '../../components/DropzoneIcon';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { CHAIN_HINTS, PEM_FILES, useRefreshKeystore } from './keystore';

/** Why a chain was refused: the reason (details.reason) and what to do about it. */
function ChainRefusal({ error }: { error: unknown }) {
  const err = toApiError(error);
  const reason = typeof err.details?.reason === 'string' ? err.details.reason : undefined;
  const hint = CHAIN_HINTS[err.code] ?? (reason ? CHAIN_HINTS[reason] : undefined);
  if (!reason && !hint) return null;
  return (
    <Stack gap={2} mt="xs">
      {reason && reason !== err.code && (
        <Text size="sm">
          Reason: <b>{reason}</b>
        </Text>
      )}
      {hint && <Text size="sm">{hint}</Text>}
    </Stack>
  );
}

/**
 * Drop the signed certificate chain of a key pair (PEM, leaf first) — of the current pair
 * (`PUT /keystore/key-pairs/{alias}/chain`) or of its pending renewal
 * (`PUT …/renewal/chain`). A refusal shows its code, the chain reason and what to do.
 */
export function ChainDrop({ alias, target, onImported }: { alias: string; target: 'current' | 'renewal'; onImported?: () => void }) {
  const { $api } = useApi();
  const { can } = useAuth();
  const refresh = useRefreshKeystore();
  const current = $api.useMutation('put', '/api/v1/keystore/key-pairs/{alias}/chain');
  const renewal = $api.useMutation('put', '/api/v1/keystore/key-pairs/{alias}/renewal/chain');
  const mutation = target === 'current' ? current : renewal;
  const [rejected, setRejected] = useState<string>();
  const label = target === 'current' ? `Import the signed chain of ${alias}` : `Import the signed chain of the renewal of ${alias}`;

  const onDrop = async (files: File[]) => {
    setRejected(undefined);
    mutation.reset();
    const chain = (await Promise.all(files.map((f) => f.text()))).join('\n');
    mutation.mutate(
      { params: { path: { alias } }, body: { chain } },
      {
        onSuccess: (entry) => {
          notifications.show({
            color: 'teal',
            title: target === 'current' ? 'Chain imported' : 'Renewal chain imported',
            message: `${alias}: ${(target === 'current' ? entry?.issuerDN : entry?.pending?.issuerDN) ?? ''}`,
          });
          void refresh();
          onImported?.();
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={(files) => void onDrop(files)}
        onReject={(rejections) => setRejected(rejections.map((r) => `${r.file.name}: ${r.errors.map((e) => e.message).join(', ')}`).join('; '))}
        accept={PEM_FILES}
        maxSize={512 * 1024}
        loading={mutation.isPending}
        disabled={!can('keystore:write')}
        aria-label={`${label}: drop the PEM file here or press to choose it`}
        inputProps={{ 'aria-label': `PEM chain file for ${alias}${target === 'renewal' ? ' (renewal)' : ''}` }}
        data-testid={target === 'current' ? 'chain-dropzone' : 'renewal-chain-dropzone'}
      >
        <Group justify="center" gap="md" mih={72} style={{ pointerEvents: 'none' }}>
          <DropzoneIcon size={32} />
          <div>
            <Text size="sm" fw={600}>
              Drop the signed chain (PEM), or click to choose it
            </Text>
            <Text size="xs" c="dimmed">
              The CA&apos;s certificate for the CSR first, then its issuers. The root may be in the file or a trusted certificate of the keystore.
            </Text>
          </div>
        </Group>
      </Dropzone>
      {rejected && (
        <Text c="red" size="sm" role="alert">
          Not a PEM file: {rejected}
        </Text>
      )}
      <ApiErrorAlert error={mutation.error} title="The chain was not imported" onClose={() => mutation.reset()}>
        <ChainRefusal error={mutation.error} />
      </ApiErrorAlert>
    </Stack>
  );
}
