import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { SecretValue, ShownOnlyOnce } from '../../components/ShownOnceSecret';
import { downloadBlob, downloadJson } from '../../lib/download';
import { fileNameOf, type CreatedKey } from './types';

/**
 * The secret part of a key just created — a generated private key or client secret —
 * shown this once: the console keeps no readable copy. Copy and download buttons; once
 * closed, it is gone from the page too.
 */
export function ShownOnce({ created, onClose }: { created: CreatedKey | undefined; onClose: () => void }) {
  const what = created?.clientsecret !== undefined ? 'client secret' : 'private key';
  const base = created ? fileNameOf(created.instance, created.name) : '';
  return (
    <Modal
      opened={created !== undefined}
      onClose={onClose}
      title={created ? `Key ${created.name} of ${created.instance}: save its ${what} now` : ''}
      size="lg"
      centered
      closeOnClickOutside={false}
    >
      {created && (
        <Stack>
          <ShownOnlyOnce>
            The console does not keep the {what} where it can be read again: once this dialog is closed it cannot be shown again. Copy it or download it now and
            hand it to the sender securely; if it is lost, delete this key and create another.
          </ShownOnlyOnce>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Client id
            </Text>
            <Code>{created.clientid}</Code>
          </Group>
          {created.clientsecret !== undefined && <SecretValue label="Client secret" value={created.clientsecret} copyLabel="Copy client secret" />}
          {created.key !== undefined && <SecretValue label="Private key (PKCS#8 PEM)" value={created.key} copyLabel="Copy private key" />}
          <Group gap="xs">
            {created.key !== undefined && (
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => downloadBlob(new Blob([created.key ?? ''], { type: 'application/x-pem-file' }), `${base}.key.pem`)}
              >
                Download key file
              </Button>
            )}
            {created.certificate && (
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => downloadBlob(new Blob([created.certificate?.pem ?? ''], { type: 'application/x-pem-file' }), `${base}.cert.pem`)}
              >
                Download certificate file
              </Button>
            )}
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => downloadJson(created, `${base}.json`)}>
              Download service key JSON
            </Button>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have saved it, close</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
